import CourseSupport
import CourseTesting
import Ex08
import Foundation
import GradientCheck
import ReferenceRNN
import Testing

/// Task `gru forward`: the gates, the candidate, the new state.
@Suite("GRU forward") struct GRUForward {
  @Test("every gate, candidate, state and distribution equals the reference's (1e-12)")
  func matchesReference() {
    let (p, start) = GRUFixture.parameters()
    let got = gruForward(
      inputs: GRUFixture.inputs, targets: GRUFixture.targets, start: start, parameters: p)
    let want = GRUFixture.referencePass(p, start)
    guard
      expectCount(
        got.steps.count, want.steps.count, "gruForward: steps for \(want.steps.count) inputs",
        hint: "Append one GRUStep per input.")
    else { return }
    let order: [(String, KeyPath<GRUStep, Vector>, String)] = [
      ("r", \.r, "r = σ(Wr·x_t + Ur·h_{t−1} + br)"), ("z", \.z, "z = σ(Wz·x_t + Uz·h_{t−1} + bz)"),
      (
        "candidate", \.candidate,
        "h̃ = tanh(Wh·x_t + Uh·(r ⊙ h_{t−1}) + bh): the reset multiplies h_{t−1} before Uh"
      ),
      ("h", \.h, "h_t = (1 − z) ⊙ h_{t−1} + z ⊙ h̃"), ("p", \.p, "p_t = softmax(Why·h_t + by)"),
    ]
    for t in want.steps.indices {
      for (name, path, formula) in order {
        guard
          let m = firstMismatch(
            "steps[t=\(t)].\(name)", actual: got.steps[t][keyPath: path],
            expected: want.steps[t][keyPath: path], tolerance: 1e-12)
        else { continue }
        let convention = Convention.of(got, at: t)
        expectMatch(
          m, "gruForward", tolerance: 1e-12,
          hint: convention?.message ?? "\(formula). The first wrong value is the place to look.")
        return
      }
    }
    expectClose(
      got.loss, want.loss, tolerance: 1e-12, "gruForward: the loss",
      hint: "L = Σ_t −ln p_t[targets[t]], summed over the steps.")
  }

  @Test("a model that knows nothing starts at T·ln V")
  func uniformStart() {
    let p = GRUParameters.zeros(hiddenSize: 5, vocabularySize: 7)
    let pass = gruForward(
      inputs: [0, 1, 2, 3, 4, 5], targets: [1, 2, 3, 4, 5, 6], start: .zeros(5), parameters: p)
    expectClose(
      pass.loss, 6 * log(7.0), tolerance: 1e-12, "loss of all-zero parameters, T = 6, V = 7",
      hint: "With Why = 0 every p_t is uniform: the loss is T·ln V, summed, not averaged.")
  }
}

/// The other ways texts write a GRU, recognised from the learner's own numbers: the update
/// gate's role swapped (PyTorch, d2l), or the reset applied after the product (PyTorch).
enum Convention {
  case swappedUpdate
  case resetAfterProduct

  var message: String {
    switch self {
    case .swappedUpdate:
      "your h_t is z ⊙ h_{t−1} + (1 − z) ⊙ h̃, the convention of PyTorch and d2l, where z is how much of the old state to keep. This course's z is how much of the candidate to take: h_t = (1 − z) ⊙ h_{t−1} + z ⊙ h̃ (the lesson's formulas). Both are GRUs; they learn the same things with z and 1 − z exchanged."
    case .resetAfterProduct:
      "your candidate is tanh(Wh·x + r ⊙ (Uh·h_{t−1}) + bh), PyTorch's form, with the reset applied after the product. This course follows Cho et al.: tanh(Wh·x + Uh·(r ⊙ h_{t−1}) + bh), the reset before Uh."
    }
  }

  /// Which convention step t of `pass` follows, judged from its own r, z and candidate.
  static func of(_ pass: GRUForwardPass, at t: Int) -> Convention? {
    let (p, _) = GRUFixture.parameters()
    let s = pass.steps[t]
    let hPrevious = pass.hidden(before: t)
    guard s.h.count == hPrevious.count, s.z.count == s.h.count, s.candidate.count == s.h.count
    else { return nil }
    let swapped = s.z * hPrevious + s.z.map { 1 - $0 } * s.candidate
    if firstMismatch("h", actual: s.h, expected: swapped, tolerance: 1e-12) == nil {
      return .swappedUpdate
    }
    let x = pass.inputs[t]
    let after = (p.Wh.column(x) + s.r * (p.Uh * hPrevious) + p.bh).map(Foundation.tanh)
    if firstMismatch("h̃", actual: s.candidate, expected: after, tolerance: 1e-12) == nil {
      return .resetAfterProduct
    }
    return nil
  }
}
