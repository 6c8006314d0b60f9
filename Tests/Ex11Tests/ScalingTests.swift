import CourseSupport
import CourseTesting
import Ex11
import Foundation
import ReferenceRNN
import Testing

/// Task `scaling`: power laws, and how the cup's numbers grow with its size.
@Suite("scaling") struct Scaling {
  @Test("a power law recovered exactly, and a noisy one as the reference fits it")
  func fits() {
    let xs: [Double] = [2, 4, 8, 16]
    let exact = powerLawFit(xs, xs.map { 3 * $0 * $0 })
    expectClose(
      exact.exponent, 2, tolerance: 1e-12, "the exponent of y = 3x²",
      hint: "The slope of ln y against ln x.")
    expectClose(
      exact.coefficient, 3, tolerance: 1e-12, "the coefficient of y = 3x²",
      hint: "e to the intercept: exp(v̄ − a·ū).")
    let noisy = [5.5, 9.0, 21.0, 37.0]
    let got = powerLawFit(xs, noisy)
    let want = Reference.powerLawFit(xs, noisy)
    expectClose(
      got.exponent, want.exponent, tolerance: 1e-12, "the exponent fitted to \(noisy)",
      hint: "Least squares on log–log axes: Σ(u − ū)(v − v̄) / Σ(u − ū)².")
    expectClose(
      got.coefficient, want.coefficient, tolerance: 1e-12, "the coefficient fitted to \(noisy)",
      hint: "exp(v̄ − a·ū).")
  }

  @Test("a run summarised by hand: the largest entropy, and the first of two equal peaks")
  func rowByHand() {
    let points = [
      CurvePoint(step: 0, entropy: 10, complexity: 5, adjustedComplexity: 1),
      CurvePoint(step: 10, entropy: 40, complexity: 9, adjustedComplexity: 1),
      CurvePoint(step: 20, entropy: 50, complexity: 9, adjustedComplexity: 1),
      CurvePoint(step: 30, entropy: 45, complexity: 2, adjustedComplexity: 1),
    ]
    let row = scalingRow(n: 8, points: points)
    expectThat(
      row == ScalingRow(n: 8, maxEntropy: 50, maxComplexity: 9, peakStep: 10),
      "scalingRow: expected n 8, maximum entropy 50, maximum complexity 9 at step 10 (the first of the two 9s), got \(row)."
    )
  }

  /// Cups of 24, 32 and 48 (steps growing as n⁴: 750,000 at 32), run by the reference, fitted
  /// by your code. Measured: the entropy exponent 1.90–1.91 and the peak-time exponent 3.99–4.48
  /// (2.0–2.5 in sweeps of n² steps) on seeds 1, 2 and 3.
  @Test(
    "the maximum entropy grows about as n², the peak time faster than n³·⁵", arguments: Lesson.seeds
  )
  func exponents(seed: UInt64) {
    let rows = [24, 32, 48].map { n in
      let steps = Int(Double(Lesson.steps) * pow(Double(n) / 32, 4))
      let run = Reference.coffeeRun(
        .interacting, n: n, grain: Lesson.grain, steps: steps, samples: Lesson.samples, seed: seed)
      return scalingRow(n: n, points: run.points)
    }
    let n = rows.map { Double($0.n) }
    let entropy = powerLawFit(n, rows.map { Double($0.maxEntropy) }).exponent
    let peak = powerLawFit(n, rows.map { Double($0.peakStep) }).exponent
    expectThat(
      (1.6...2.4).contains(entropy) && peak > 3.5,
      "seed \(seed): rows \(rows.map { "n = \($0.n): max entropy \($0.maxEntropy), peak at \($0.peakStep)" }); fitted exponents: entropy \(formatScalar(entropy)) (expected 1.6–2.4: the mixed cup's information grows with its area), peak time \(formatScalar(peak)) (expected above 3.5)."
    )
  }
}
