import CourseSupport
import CourseTesting
import Ex12
import GradientCheck
import ReferenceRNN
import Testing

/// Task `decoder`: the teacher-forced loss and its gradient through both networks.
@Suite("decoder") struct Decoder {
  static func reference(_ p: Seq2SeqParameters<LSTMLayer>) -> (
    loss: Double, gradients: Seq2SeqParameters<LSTMLayer>
  ) {
    let model = S2S.small
    let (loss, record) = model.forward(S2S.example, parameters: p)
    return (loss, model.backward(record, parameters: p))
  }

  @Test("the loss equals the course's encoder–decoder's")
  func loss() {
    let p = S2S.parameters()
    let got = seq2seqLoss(S2S.example, parameters: p, step: S2S.step, endToken: S2S.smallEnd).loss
    expectClose(
      got, Self.reference(p).loss, tolerance: 1e-10, "seq2seqLoss of a 5-word example",
      hint:
        "The decoder starts from the summary and reads the end token first, then target[t − 1]; L = −Σ_t ln p_t[y_t] over every target token, the end token included."
    )
  }

  /// The course's check (fourth-order central differences) of your gradient against your own
  /// loss, relative error ≤ 1e-7.
  @Test("every gradient passes the numeric gradient check (relative error ≤ 1e-7)")
  func numericGradientCheck() {
    guard !Self.lossDiffers else {
      Issue.record(
        "The gradient check waits for the loss: it differs from the course's (the test above), and a gradient is checked against the loss it is the derivative of. Fix the forward pass first."
      )
      return
    }
    if let message = Self.checkMessage() { Issue.record(Comment(rawValue: message)) }
  }

  /// Whether your loss differs from the course's: then every later line follows from it.
  static var lossDiffers: Bool {
    let p = S2S.parameters()
    let got = seq2seqLoss(S2S.example, parameters: p, step: S2S.step, endToken: S2S.smallEnd).loss
    return !isClose(got, reference(p).loss, tolerance: 1e-10)
  }

  /// What the numeric gradient check says, nil when every tensor passes at 1e-7.
  static func checkMessage() -> String? {
    let p = S2S.parameters()
    let g = seq2seqLoss(S2S.example, parameters: p, step: S2S.step, endToken: S2S.smallEnd)
      .gradients
    let report = checkGradients(
      parameters: p, state: HiddenState(h: .zeros(0)), gradients: g,
      dState: HiddenState(h: .zeros(0))
    ) { q, _ in
      // Your own loss: the check asks whether your gradient is the derivative of your forward
      // pass (the loss test asks whether that is the course's).
      seq2seqLoss(S2S.example, parameters: q, step: S2S.step, endToken: S2S.smallEnd).loss
    }
    return gradientCheckMessage(
      report, tolerance: 1e-7, cause: Self.cause(report), describe: Self.describe)
  }

  /// Which network the failing tensors belong to says where to look first.
  static func cause(_ report: GradientCheckReport) -> GradientCause? {
    let failing = Set(report.tensors.filter { !$0.passes(tolerance: 1e-7) }.map(\.tensor))
    if failing.contains("Why") || failing.contains("by") {
      return GradientCause(
        "The output layer's gradient is wrong: dy = p_t − onehot(y_t), dWhy += dy·s_tᵀ, dby += dy. Everything else is reached through dy: fix it first.",
        tensors: ["Why", "by"])
    }
    if !failing.isEmpty, failing.allSatisfy({ $0.hasPrefix("encoder.") }) {
      return GradientCause(
        "The decoder's gradients are right and the encoder's are not: the encoder's backward starts from the decoder's dNext after t = 0 (the summary's gradient), runs the encoder's pullbacks last token first with zeros from above, and adds to the encoder's tensors.",
        tensors: failing)
    }
    return nil
  }

  /// What each tensor is, for messages.
  static func describe(_ tensor: String) -> String {
    if tensor.hasPrefix("encoder.") { return "the encoder's layer" }
    if tensor.hasPrefix("decoder.") { return "the decoder's layer" }
    return tensor == "hPrev" ? "not used" : "the output layer"
  }

  @Test("the gradients equal the course's encoder–decoder's (1e-10)")
  func matchesReference() {
    let p = S2S.parameters()
    let got = seq2seqLoss(S2S.example, parameters: p, step: S2S.step, endToken: S2S.smallEnd)
      .gradients
    let want = Self.reference(p).gradients
    guard
      !followsFromGradientCheck(
        "seq2seqLoss", checkFailed: Self.lossDiffers || Self.checkMessage() != nil, actual: got,
        expected: want)
    else { return }
    expectMatch(
      firstMismatch("d", actual: got, expected: want, tolerance: 1e-10),
      "seq2seqLoss: gradient", tolerance: 1e-10,
      hint: "The numeric gradient check above says which network is wrong, where it can tell.")
  }
}
