import CourseSupport

/// Task 4 · how often each unit of a gate is saturated over a text.
///
/// `values[t]` is one gate's vector at step t (every step's f_t, say). For each unit u, return
/// the fraction of the steps at which values[t][u] < 0.1 (`left`) and the fraction at which it
/// is > 0.9 (`right`). A unit that is left-saturated most of the time is a gate that is almost
/// always shut; right-saturated, almost always open.
public func saturation(of values: [Vector]) -> Saturation {
  // BEGIN SOLUTION
  guard let first = values.first else { return Saturation(left: [], right: []) }
  var left = [Double](repeating: 0, count: first.count)
  var right = [Double](repeating: 0, count: first.count)
  for v in values {
    for u in v.indices {
      if v[u] < 0.1 { left[u] += 1 }
      if v[u] > 0.9 { right[u] += 1 }
    }
  }
  let n = Double(values.count)
  return Saturation(left: left.map { $0 / n }, right: right.map { $0 / n })
  // END SOLUTION
}
