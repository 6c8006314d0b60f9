/// A quick look at a series in a terminal: one character per value, ▁ lowest to █ highest.
/// Long series are averaged into `width` buckets; non-finite values show as "×".
public func sparkline(_ values: [Double], width: Int = 60) -> String {
  guard !values.isEmpty, width > 0 else { return "" }
  let bars = Array("▁▂▃▄▅▆▇█")
  let buckets = Swift.min(width, values.count)
  var averaged: [Double] = []
  for b in 0..<buckets {
    let slice = values[(b * values.count / buckets)..<((b + 1) * values.count / buckets)]
    averaged.append(
      slice.contains { !$0.isFinite } ? .nan : slice.reduce(0, +) / Double(slice.count))
  }
  let finite = averaged.filter(\.isFinite)
  let lo = finite.min() ?? 0
  let hi = finite.max() ?? 1
  return String(
    averaged.map { v -> Character in
      guard v.isFinite else { return "×" }
      let f = hi > lo ? (v - lo) / (hi - lo) : 0.5
      return bars[Swift.min(bars.count - 1, Int(f * Double(bars.count)))]
    })
}
