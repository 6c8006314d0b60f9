import CourseSupport
import CourseTesting
import Ex06
import GradientCheck
import ReferenceRNN
import Testing

/// Task `regression`: multinomial logistic regression from scratch.
@Suite("regression") struct Regression {
  /// 3 classes, 4 features, 6 rows; weights N(0, 1)·0.5 so every gradient is far from zero.
  static func problem() -> (Matrix, Vector, [Vector], [Int]) {
    var rng = SeededGenerator(seed: 4)
    let W = Matrix.random(3, 4, scale: 0.5, using: &rng)
    let b = Vector((0..<3).map { _ in 0.5 * rng.nextNormal() })
    let rows = (0..<6).map { _ in Vector((0..<4).map { _ in rng.nextNormal() }) }
    return (W, b, rows, [0, 2, 1, 1, 0, 2])
  }

  @Test("the loss and its gradients equal the reference's (1e-12)")
  func matchesReference() {
    let (W, b, rows, labels) = Self.problem()
    let got = softmaxRegressionLoss(weights: W, bias: b, rows: rows, labels: labels, l2: 0.1)
    let want = Reference.softmaxRegressionLoss(
      weights: W, bias: b, rows: rows, labels: labels, l2: 0.1)
    expectClose(
      got.loss, want.loss, tolerance: 1e-12, "the loss",
      hint: "The mean cross-entropy over the rows, plus (l2/2)·ΣW² (not the bias).")
    expectMatch(
      firstMismatch("dW", actual: got.dWeights, expected: want.dWeights, tolerance: 1e-12),
      "softmaxRegressionLoss", tolerance: 1e-12,
      hint: "dW = (1/N)·Σ dy·xᵀ + l2·W with dy = p − onehot(label).")
    expectMatch(
      firstMismatch("db", actual: got.dBias, expected: want.dBias, tolerance: 1e-12),
      "softmaxRegressionLoss", tolerance: 1e-12, hint: "db = (1/N)·Σ dy: no penalty on the bias.")
  }

  /// The course's check (fourth-order central differences), relative error ≤ 1e-7.
  @Test("the gradients pass the numeric gradient check (relative error ≤ 1e-7)")
  func gradientCheck() {
    let (W, b, rows, labels) = Self.problem()
    let g = softmaxRegressionLoss(weights: W, bias: b, rows: rows, labels: labels, l2: 0.1)
    let report = checkGradients(
      parameters: Regressor(W: W, b: b), state: HiddenState(h: .zeros(0)),
      gradients: Regressor(W: g.dWeights, b: g.dBias), dState: HiddenState(h: .zeros(0))
    ) { p, _ in
      softmaxRegressionLoss(weights: p.W, bias: p.b, rows: rows, labels: labels, l2: 0.1).loss
    }
    for t in report.tensors where !t.passes(tolerance: 1e-7) {
      Issue.record(
        Comment(
          rawValue: t.problem.map { "d\(t.tensor): \($0)." }
            ?? "d\(t.tensor) is wrong at \(t.location): analytic \(formatScalar(t.analytic)), numeric \(formatScalar(t.numeric)) (from your own loss), relative error \(formatScalar(t.relativeError)) > 1e-7. The gradient must be that of the loss you return: the same 1/N, the same l2."
        ))
    }
  }

  @Test("gradient descent from zeros follows the reference's")
  func training() {
    let (_, _, rows, labels) = Self.problem()
    let got = trainSoftmaxRegression(
      rows: rows, labels: labels, classes: 3, l2: 0.01, rate: 0.5, steps: 50)
    let want = Reference.trainSoftmaxRegression(
      rows: rows, labels: labels, classes: 3, l2: 0.01, rate: 0.5, steps: 50)
    expectMatch(
      firstMismatch(
        "W after 50 steps", actual: got.weights, expected: want.weights, tolerance: 1e-10),
      "trainSoftmaxRegression", tolerance: 1e-10,
      hint: "Start from zeros; each step W −= rate·dW, b −= rate·db.")
    expectMatch(
      firstMismatch("b after 50 steps", actual: got.bias, expected: want.bias, tolerance: 1e-10),
      "trainSoftmaxRegression", tolerance: 1e-10,
      hint: "Start from zeros; each step W −= rate·dW, b −= rate·db.")
  }
}

/// The regression's two tensors, for the gradient check.
struct Regressor: TensorSet {
  var W: Matrix
  var b: Vector
  var tensors: [TensorSlot<Regressor>] { [.matrix("W", W, \.W), .vector("b", b, \.b)] }
}
