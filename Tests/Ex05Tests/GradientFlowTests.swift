import CourseSupport
import CourseTesting
import Ex05
import Foundation
import GradientCheck
import ReferenceRNN
import Testing

/// Task `gradients`: ∂L_last/∂h_t for every time step.
@Suite("gradients") struct GradientsThroughTime {
  @Test("equal the reference's for sequences of 10, 25 and 50 (1e-9)", arguments: [10, 25, 50])
  func matchReference(_ T: Int) {
    var rng = SeededGenerator(seed: 4)
    let p = RNNParameters.random(hiddenSize: 16, vocabularySize: 6, scale: 0.4, using: &rng)
    let inputs = (0..<T).map { ($0 * 7 + 3) % 6 }
    let pass = Reference.forward(
      inputs: inputs, targets: inputs.map { ($0 + 1) % 6 }, hPrev: .zeros(16), parameters: p)
    let got = gradientsThroughTime(pass, parameters: p)
    let expected = Reference.gradientsThroughTime(pass, parameters: p)
    guard
      expectCount(
        got.count, T, "gradientsThroughTime for T = \(T): number of vectors",
        hint: "One g_t per time step, in time order (g_0 first).")
    else { return }
    for t in stride(from: T - 1, through: 0, by: -1) {
      if let m = firstMismatch("g[t=\(t)]", actual: got[t], expected: expected[t], tolerance: 1e-9)
      {
        expectMatch(
          m, "gradientsThroughTime (T = \(T))", tolerance: 1e-9,
          hint: t == T - 1
            ? "g_{T−1} = Whyᵀ·(p_{T−1} − onehot(target_{T−1})): only the last step's loss."
            : "g_{t−1} = Whhᵀ·((1 − h_t²) ⊙ g_t): use h_t of the step you are leaving.")
        return
      }
    }
  }

  /// With ρ(Whh) = 0.5 and tanh' ≈ 1, each step back multiplies the gradient by Whhᵀ, so over
  /// many steps its norm falls like 0.5 per step: the fitted slope of ln‖g‖ is ln 0.5 (the
  /// reference gets −0.695 against ln 0.5 = −0.693).
  @Test("vanish geometrically when ρ(Whh) < 1: ln‖g‖ falls by ln ρ per step back")
  func vanishing() {
    let p = FlowFixture.model(radius: 0.5)
    let norms = gradientsThroughTime(FlowFixture.pass(p, length: 50), parameters: p).map(\.norm)
    guard norms.count == 50 else {
      Issue.record("expected 50 gradients, got \(norms.count)")
      return
    }
    let slope = FlowFixture.slope(norms)
    expectClose(
      slope, log(0.5), tolerance: 0.02, "slope of ln‖g_t‖ per step back with ρ(Whh) = 0.5",
      hint: "Each step back is one multiplication by Whhᵀ (and tanh's slope ≈ 1 here).")
    expectThat(
      norms[0] / norms[49] < 1e-12,
      "‖g_0‖/‖g_49‖ = \(formatScalar(norms[0] / norms[49])): with ρ = 0.5 it should be below 1e-12 (about 0.5⁴⁹)."
    )
  }
}

/// Task `radius`: the spectral radius by power iteration.
@Suite("radius") struct SpectralRadius {
  @Test("ρ of known matrices: a complex pair, a non-normal triangle, a diagonal")
  func knownMatrices() {
    let cases: [(String, Matrix, Double, String)] = [
      (
        "[[0, −2], [2, 0]] (eigenvalues ±2i)", Matrix(rows: 2, cols: 2, scalars: [0, -2, 2, 0]), 2,
        "Average the growth of ‖W·v‖ over many steps: with complex eigenvalues v keeps turning."
      ),
      (
        "[[0.5, 10], [0, 0.9]] (eigenvalues 0.5 and 0.9)",
        Matrix(rows: 2, cols: 2, scalars: [0.5, 10, 0, 0.9]), 0.9,
        "The spectral radius is the largest |eigenvalue| (0.9), not the largest singular value (≈ 10): skip the first burnIn steps."
      ),
      (
        "diag(3, −5, 2)", Matrix(rows: 3, cols: 3, scalars: [3, 0, 0, 0, -5, 0, 0, 0, 2]), 5,
        "Normalise v after each multiplication and add ln‖W·v‖."
      ),
    ]
    if let problem = Self.stepCountProblem() {
      Issue.record(Comment(rawValue: problem))
      return
    }
    for (name, w, expected, hint) in cases {
      expectClose(
        spectralRadius(w), expected, tolerance: 1e-6, "spectralRadius(\(name))", hint: hint)
    }
  }

