import CourseSupport
import CourseTesting
import Ex07
import GradientCheck
import ReferenceRNN
import Testing

/// Task `initialisation`: a fresh LSTM, its forget gates open.
@Suite("initialisation") struct Initialization {
  func fresh(seed: UInt64 = 5) -> LSTMParameters {
    var rng = SeededGenerator(seed: seed)
    return initialLSTMParameters(vocabularySize: 5, hiddenSize: 6, using: &rng)
  }

  @Test("every forget-gate bias is 1, every other bias 0")
  func biases() {
    let p = fresh()
    guard
      expectCount(
        p.bf.count, 6, "initialLSTMParameters(hiddenSize: 6): bf.count",
        hint: "Start from LSTMParameters.zeros(hiddenSize: h, vocabularySize: v).")
    else { return }
    if let i = p.bf.scalars.firstIndex(where: { $0 != 1 }) {
      Issue.record(
        "bf[\(i)] is \(formatScalar(p.bf[i])), expected 1: with bf = 1 the forget gate starts at σ(1) ≈ 0.73, so each cell keeps most of what it holds and the gradient through c reaches back from the first iteration."
      )
    }
    for (name, b) in [("bi", p.bi), ("bg", p.bg), ("bo", p.bo), ("by", p.by)] {
      if let i = b.scalars.firstIndex(where: { $0 != 0 }) {
        Issue.record(
          "\(name)[\(i)] is \(formatScalar(b[i])), expected 0: only the forget gate's bias starts at 1."
        )
      }
    }
  }

  @Test("every weight lies in [−1/√H, 1/√H)")
  func bounds() {
    let p = fresh()
    let k = 1 / 6.0.squareRoot()
    for slot in p.tensors where !slot.isVector {
      let values = p[keyPath: slot.values]
      if let i = values.firstIndex(where: { !($0 >= -k && $0 < k) }) {
        Issue.record(
          "\(slot.label(i)) is \(formatScalar(values[i])), outside [−\(formatScalar(k)), \(formatScalar(k))) for H = 6: draw k·(2u − 1) with k = 1/√H and u = rng.nextUniform()."
        )
        return
      }
      if values.allSatisfy({ $0 == 0 }) {
        Issue.record("\(slot.name) is all zeros: every weight matrix is drawn, Why included.")
        return
      }
    }
  }

  @Test("the same draws as the reference, in the order Wi, Wf, Wg, Wo, Ui, Uf, Ug, Uo, Why")
  func matchesReference() {
    var rng = SeededGenerator(seed: 5)
    let want = Reference.initialLSTMParameters(vocabularySize: 5, hiddenSize: 6, using: &rng)
    expectMatch(
      firstMismatch("", actual: fresh(), expected: want, tolerance: 0),
      "initialLSTMParameters(seed 5)",
      tolerance: 0,
      hint:
        "Draw every matrix row by row, one rng.nextUniform() per number, in the order Wi, Wf, Wg, Wo, Ui, Uf, Ug, Uo, Why; nothing else draws from rng."
    )
  }
}
