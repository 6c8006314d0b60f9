import CourseSupport
import Foundation
import GradientCheck
import ReferenceRNN
import Testing

/// The model abstraction: every kind, depth and input passes the gradient check; one LSTM step
/// equals the formulas worked out by hand; tensor sets move between types by name.
@Suite("models") struct ModelTests {
  /// Weights N(0, 1)·0.5 (so every gate is far from saturated), Why N(0, 1)·3 (so no gradient is
  /// tiny), a non-zero start state, and a window that uses every character.
  static func problem<Cell: RecurrentCell>(
    _ cell: Cell.Type, layers: Int, embedding: Int?, seed: UInt64 = 1
  ) -> (CharModel<Cell>, CharModel<Cell>.Parameters, CharModel<Cell>.State) {
    let model = CharModel<Cell>(
      vocabularySize: 4, hiddenSize: 4, layers: layers, embedding: embedding)
    var rng = SeededGenerator(seed: seed)
    var p = model.zeroParameters().mapScalars { _ in 0.5 * rng.nextNormal() }
    p.Why = Matrix(rows: 4, cols: 4, scalars: p.Why.scalars.map { 6 * $0 })
    let s = model.zeroState().mapScalars { _ in 0.5 * rng.nextNormal() }
    return (model, p, s)
  }

  static let inputs = [0, 3, 1, 2, 2, 1]
  static let targets = [3, 1, 2, 2, 1, 0]

  /// The course's check (fourth-order central differences), relative error ≤ 1e-7: a correct
  /// backward pass reaches about 1e-9 here (at most 4e-8 over seeds 1–8 for every kind and
  /// depth), a missing term 1e-2 and more.
  func expectGradientsPass<Cell: RecurrentCell>(
    _ cell: Cell.Type, layers: Int, embedding: Int?
  ) {
    let (model, p, s) = Self.problem(cell, layers: layers, embedding: embedding)
    let pass = model.forward(inputs: Self.inputs, targets: Self.targets, from: s, parameters: p)
    let (g, ds) = model.backward(pass.record, parameters: p)
    let report = checkGradients(parameters: p, state: s, gradients: g, dState: ds) { p, s in
      model.forward(inputs: Self.inputs, targets: Self.targets, from: s, parameters: p).loss
    }
    #expect(report.passes(tolerance: 1e-7), "\(model.spec):\n\(report)")
    #expect(report.tensors.count == p.tensors.count + s.tensors.count)
  }

  /// Every kind of the table (`ModelKind.cells`): a new cell is checked without a test of its own.
  @Test(
    "every model kind's gradients pass the check: one layer, two layers with an embedding",
    arguments: ModelKind.allCases)
  func gradients(_ kind: ModelKind) {
    expectGradientsPass(kind.cell, layers: 1, embedding: nil)
    expectGradientsPass(kind.cell, layers: 2, embedding: 3)
  }

