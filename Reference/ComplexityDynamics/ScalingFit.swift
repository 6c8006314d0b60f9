import CourseSupport
import Foundation

extension Reference {
  /// y ≈ c·x^a by least squares on ln y = a·ln x + ln c.
  public static func powerLawFit(_ xs: [Double], _ ys: [Double]) -> (
    exponent: Double, coefficient: Double
  ) {
    let u = xs.map { log($0) }
    let v = ys.map { log($0) }
    let k = Double(u.count)
    let (mu, mv) = (u.reduce(0, +) / k, v.reduce(0, +) / k)
    let covariance = zip(u, v).reduce(0) { $0 + ($1.0 - mu) * ($1.1 - mv) }
    let variance = u.reduce(0) { $0 + ($1 - mu) * ($1 - mu) }
    let a = covariance / variance
    return (a, exp(mv - a * mu))
  }

  /// A run's largest entropy and complexity, and the step where the complexity peaked.
  public static func scalingRow(n: Int, points: [CurvePoint]) -> ScalingRow {
    let peak = points.max {
      $0.complexity < $1.complexity || ($0.complexity == $1.complexity && $0.step > $1.step)
    }!
    return ScalingRow(
      n: n, maxEntropy: points.map(\.entropy).max()!, maxComplexity: peak.complexity,
      peakStep: peak.step)
  }

  /// The three exponents: maximum entropy, maximum complexity and peak time against n.
  public static func scalingExponents(_ rows: [ScalingRow]) -> (
    entropy: Double, complexity: Double, peakTime: Double
  ) {
    let n = rows.map { Double($0.n) }
    return (
      powerLawFit(n, rows.map { Double($0.maxEntropy) }).exponent,
      powerLawFit(n, rows.map { Double($0.maxComplexity) }).exponent,
      powerLawFit(n, rows.map { Double($0.peakStep) }).exponent
    )
  }
}
