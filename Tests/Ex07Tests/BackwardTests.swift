import CourseSupport
import CourseTesting
import Ex07
import GradientCheck
import ReferenceRNN
import Testing

/// Task `backward`: BPTT through the LSTM. Your backward runs on the reference's forward pass,
/// so a mistake in your forward cannot hide (or cause) one here.
@Suite("backward") struct Backward {
  @Test("returns gradients shaped like the parameters")
  func shapes() {
    let (p, start) = LSTMFixture.parameters()
    let result = lstmBackward(LSTMFixture.referencePass(p, start), parameters: p)
    for (slot, got) in zip(p.tensors, result.gradients.tensors)
    where (slot.rows, slot.cols) != (got.rows, got.cols) {
      Issue.record(
        "lstmBackward: d\(slot.name) is \(got.shapeText), expected \(slot.shapeText). Start from LSTMParameters.zeros(hiddenSize:vocabularySize:)."
      )
    }
    expectCount(
      result.dStart.h.count + result.dStart.c.count, 8,
      "lstmBackward: dStart.h and dStart.c (H = 4 each)",
      hint: "dStart is (dh_next, dc_next) after the t = 0 step.")
  }

  /// The course's check (fourth-order central differences), relative error ≤ 1e-7: a correct
  /// BPTT reaches about 1e-9 on this problem, a missing term 1e-2 and more.
  @Test("every gradient passes the numeric gradient check (relative error ≤ 1e-7)")
  func numericGradientCheck() {
    if let message = Self.checkMessage() { Issue.record(Comment(rawValue: message)) }
  }

  /// What the numeric gradient check says, nil when every tensor passes at 1e-7.
  static func checkMessage() -> String? {
    let (p, start) = LSTMFixture.parameters()
    let result = lstmBackward(LSTMFixture.referencePass(p, start), parameters: p)
    let report = checkGradients(
      parameters: p, state: start, gradients: result.gradients, dState: result.dStart
    ) { p, s in LSTMFixture.referencePass(p, s).loss }
    return gradientCheckMessage(
      report, tolerance: 1e-7, cause: Diagnosis.cause(), describe: LSTMFixture.describe)
  }

  @Test("gradients equal the reference's analytic gradients (1e-10)")
  func matchesReference() {
    let (p, start) = LSTMFixture.parameters()
    let pass = LSTMFixture.referencePass(p, start)
    let got = lstmBackward(pass, parameters: p)
    let want = Reference.lstmBackward(pass, parameters: p)
    guard
      !followsFromGradientCheck(
        "lstmBackward", checkFailed: Self.checkMessage() != nil, actual: got.gradients,
        expected: want.gradients)
    else { return }
    expectMatch(
      firstMismatch("d", actual: got.gradients, expected: want.gradients, tolerance: 1e-10),
      "lstmBackward: gradient", tolerance: 1e-10,
      hint: "The gradient check says which path back in time is wrong, where it can tell.")
    expectMatch(
      firstMismatch("dStart.", actual: got.dStart, expected: want.dStart, tolerance: 1e-10),
      "lstmBackward: dStart", tolerance: 1e-10,
      hint: "dStart is (dh_next, dc_next) after the t = 0 step: Σ_k Ukᵀ·da_k and dc ⊙ f_0.")
  }
}

