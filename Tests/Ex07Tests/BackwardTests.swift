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
    let (p, start) = LSTMFixture.parameters()
    let result = lstmBackward(LSTMFixture.referencePass(p, start), parameters: p)
    let report = checkGradients(
      parameters: p, state: start, gradients: result.gradients, dState: result.dStart
    ) { p, s in LSTMFixture.referencePass(p, s).loss }
    let failing = report.tensors.filter { !$0.passes(tolerance: 1e-7) }
    guard !failing.isEmpty else { return }
    let lines = failing.map { tensor in
      let name = "d" + tensor.tensor
      if let problem = tensor.problem { return "\(name): \(problem)." }
      return
        "\(name) is wrong at \(tensor.location) (\(LSTMFixture.describe(tensor.tensor))): analytic \(formatScalar(tensor.analytic)), numeric \(formatScalar(tensor.numeric)), relative error \(formatScalar(tensor.relativeError)) > 1e-7"
    }
    // One mistake usually spoils many tensors: what the numbers say of it comes first.
    let headline = "\(failing.count) of \(report.tensors.count) gradients fail the check."
    Issue.record(
      Comment(
        rawValue: ([headline + (Diagnosis.tip().map { " " + $0 } ?? "")] + lines).joined(
          separator: "\n")))
  }

  @Test("gradients equal the reference's analytic gradients (1e-10)")
  func matchesReference() {
    let (p, start) = LSTMFixture.parameters()
    let pass = LSTMFixture.referencePass(p, start)
    let got = lstmBackward(pass, parameters: p)
    let want = Reference.lstmBackward(pass, parameters: p)
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

/// Which path back in time a wrong backward pass gets wrong, from what the numbers show: a
/// one-step window has no path back in time; with every U = 0 the only one is the cell's,
/// c_t → c_{t+1}; in general there are both.
enum Diagnosis {
  static func tip() -> String? {
    let (p, start) = LSTMFixture.parameters()
    guard agrees(p, start, inputs: [LSTMFixture.inputs[0]], withStart: false) else {
      return
        "It is wrong even for a window of one step, where nothing flows back in time: look at the formulas within one step (dy, dh, do, dc, the gates' derivatives, which column of W)."
    }
    var noRecurrence = p
    for u in [\LSTMParameters.Ui, \.Uf, \.Ug, \.Uo] { noRecurrence[keyPath: u] = .zeros(4, 4) }
    guard agrees(noRecurrence, start, inputs: LSTMFixture.inputs) else {
      return
        "One step is right, but with every U = 0, where the only way back in time is the cell's, it is wrong: c_t's gradient arrives along two paths, through h_t and through c_{t+1}, and must be summed: dc = dc_next + dh ⊙ o ⊙ (1 − tanh²(c_t)), with dc_next = dc ⊙ f_{t+1} passed back from step t+1."
    }
    guard agrees(p, start, inputs: LSTMFixture.inputs) else {
      return
        "One step is right, and so is the cell's path back (every U = 0), but not the full window: dh_next, what reaches h_{t−1} through the four gates, is wrong: dh_next = Uiᵀ·dai + Ufᵀ·daf + Ugᵀ·dag + Uoᵀ·dao, added to Whyᵀ·dy at step t−1."
    }
    return nil
  }

  /// Whether the learner's gradients (and, `withStart`, what reaches the start state) agree
  /// with the reference's on this window.
  private static func agrees(
    _ p: LSTMParameters, _ start: LSTMState, inputs: [Int], withStart: Bool = true
  ) -> Bool {
    let pass = LSTMFixture.referencePass(p, start, inputs: inputs)
    let got = lstmBackward(pass, parameters: p)
    let want = Reference.lstmBackward(pass, parameters: p)
    return firstMismatch("d", actual: got.gradients, expected: want.gradients, tolerance: 1e-10)
      == nil
      && (!withStart
        || firstMismatch("", actual: got.dStart, expected: want.dStart, tolerance: 1e-10) == nil)
  }
}