  /// With dropout the loss depends on the masks; drawn from the same generator state, they are
  /// the same at every point the check evaluates, and the gradient must account for them.
  @Test("with dropout between two layers, the gradients still pass the check")
  func dropoutGradients() {
    let (plain, p, s) = Self.problem(LSTMCell.self, layers: 2, embedding: 3)
    var spec = plain.spec
    spec.dropout = 0.3
    let model = CharModel<LSTMCell>(spec)
    func pass(_ p: CharModel<LSTMCell>.Parameters, _ s: CharModel<LSTMCell>.State) -> (
      loss: Double, record: CharModel<LSTMCell>.Record, last: CharModel<LSTMCell>.State
    ) {
      var noise = SeededGenerator(seed: 5)
      return model.forward(
        inputs: Self.inputs, targets: Self.targets, from: s, parameters: p, noise: &noise)
    }
    let masks = pass(p, s).record.masks ?? []
    #expect(masks.joined().contains { $0.scalars.contains(0) }, "some numbers are dropped")
    #expect(
      pass(p, s).loss
        != model.forward(inputs: Self.inputs, targets: Self.targets, from: s, parameters: p).loss)
    let (g, ds) = model.backward(pass(p, s).record, parameters: p)
    let report = checkGradients(parameters: p, state: s, gradients: g, dState: ds) {
      pass($0, $1).loss
    }
    #expect(report.passes(tolerance: 1e-7), "\(report)")
  }

  @Test("one LSTM step equals the formulas worked out by hand")
  func lstmStepByHand() {
    var p = LSTMLayer(inputs: 2, hidden: 1)
    (p.Wi, p.Wf) = (
      Matrix(rows: 1, cols: 2, scalars: [0.1, 0.2]), Matrix(rows: 1, cols: 2, scalars: [0.3, -0.4])
    )
    (p.Wg, p.Wo) = (
      Matrix(rows: 1, cols: 2, scalars: [0.5, 0.6]), Matrix(rows: 1, cols: 2, scalars: [-0.7, 0.8])
    )
    (p.Ui, p.Uf, p.Ug, p.Uo) = (
      Matrix(rows: 1, cols: 1, scalars: [0.9]), Matrix(rows: 1, cols: 1, scalars: [-1]),
      Matrix(rows: 1, cols: 1, scalars: [1.1]), Matrix(rows: 1, cols: 1, scalars: [-1.2])
    )
    (p.bi, p.bf, p.bg, p.bo) = (Vector([0.05]), Vector([1]), Vector([-0.05]), Vector([0.1]))
    let cell = LSTMCell(inputSize: 2, hiddenSize: 1)
    let (state, cache) = cell.step(
      .index(1), from: LSTMState(h: Vector([0.5]), c: Vector([-0.25])), parameters: p)
    let expected: [(String, Double, Double)] = [
      ("i", cache.i[0], 0.6681877721681662), ("f", cache.f[0], 0.5249791874789399),
      ("g", cache.g[0], 0.8004990217606296), ("o", cache.o[0], 0.574442516811659),
      ("c", state.c[0], 0.4036388611032965), ("h", state.h[0], 0.22004491675397125),
    ]
    for (name, got, want) in expected {
      #expect(abs(got - want) < 1e-15, "\(name): got \(got), expected \(want)")
    }
  }

  @Test("a fresh LSTM keeps what its cells hold: every forget-gate bias is 1")
  func forgetBias() {
    let p = CharModel<LSTMCell>(vocabularySize: 6, hiddenSize: 5, layers: 2).initialParameters(
      seed: 3)
    #expect(p.layers.allSatisfy { $0.bf.scalars.allSatisfy { $0 == 1 } })
    #expect(
      p.layers.allSatisfy { ($0.bi.scalars + $0.bg.scalars + $0.bo.scalars).allSatisfy { $0 == 0 } }
    )
    let bound = 1 / 5.0.squareRoot()
    #expect(p.layers[1].Uf.scalars.allSatisfy { abs($0) <= bound })
  }

  @Test("tensors are listed in PyTorch's order, named by layer when there are several")
  func tensorNames() {
    let one = CharModel<LSTMCell>(vocabularySize: 3, hiddenSize: 2).zeroParameters()
    #expect(
      one.tensors.map(\.name) == [
        "Wi", "Wf", "Wg", "Wo", "Ui", "Uf", "Ug", "Uo", "bi", "bf", "bg", "bo", "Why", "by",
      ])
    let two = CharModel<RNNCell>(vocabularySize: 3, hiddenSize: 2, layers: 2, embedding: 4)
    #expect(
      two.zeroParameters().tensors.map(\.name) == [
        "embedding", "layer1.Wxh", "layer1.Whh", "layer1.bh", "layer2.Wxh", "layer2.Whh",
        "layer2.bh", "Why", "by",
      ])
    #expect(two.zeroState().tensors.map(\.name) == ["layer1.h", "layer2.h"])
  }

  @Test("a one-layer char RNN draws the same first weights as min-char-rnn's initialisation")
  func rnnInitialisation() {
    let model = CharModel<RNNCell>(vocabularySize: 7, hiddenSize: 6)
    var rng = SeededGenerator(seed: 9)
    let minChar = RNNParameters.random(hiddenSize: 6, vocabularySize: 7, using: &rng)
    #expect(RNNParameters(model.initialParameters(seed: 9)) == minChar)
  }

  @Test("tensor sets move between types by name, and say which tensor does not fit")
  func storedTensors() throws {
    var rng = SeededGenerator(seed: 2)
    let p = RNNParameters.random(hiddenSize: 3, vocabularySize: 4, using: &rng)
    let model = CharModel<RNNCell>(vocabularySize: 4, hiddenSize: 3)
    let moved = try model.zeroParameters().replacing(with: p)
    #expect(RNNParameters(moved) == p)
    #expect(moved.flattened.count == p.scalarCount)
    #expect(p.replacing(flattened: p.flattened) == p)
    #expect(p.replacing(flattened: [1, 2]) == nil)

    var wrong = p.stored()
    wrong["Whh"] = StoredTensor(rows: 2, cols: 2, scalars: [1, 2, 3, 4])
    #expect(throws: TensorSetError("the parameters: Whh is 2×2, this model needs 3×3")) {
      try model.zeroParameters().replacing(with: wrong, what: "the parameters")
    }
    wrong["Whh"] = nil
    #expect(throws: TensorSetError("the parameters lack the tensor Whh")) {
      try model.zeroParameters().replacing(with: wrong, what: "the parameters")
    }
    var extra = p.stored()
    extra["Wf"] = StoredTensor(rows: nil, cols: nil, scalars: [1])
    #expect(throws: TensorSetError("the parameters hold a tensor Wf this model does not have")) {
      try model.zeroParameters().replacing(with: extra, what: "the parameters")
    }
  }

  /// θ = 1, lr = 0.1, gradients 0.5 then −0.25; expected values from the formulas in Python.
  @Test("Adam's two first steps equal the formulas worked out by hand")
  func adamByHand() {
    var theta = HiddenState(h: Vector([1]))
    var state = OptimizerState(.adam, shapedLike: theta)
    Reference.update(
      &theta, gradients: HiddenState(h: Vector([0.5])), state: &state, learningRate: 0.1)
    #expect(abs(theta.h[0] - 0.9000000019999999) < 1e-15, "after step 1: \(theta.h[0])")
    Reference.update(
      &theta, gradients: HiddenState(h: Vector([-0.25])), state: &state, learningRate: 0.1)
    #expect(abs(theta.h[0] - 0.8733662987078462) < 1e-15, "after step 2: \(theta.h[0])")
    #expect(abs(state.momentum!.h[0] - 0.02) < 1e-15 && abs(state.memory.h[0] - 0.00031225) < 1e-15)
    #expect(state.updates == 2)
  }

  /// "abcabc…" is learned by an LSTM in a few hundred Adam steps (measured: about 0.002 per
  /// character after 300 iterations at H = 8; a model that learned nothing scores ln 3 = 1.1).
  @Test("an LSTM trained by the one training loop learns abcabc…")
  func lstmLearnsPattern() {
    let model = CharModel<LSTMCell>(vocabularySize: 3, hiddenSize: 8)
    let corpus = Corpus(vocabulary: Vocabulary(text: "abc"), indices: (0..<600).map { $0 % 3 })
    let hp = Hyperparameters(
      hiddenSize: 8, sequenceLength: 10, learningRate: 0.01, validationEvery: 300)
    let run = Reference.train(
      model, corpus: corpus, hyperparameters: hp, iterations: 300, optimizer: .adam)
    let validation = run.history.validation.last?.lossPerCharacter ?? .nan
    #expect(validation < 0.05, "validation loss per character \(validation)")
    let greedy = Reference.sampleGreedy(
      model, parameters: run.state.parameters, from: model.zeroState(), seed: 0, count: 6)
    #expect(greedy == [1, 2, 0, 1, 2, 0])
  }
}