/// The first wrong quantity of a wrong backward pass, from what the numbers show: a one-step
/// window has no path back in time, and within a step each gate's tensors are reached only
/// through that gate's own da; with every U = 0 the only path back is the cell's, c_t → c_{t+1};
/// in general there are both.
enum Diagnosis {
  static func cause() -> GradientCause? {
    let (p, start) = LSTMFixture.parameters()
    let wrongInOneStep = wrongTensors(p, start, inputs: [LSTMFixture.inputs[0]])
    guard wrongInOneStep.isEmpty else { return Self.oneStep.cause(Set(wrongInOneStep)) }
    var noRecurrence = p
    for u in [\LSTMParameters.Ui, \.Uf, \.Ug, \.Uo] { noRecurrence[keyPath: u] = .zeros(4, 4) }
    guard agrees(noRecurrence, start, inputs: LSTMFixture.inputs) else {
      return GradientCause(
        "One step is right, but with every U = 0, where the only way back in time is the cell's, it is wrong: c_t's gradient arrives along two paths, through h_t and through c_{t+1}, and must be summed: dc = dc_next + dh ⊙ o ⊙ (1 − tanh²(c_t)), with dc_next = dc ⊙ f_{t+1} passed back from step t+1."
      )
    }
    guard agrees(p, start, inputs: LSTMFixture.inputs) else {
      return GradientCause(
        "One step is right, and so is the cell's path back (every U = 0), but not the full window: dh_next, what reaches h_{t−1} through the four gates, is wrong: dh_next = Uiᵀ·dai + Ufᵀ·daf + Ugᵀ·dag + Uoᵀ·dao, added to Whyᵀ·dy at step t−1."
      )
    }
    return nil
  }

  /// Within one step every gate is reached through dh (the output gate) or dc (the others),
  /// and dc through dh: the gates a mistake reaches say where it is.
  static let oneStep = OneStepReading(
    gates: ["i", "f", "g", "o"],
    byWrongGates: [
      ["i"]:
        "only the input gate's gradients are wrong. The other gates are right, so dh and dc are: the mistake is in di = dc ⊙ g_t or dai = di ⊙ i(1 − i).",
      ["f"]:
        "only the forget gate's gradients are wrong. The other gates are right, so dh and dc are: the mistake is in df = dc ⊙ c_{t−1} (the cell state before the step: pass.state(before: t).c) or daf = df ⊙ f(1 − f).",
      ["g"]:
        "only the candidate's gradients are wrong. The other gates are right, so dh and dc are: the mistake is in dg = dc ⊙ i_t or dag = dg ⊙ (1 − g²).",
      ["o"]:
        "only the output gate's gradients are wrong. The other gates are right, so dh and dc are: the mistake is in do = dh ⊙ tanh(c_t) or dao = do ⊙ o(1 − o).",
      ["i", "f", "g"]:
        "the input gate, forget gate and candidate are wrong, the output gate right: dh is right and dc is not. dc = dc_next + dh ⊙ o_t ⊙ (1 − tanh²(c_t)).",
      ["i", "f", "g", "o"]:
        "all four gates are wrong and the output layer is right: look at dh = Whyᵀ·dy + dh_next first (every gate is reached through it), then at do and dc.",
    ],
    outerProducts:
      "dWk += da_k·x_tᵀ adds da_k to column inputs[t] of Wk, and dUk += da_k·h_{t−1}ᵀ uses the state before the step (pass.state(before: t).h)."
  )

  /// The tensors where the learner's gradients differ from the reference's on this window.
  private static func wrongTensors(_ p: LSTMParameters, _ start: LSTMState, inputs: [Int])
    -> [String]
  {
    let pass = LSTMFixture.referencePass(p, start, inputs: inputs)
    return differingTensors(
      actual: lstmBackward(pass, parameters: p).gradients,
      expected: Reference.lstmBackward(pass, parameters: p).gradients, tolerance: 1e-10)
  }

  /// Whether the learner's gradients, and what reaches the start state, agree with the
  /// reference's on this window.
  private static func agrees(_ p: LSTMParameters, _ start: LSTMState, inputs: [Int]) -> Bool {
    let pass = LSTMFixture.referencePass(p, start, inputs: inputs)
    let got = lstmBackward(pass, parameters: p)
    let want = Reference.lstmBackward(pass, parameters: p)
    return firstMismatch("d", actual: got.gradients, expected: want.gradients, tolerance: 1e-10)
      == nil
      && firstMismatch("", actual: got.dStart, expected: want.dStart, tolerance: 1e-10) == nil
  }
}
