import CourseSupport
import CourseTesting
import Ex08
import GradientCheck
import ReferenceRNN
import Testing

/// Task `gru backward`: BPTT through the GRU, on the reference's forward pass.
@Suite("GRU backward") struct GRUBackward {
  /// The course's check (fourth-order central differences), relative error ≤ 1e-7: a correct
  /// BPTT reaches about 1e-9 on this problem, a missing term 1e-2 and more.
  @Test("every gradient passes the numeric gradient check (relative error ≤ 1e-7)")
  func numericGradientCheck() {
    let (p, start) = GRUFixture.parameters()
    let result = gruBackward(GRUFixture.referencePass(p, start), parameters: p)
    let report = checkGradients(
      parameters: p, state: HiddenState(h: start), gradients: result.gradients,
      dState: HiddenState(h: result.dStart)
    ) { p, s in GRUFixture.referencePass(p, s.h).loss }
    let failing = report.tensors.filter { !$0.passes(tolerance: 1e-7) }
    guard !failing.isEmpty else { return }
    let lines = failing.map { tensor in
      if let problem = tensor.problem { return "d\(tensor.tensor): \(problem)." }
      return
        "d\(tensor.tensor) is wrong at \(tensor.location) (\(GRUFixture.describe(tensor.tensor))): analytic \(formatScalar(tensor.analytic)), numeric \(formatScalar(tensor.numeric)), relative error \(formatScalar(tensor.relativeError)) > 1e-7"
    }
    let headline = "\(failing.count) of \(report.tensors.count) gradients fail the check."
    Issue.record(
      Comment(
        rawValue: ([headline + (tip().map { " " + $0 } ?? "")] + lines).joined(separator: "\n")))
  }

  @Test("gradients equal the reference's analytic gradients (1e-10)")
  func matchesReference() {
    let (p, start) = GRUFixture.parameters()
    let pass = GRUFixture.referencePass(p, start)
    let got = gruBackward(pass, parameters: p)
    let want = Reference.gruBackward(pass, parameters: p)
    expectMatch(
      firstMismatch("d", actual: got.gradients, expected: want.gradients, tolerance: 1e-10),
      "gruBackward: gradient", tolerance: 1e-10,
      hint: "The gradient check says where it can tell whether the step or the path back is wrong.")
    expectMatch(
      firstMismatch("dStart", actual: got.dStart, expected: want.dStart, tolerance: 1e-10),
      "gruBackward: dStart", tolerance: 1e-10,
      hint: "dStart is dh_next after the t = 0 step: dh ⊙ (1 − z) + dRH ⊙ r + Uzᵀ·daz + Urᵀ·dar.")
  }

  /// Right for a one-step window (where nothing flows back in time), wrong for longer ones:
  /// then what is passed back, dh_next, is the mistake.
  func tip() -> String? {
    let (p, start) = GRUFixture.parameters()
    let one = GRUFixture.referencePass(p, start, inputs: [GRUFixture.inputs[0]])
    let oneStepRight =
      firstMismatch(
        "d", actual: gruBackward(one, parameters: p).gradients,
        expected: Reference.gruBackward(one, parameters: p).gradients, tolerance: 1e-10) == nil
    return oneStepRight
      ? "One step is right, the full window is not: dh_next is wrong. h_{t−1} reaches the loss four ways, and dh_next is their sum: directly (dh ⊙ (1 − z)), through the candidate's reset (dRH ⊙ r), and through the two gates (Uzᵀ·daz + Urᵀ·dar)."
      : "It is wrong even for a window of one step: look at the formulas within a step (dz = dh ⊙ (h̃ − h_{t−1}), the candidate's dah, dr from Uhᵀ·dah, which column of W)."
  }
}