/// Claims the lessons make of measurements the learner does not compute, checked here once.
@Suite("lesson claims") struct LessonClaims {
  /// ex09: LSTMs with an embedding of 16, at most 30,000 parameters, one layer (H = 71) or two
  /// (H = 44), the play's first 100,000 characters, 1,000 iterations of Adam at 0.003, seeds
  /// 1–3. Measured: one layer 1.155–1.159, two layers 1.40–1.54 per character.
  @Test(
    "at 1,000 iterations, one LSTM layer beats two of the same size by 0.1 or more on every seed")
  func depth() throws {
    let corpus = try Reference.corpus(
      text: BuiltInCorpus.play.text(characters: 100_000), source: "play", sequenceLength: 25)
    func loss(layers: Int, hidden: Int, seed: UInt64) -> Double {
      let model = CharModel<LSTMCell>(
        vocabularySize: corpus.vocabulary.count, hiddenSize: hidden, layers: layers, embedding: 16)
      let hp = Hyperparameters(
        hiddenSize: hidden, sequenceLength: 25, learningRate: 0.003, seed: seed,
        validationEvery: 1000)
      return Reference.train(
        model, corpus: corpus, hyperparameters: hp, iterations: 1000, optimizer: .adam
      ).history.validation.last?.lossPerCharacter ?? .nan
    }
    #expect(
      ModelSpec(kind: .lstm, vocabularySize: corpus.vocabulary.count, hiddenSize: 71, embedding: 16)
        .parameterCount <= 30_000)
    #expect(
      ModelSpec(
        kind: .lstm, vocabularySize: corpus.vocabulary.count, hiddenSize: 44, layers: 2,
        embedding: 16
      ).parameterCount <= 30_000)
    for seed: UInt64 in [1, 2, 3] {
      let one = loss(layers: 1, hidden: 71, seed: seed)
      let two = loss(layers: 2, hidden: 44, seed: seed)
      #expect(two > one + 0.1, "seed \(seed): one layer \(one), two layers \(two)")
    }
  }
}
