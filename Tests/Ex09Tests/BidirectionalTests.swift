import CourseSupport
import CourseTesting
import Ex09
import GradientCheck
import ReferenceRNN
import Testing

/// Task `bidirectional`: two RNNs reading opposite ways, one output layer reading both.
@Suite("bidirectional") struct Bidirectional {
  @Test("both directions' states and every distribution equal the reference's (1e-12)")
  func forwardMatches() {
    let p = TaggerFixture.parameters()
    let got = bidirectionalForward(
      inputs: TaggerFixture.inputs, labels: TaggerFixture.labels, parameters: p)
    let want = TaggerFixture.referencePass(p)
    guard
      expectCount(
        got.forwardStates.count, 6, "forwardStates for T = 6", hint: "One state per position.")
        && expectCount(
          got.backwardStates.count, 6, "backwardStates for T = 6",
          hint: "One state per position, b_t at index t.")
    else { return }
    for t in 0..<6 {
      if let m = firstMismatch(
        "forwardStates[t=\(t)]", actual: got.forwardStates[t], expected: want.forwardStates[t],
        tolerance: 1e-12)
      {
        expectMatch(
          m, "bidirectionalForward", tolerance: 1e-12,
          hint: "f_t = tanh(Wxh→ column + Whh→·f_{t−1} + bh→), from zeros, left to right.")
        return
      }
    }
    for t in (0..<6).reversed() {
      if let m = firstMismatch(
        "backwardStates[t=\(t)]", actual: got.backwardStates[t], expected: want.backwardStates[t],
        tolerance: 1e-12)
      {
        expectMatch(
          m, "bidirectionalForward", tolerance: 1e-12,
          hint:
            "b_t = tanh(Wxh← column + Whh←·b_{t+1} + bh←), from zeros after the last position, right to left; store b_t at index t."
        )
        return
      }
    }
    for t in 0..<6 {
      if let m = firstMismatch(
        "ps[t=\(t)]", actual: got.ps[t], expected: want.ps[t], tolerance: 1e-12)
      {
        expectMatch(
          m, "bidirectionalForward", tolerance: 1e-12,
          hint: "p_t = softmax(Why·[f_t; b_t] + by): f first, then b.")
        return
      }
    }
    expectClose(
      got.loss, want.loss, tolerance: 1e-12, "bidirectionalForward: the loss",
      hint: "Σ_t −ln p_t[labels[t]].")
  }

  /// The course's check (fourth-order central differences), relative error ≤ 1e-7.
  @Test("both directions' gradients pass the numeric gradient check (relative error ≤ 1e-7)")
  func gradientCheck() {
    let p = TaggerFixture.parameters()
    let g = bidirectionalBackward(TaggerFixture.referencePass(p), parameters: p)
    let report = checkGradients(
      parameters: p, state: HiddenState(h: .zeros(0)), gradients: g,
      dState: HiddenState(h: .zeros(0))
    ) { p, _ in TaggerFixture.referencePass(p).loss }
    for t in report.tensors where !t.passes(tolerance: 1e-7) {
      let direction =
        t.tensor.hasPrefix("backward")
        ? " The right-to-left RNN is backpropagated from t = 0 up: at t its dh_next comes from step t−1, and its previous state is b_{t+1} (zero at the last position)."
        : t.tensor.hasPrefix("forward")
          ? " The left-to-right RNN is ex01's BPTT, fed by the first H numbers of Whyᵀ·dy." : ""
      Issue.record(
        Comment(
          rawValue: t.problem.map { "d\(t.tensor): \($0)." }
            ?? "d\(t.tensor) is wrong at \(t.location): analytic \(formatScalar(t.analytic)), numeric \(formatScalar(t.numeric)), relative error \(formatScalar(t.relativeError)) > 1e-7.\(direction)"
        ))
    }
  }

  @Test("gradients equal the reference's (1e-10)")
  func backwardMatches() {
    let p = TaggerFixture.parameters()
    let pass = TaggerFixture.referencePass(p)
    expectMatch(
      firstMismatch(
        "d", actual: bidirectionalBackward(pass, parameters: p),
        expected: Reference.bidirectionalBackward(pass, parameters: p), tolerance: 1e-10),
      "bidirectionalBackward", tolerance: 1e-10,
      hint:
        "Split Whyᵀ·dy into its two halves, one per direction, and backpropagate each direction against its own reading order."
    )
  }
}
