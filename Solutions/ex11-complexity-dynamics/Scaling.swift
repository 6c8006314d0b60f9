import CourseSupport
import Foundation

/// Task 6 · a power law y ≈ c·x^a, fitted by least squares on log–log axes: with u = ln x and
/// v = ln y, a = Σ (u − ū)(v − v̄) / Σ (u − ū)², and ln c = v̄ − a·ū.
public func powerLawFit(_ xs: [Double], _ ys: [Double]) -> (exponent: Double, coefficient: Double) {
  // BEGIN SOLUTION
  let u = xs.map { log($0) }
  let v = ys.map { log($0) }
  let uMean = u.reduce(0, +) / Double(u.count)
  let vMean = v.reduce(0, +) / Double(v.count)
  var covariance = 0.0
  var variance = 0.0
  for (ui, vi) in zip(u, v) {
    covariance += (ui - uMean) * (vi - vMean)
    variance += (ui - uMean) * (ui - uMean)
  }
  let a = covariance / variance
  return (a, exp(vMean - a * uMean))
  // END SOLUTION
}

/// Task 6 · how a run grows with the cup: its largest entropy, its largest complexity, and the
/// step where the complexity peaked (the earliest of equal peaks).
public func scalingRow(n: Int, points: [CurvePoint]) -> ScalingRow {
  // BEGIN SOLUTION
  var peak = points[0]
  for p in points where p.complexity > peak.complexity { peak = p }
  return ScalingRow(
    n: n, maxEntropy: points.map(\.entropy).max()!, maxComplexity: peak.complexity,
    peakStep: peak.step)
  // END SOLUTION
}