  /// On diag(3, −5, 2) every step after the first grows v by exactly 5, so an estimate of
  /// 5^(m/400) for a whole m ≠ 400 means m growths were summed and divided by 400: the number of
  /// steps is the mistake, and the other rules are right.
  static func stepCountProblem() -> String? {
    let w = Matrix(rows: 3, cols: 3, scalars: [3, 0, 0, 0, -5, 0, 0, 0, 2])
    let got = spectralRadius(w)
    guard got > 0, got.isFinite else { return nil }
    let m = log(got) / log(5) * 400
    guard abs(m - m.rounded()) < 1e-6, m.rounded() != 400 else { return nil }
    return
      "spectralRadius(diag(3, −5, 2)): expected 5, got \(formatScalar(got, digits: 10)) = 5^(\(Int(m.rounded()))/400): the average is over \(Int(m.rounded())) growths but divided by iterations = 400. Run burnIn + iterations steps in all, and add ln‖w‖ in exactly the last `iterations` of them."
  }

  @Test("equals the reference's estimate for a random 32 × 32 matrix")
  func matchesReference() {
    var rng = SeededGenerator(seed: 9)
    let w = Matrix.random(32, 32, scale: 0.2, using: &rng)
    expectClose(
      spectralRadius(w), Reference.spectralRadius(w), tolerance: 1e-9,
      "spectralRadius of a random 32 × 32 matrix",
      hint: Self.stepCountProblem() != nil
        ? "This follows from the number of steps (see the known matrices above): fix that first."
        : "Start from (1, …, 1)/√n; burnIn steps first, then average ln‖W·v‖ over `iterations` steps."
    )
  }
}

/// Task `scaling`: rescaling Whh to a chosen spectral radius, and what it does to the gradients.
@Suite("scaling") struct Scaling {
  @Test("the scaled matrix has the requested spectral radius, and the same direction")
  func scales() {
    var rng = SeededGenerator(seed: 10)
    let w = Matrix.random(16, 16, scale: 0.3, using: &rng)
    for target in [0.5, 1.0, 1.5] {
      let s = scaled(w, toSpectralRadius: target)
      expectClose(
        Reference.spectralRadius(s), target, tolerance: 1e-9,
        "spectral radius after scaled(toSpectralRadius: \(target))",
        hint: "Multiply every entry by target / ρ(W).")
      let ratio = s.scalars[0] / w.scalars[0]
      expectThat(
        s.scalars.indices.allSatisfy {
          abs(s.scalars[$0] - ratio * w.scalars[$0]) <= 1e-12 * max(1, abs(s.scalars[$0]))
        }, "scaled(toSpectralRadius: \(target)) must multiply every entry by the same number.")
    }
  }

  /// The law the lesson states: in the linear regime ln‖g‖ changes by ln ρ per step back.
  @Test("ρ = 1 keeps the gradient's size; ρ = 1.5 makes it explode by ln 1.5 per step back")
  func nearAndAbove() {
    for (radius, tolerance) in [(1.0, 0.02), (1.5, 0.02)] {
      let p = FlowFixture.model(radius: radius)
      var q = p
      q.Whh = scaled(p.Whh, toSpectralRadius: radius)
      let norms = Reference.gradientsThroughTime(FlowFixture.pass(q, length: 50), parameters: q)
        .map(\.norm)
      expectClose(
        FlowFixture.slope(norms), log(radius), tolerance: tolerance,
        "slope of ln‖g_t‖ per step back with Whh scaled to ρ = \(radius)",
        hint: "scaled(toSpectralRadius:) must give exactly that radius.")
    }
  }
}
