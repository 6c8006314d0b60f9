import CourseSupport
import CourseTesting
import Ex10
import GradientCheck
import ReferenceRNN
import Testing

/// Task `head`: the regression head forward and back, and its loss.
@Suite("head") struct Head {
  static let W = Matrix(rows: 2, cols: 3, scalars: [0.5, -1, 0.25, 2, 0, -0.5])
  static let b = Vector([0.1, -0.2])
  static let h = Vector([1, 0.5, -2])
  static let fed = Vector([3, 4])

  @Test("forward and loss worked out by hand")
  func byHand() {
    // W·h + b = (0.5 − 0.5 − 0.5 + 0.1, 2 + 0 + 1 − 0.2) = (−0.4, 2.8).
    let absolute = headForward(Self.h, fed: Self.fed, W: Self.W, b: Self.b, residual: false)
    let residual = headForward(Self.h, fed: Self.fed, W: Self.W, b: Self.b, residual: true)
    expectMatch(
      firstMismatch(
        "absolute ẑ", actual: absolute, expected: Vector([-0.4, 2.8]), tolerance: 1e-12),
      "headForward", tolerance: 1e-12, hint: "W·h + b.")
    expectMatch(
      firstMismatch(
        "residual ẑ", actual: residual, expected: Vector([2.6, 6.8]), tolerance: 1e-12),
      "headForward", tolerance: 1e-12, hint: "The fed latent plus W·h + b.")
    // Two steps of two coordinates: n = 4. Differences (1, −1) and (0, 2): loss (1 + 1 + 0 + 4)/4.
    let (loss, gradients) = meanSquaredError(
      [Vector([1, 0]), Vector([0, 2])], [Vector([0, 1]), Vector([0, 0])])
    expectClose(
      loss, 1.5, tolerance: 1e-12, "meanSquaredError",
      hint: "Σ (ẑ − z)² over every coordinate of every step, divided by steps × coordinates = 4.")
    expectThat(
      gradients == [Vector([0.5, -0.5]), Vector([0, 1])],
      "the loss's gradients: expected [(0.5, −0.5), (0, 1)], got \(gradients): 2·(ẑ − z)/4 per step."
    )
  }

  /// The course's check (fourth-order central differences), relative error ≤ 1e-7, for both
  /// heads: W, b and the hidden state h, through your loss.
  @Test(
    "dW, db and dh pass the numeric gradient check, absolute and residual",
    arguments: [false, true])
  func gradientCheck(residual: Bool) {
    let target = Vector([1, -1])
    func loss(_ p: HeadParameters, _ s: HiddenState) -> Double {
      meanSquaredError(
        [headForward(s.h, fed: Self.fed, W: p.W, b: p.b, residual: residual)], [target]
      ).loss
    }
    let prediction = headForward(Self.h, fed: Self.fed, W: Self.W, b: Self.b, residual: residual)
    let dPrediction = meanSquaredError([prediction], [target]).gradients[0]
    let g = headBackward(dPrediction, hidden: Self.h, W: Self.W)
    let report = checkGradients(
      parameters: HeadParameters(W: Self.W, b: Self.b), state: HiddenState(h: Self.h),
      gradients: HeadParameters(W: g.dW, b: g.db), dState: HiddenState(h: g.dh), loss: loss)
    for t in report.tensors where !t.passes(tolerance: 1e-7) {
      Issue.record(
        Comment(
          rawValue: t.problem.map { "d\(t.tensor) (\(residual ? "residual" : "absolute")): \($0)." }
            ?? "d\(t.tensor) (\(residual ? "residual" : "absolute") head) is wrong at \(t.location): analytic \(formatScalar(t.analytic)), numeric \(formatScalar(t.numeric)), relative error \(formatScalar(t.relativeError)) > 1e-7. dW = dẑ·hᵀ, db = dẑ, dh = Wᵀ·dẑ; the fed latent takes no gradient."
        ))
    }
  }
}

struct HeadParameters: TensorSet {
  var W: Matrix
  var b: Vector
  var tensors: [TensorSlot<HeadParameters>] { [.matrix("W", W, \.W), .vector("b", b, \.b)] }
}
