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
    if let message = Self.checkMessage() { Issue.record(Comment(rawValue: message)) }
  }

  /// What the numeric gradient check says, nil when every tensor passes at 1e-7.
  static func checkMessage() -> String? {
    let (p, start) = GRUFixture.parameters()
    let result = gruBackward(GRUFixture.referencePass(p, start), parameters: p)
    let report = checkGradients(
      parameters: p, state: HiddenState(h: start), gradients: result.gradients,
      dState: HiddenState(h: result.dStart)
    ) { p, s in GRUFixture.referencePass(p, s.h).loss }
    return gradientCheckMessage(
      report, tolerance: 1e-7, cause: Self.cause(), describe: GRUFixture.describe)
  }

  @Test("gradients equal the reference's analytic gradients (1e-10)")
  func matchesReference() {
    let (p, start) = GRUFixture.parameters()
    let pass = GRUFixture.referencePass(p, start)
    let got = gruBackward(pass, parameters: p)
    let want = Reference.gruBackward(pass, parameters: p)
    guard
      !followsFromGradientCheck(
        "gruBackward", checkFailed: Self.checkMessage() != nil, actual: got.gradients,
        expected: want.gradients)
    else { return }
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
  /// then what is passed back, dh_next, is the mistake. Wrong within one step: the gates it
  /// reaches say where.
  static func cause() -> GradientCause? {
    let (p, start) = GRUFixture.parameters()
    let one = GRUFixture.referencePass(p, start, inputs: [GRUFixture.inputs[0]])
    let wrongInOneStep = differingTensors(
      actual: gruBackward(one, parameters: p).gradients,
      expected: Reference.gruBackward(one, parameters: p).gradients, tolerance: 1e-10)
    guard wrongInOneStep.isEmpty else { return Self.oneStep.cause(Set(wrongInOneStep)) }
    return GradientCause(
      "One step is right, the full window is not: dh_next is wrong. h_{t−1} reaches the loss four ways, and dh_next is their sum: directly (dh ⊙ (1 − z)), through the candidate's reset (dRH ⊙ r), and through the two gates (Uzᵀ·daz + Urᵀ·dar)."
    )
  }

  /// Within one step the update gate and the candidate are reached through dh, the reset gate
  /// through the candidate (dRH = Uhᵀ·dah): the gates a mistake reaches say where it is.
  static let oneStep = OneStepReading(
    gates: ["r", "z", "h"],
    byWrongGates: [
      ["z"]:
        "only the update gate's gradients are wrong. The candidate is right, so dh is: the mistake is in dz = dh ⊙ (h̃ − h_{t−1}) or daz = dz ⊙ z(1 − z).",
      ["r"]:
        "only the reset gate's gradients are wrong. The candidate is right, so dah is: the mistake is in dRH = Uhᵀ·dah, dr = dRH ⊙ h_{t−1} or dar = dr ⊙ r(1 − r).",
      ["h", "r"]:
        "the candidate (and the reset gate, reached through it) are wrong, the update gate right: dh is right, so look at dh̃ = dh ⊙ z and dah = dh̃ ⊙ (1 − h̃²).",
      ["r", "z", "h"]:
        "all three gates are wrong and the output layer is right: look at dh = Whyᵀ·dy + dh_next first (every gate is reached through it).",
    ],
    outerProducts:
      "dWk += dak·x_tᵀ adds dak to column inputs[t] of Wk, dUz and dUr use h_{t−1}ᵀ, and dUh uses (r ⊙ h_{t−1})ᵀ."
  )
}
