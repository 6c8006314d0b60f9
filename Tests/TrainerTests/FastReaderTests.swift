import CourseSupport
import GradientCheck
import ReferenceRNN
import Testing

/// Sampling and scoring read on the fast path (`GatedFastReader`): the distribution of every
/// next character, and the top layer's h, must be the reference's (`step`) to rounding.
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
    let fast = model.reader(parameters: p, from: model.zeroState())
    let slow = StepReader(model, parameters: p, from: model.zeroState())
    #expect(fast is GatedFastReader<Cell>, "the model reads on the reference's step")
    for (t, x) in [3, 0, 22, 7, 7, 15, 1, 9, 12, 4].enumerated() {
      let (a, b) = (Reference.softmax(fast.read(x)), Reference.softmax(slow.read(x)))
      let m = firstMismatch("p", actual: a, expected: b, tolerance: 1e-12)
      #expect(m == nil, "step \(t): \(m.map(\.description) ?? "")")
      let h = firstMismatch("h", actual: fast.hidden, expected: slow.hidden, tolerance: 1e-12)
      #expect(h == nil, "step \(t): \(h.map(\.description) ?? "")")
    }
  }
}
