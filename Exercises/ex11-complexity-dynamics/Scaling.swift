import CourseSupport
import Foundation

/// Task 6 · a power law y ≈ c·x^a, fitted by least squares on log–log axes: with u = ln x and
/// v = ln y, a = Σ (u − ū)(v − v̄) / Σ (u − ū)², and ln c = v̄ − a·ū.
public func powerLawFit(_ xs: [Double], _ ys: [Double]) -> (exponent: Double, coefficient: Double) {
  fatalError("TODO")
}

/// Task 6 · how a run grows with the cup: its largest entropy, its largest complexity, and the
/// step where the complexity peaked (the earliest of equal peaks).
public func scalingRow(n: Int, points: [CurvePoint]) -> ScalingRow {
  fatalError("TODO")
}
