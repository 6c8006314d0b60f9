import CourseSupport
import Foundation
import GradientCheck
import ReferenceRNN
import Testing

/// Sampling and scoring read on the fast path (`GatedFastReader`, `VanillaFastReader`): the
/// distribution of every next character, and the top layer's h, must be the reference's (`step`)
/// to rounding. Both compute in double precision, through at most a dozen steps of products of
/// fewer than 30 terms: they agree to about 1e-15, and 1e-12 (absolute, on numbers of order
/// 0.01–1) leaves a margin of a thousand while any wrong term is far larger. The first
/// character's score (`logProbabilities`' class 0) is checked in logarithms, where its bits
/// below 1e-16 matter.
@Suite("the fast reader") struct FastReaderTests {
  @Test(
    "reads as the reference's step does, every gated kind",
    arguments: [LSTMCell.kind, GRUCell.kind, MGUCell.kind], [1, 2])
  func readsAsStep(kind: ModelKind, layers: Int) throws {
    let cell = try #require(kind.cell as? any GatedCell.Type)
    compare(cell, layers: layers)
  }

  func compare<Cell: GatedCell>(_: Cell.Type, layers: Int) {
    let model = CharModel<Cell>(
      vocabularySize: 23, hiddenSize: 13, layers: layers, embedding: layers == 2 ? 5 : nil)
    var rng = SeededGenerator(seed: 4)
    let p = model.initialParameters(using: &rng)
    // A state that is not zero (an LSTM's c too): the readers must start where they are told.
    let start = Reference.state(of: model, parameters: p, afterReading: [1, 5, 9, 2])
    let fast = model.reader(parameters: p, from: start)
    #expect(fast is GatedFastReader<Cell>, "the model reads on the reference's step")
    agree(fast, StepReader(model, parameters: p, from: start))
  }

  /// min-char-rnn's model reads on the vanilla window code, from a state that is not zero.
  @Test("the vanilla RNN reads as the reference's step does")
  func vanilla() {
    let model = CharModel<RNNCell>(vocabularySize: 23, hiddenSize: 13)
    var rng = SeededGenerator(seed: 6)
    let p = model.initialParameters(using: &rng)
    let start = StackState(h: Vector((0..<13).map { sin(Double($0)) * 0.5 }))
    let fast = model.reader(parameters: p, from: start)
    #expect(fast is VanillaFastReader, "the vanilla RNN reads on the reference's step")
    agree(fast, StepReader(model, parameters: p, from: start))
  }

  func agree(_ fast: any CharacterReader, _ slow: any CharacterReader) {
    for (t, x) in [3, 0, 22, 7, 7, 15, 1, 9, 12, 4].enumerated() {
      let (a, b) = (Reference.softmax(fast.read(x)), Reference.softmax(slow.read(x)))
      let m = firstMismatch("p", actual: a, expected: b, tolerance: 1e-12)
      #expect(m == nil, "step \(t): \(m.map(\.description) ?? "")")
      let h = firstMismatch("h", actual: fast.hidden, expected: slow.hidden, tolerance: 1e-12)
      #expect(h == nil, "step \(t): \(h.map(\.description) ?? "")")
    }
  }

  /// A first character the model all but rules out (by = −40 for it: p ≈ 1e-19): adding 1 back
  /// to p − 1 would lose it entirely; the reader's ln p must still be the reference's.
  @Test("an unlikely first character keeps its log-probability")
  func unlikelyFirstCharacter() {
    let model = CharModel<LSTMCell>(vocabularySize: 11, hiddenSize: 8)
    var rng = SeededGenerator(seed: 2)
    var p = model.initialParameters(using: &rng)
    p.by[0] = -40
    let fast = model.reader(parameters: p, from: model.zeroState())
    let slow = StepReader(model, parameters: p, from: model.zeroState())
    for x in [3, 7, 1] {
      let (a, b) = (fast.read(x), slow.read(x))
      let (la, lb) = (a[0] - logSumExp(a), b[0] - logSumExp(b))
      #expect(abs(la - lb) < 1e-9, "ln p[0]: fast \(la), reference \(lb)")
    }
  }

  private func logSumExp(_ v: Vector) -> Double {
    let m = v.max()
    return m + log(v.map { exp($0 - m) }.sum())
  }
}
