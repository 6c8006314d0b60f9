import CourseSupport
import FastKernels
import Foundation
import GradientCheck
import ReferenceRNN
import Testing

/// The gated fast path against the readable reference, written out here: one window from each
/// of B contiguous streams through `CharModel`'s forward and backward, gradients summed,
/// clipped, one update. Small odd sizes (H = 13, E = 5) so that the padding is exercised.
@Suite("the gated fast path, every gated kind") struct FastGatedTrainerTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let kind: ModelKind
    let layers: Int
    let embedding: Int?
    let batch: Int
    let optimizer: OptimizerKind
    var testDescription: String {
      "\(kind.title), \(layers) layer(s), \(embedding.map { "embedding \($0)" } ?? "one-hot"), "
        + "batch \(batch), \(optimizer)"
    }
  }

  /// Every gated kind of the table, in four configurations each.
  static let gatedKinds = ModelKind.allCases.filter(\.isGated)
  static let cases: [Case] = gatedKinds.flatMap { kind in
    [
      Case(kind: kind, layers: 1, embedding: nil, batch: 1, optimizer: .adagrad),
      Case(kind: kind, layers: 2, embedding: 5, batch: 1, optimizer: .adam),
      Case(kind: kind, layers: 2, embedding: nil, batch: 3, optimizer: .adam),
      Case(kind: kind, layers: 3, embedding: 5, batch: 3, optimizer: .adagrad),
    ]
  }

  let text = BuiltInCorpus.play.text(characters: 3000, seed: 5)
  var corpus: Corpus {
    let vocabulary = Vocabulary(text: text)
    return Corpus(vocabulary: vocabulary, indices: vocabulary.encode(text) ?? [])
  }

  @Test("losses, gradients and validation agree with the reference", arguments: cases)
  func agreesWithReference(_ c: Case) {
    guard let cell = c.kind.cell as? any GatedCell.Type else {
      Issue.record("not gated")
      return
    }
    compare(cell, c)
  }

  func compare<Cell: GatedCell>(_: Cell.Type, _ c: Case) {
    let (t, rate) = (7, 0.02)
    let data = corpus.training
    let model = CharModel<Cell>(
      vocabularySize: corpus.vocabulary.count, hiddenSize: 13, layers: c.layers,
      embedding: c.embedding)
    var run = RunState(fresh: model, seed: 3, sequenceLength: t, optimizer: c.optimizer)
    let fast = FastGatedTrainer(
      model, run, batch: c.batch, sequenceLength: t, learningRate: rate, clipLimit: 5)
    var states = Array(repeating: model.zeroState(), count: c.batch)
    var positions = Array(repeating: 0, count: c.batch)
    for i in 1...25 {
      let (loss, gradients) = referenceStep(
        model, &run, &states, &positions, data: data, steps: t, rate: rate)
      let got = fast.step(data)
      guard isClose(got, loss, tolerance: 1e-10) else {
        Issue.record("iteration \(i): loss \(got), reference \(loss)")
        return
      }
      if i == 1 || i == 25 {
        let m = firstMismatch("d", actual: fast.lastGradients, expected: gradients, tolerance: 1e-9)
        #expect(m == nil, "iteration \(i): \(m.map(\.description) ?? "")")
      }
    }
    let m = firstMismatch("", actual: fast.parameters, expected: run.parameters, tolerance: 1e-8)
    #expect(m == nil, "after 25 iterations: \(m.map(\.description) ?? "")")
    let expected = Reference.validationLoss(
      model, parameters: fast.parameters, data: corpus.validation, sequenceLength: t)
    let validation = fast.validationLoss(corpus.validation, sequenceLength: t)
    #expect(
      isClose(validation, expected, tolerance: 1e-11), "validation \(validation), \(expected)")
  }

  /// One iteration of the reference over B streams: the mean loss and the unclipped sum of
  /// the gradients.
  func referenceStep<M: LanguageModel>(
    _ model: M, _ run: inout RunState<M>, _ states: inout [M.State], _ positions: inout [Int],
    data: [Int], steps t: Int, rate: Double
  ) -> (loss: Double, gradients: M.Parameters) {
    let (b, length) = (states.count, data.count / states.count)
    var total = run.parameters.zeros().flattened
    var loss = 0.0
    for j in 0..<b {
      if positions[j] + t + 1 >= length {
        positions[j] = 0
        states[j] = model.zeroState()
      }
      let from = j * length + positions[j]
      let pass = model.forward(
        inputs: Array(data[from..<(from + t)]), targets: Array(data[(from + 1)...(from + t)]),
        from: states[j], parameters: run.parameters)
      let g = model.backward(pass.record, parameters: run.parameters).gradients.flattened
      for k in total.indices { total[k] += g[k] }
      loss += pass.loss
      states[j] = pass.last
      positions[j] += t
    }
    let summed = run.parameters.replacing(flattened: total)!
    var clipped = summed
    Reference.clip(&clipped, limit: 5)
    Reference.update(&run.parameters, gradients: clipped, state: &run.optimizer, learningRate: rate)
    return (loss / Double(b), summed)
  }

  /// A run saved and loaded again continues as if never stopped: the same bits.
  @Test("a run taken out and put back continues exactly", arguments: gatedKinds)
  func resumes(_ kind: ModelKind) {
    guard let cell = kind.cell as? any GatedCell.Type else {
      Issue.record("not gated")
      return
    }
    resume(cell)
  }

  func resume<Cell: GatedCell>(_: Cell.Type) {
    let data = corpus.training
    let model = CharModel<Cell>(
      vocabularySize: corpus.vocabulary.count, hiddenSize: 11, layers: 2, embedding: nil)
    let run = RunState(fresh: model, seed: 4, sequenceLength: 9, optimizer: .adam)
    let first = FastGatedTrainer(model, run, sequenceLength: 9, learningRate: 0.01)
    for _ in 0..<30 { first.step(data) }
    let second = FastGatedTrainer(model, first.run, sequenceLength: 9, learningRate: 0.01)
    for i in 1...10 {
      let (a, b) = (first.step(data), second.step(data))
      guard a == b else {
        Issue.record("iteration \(i) after resuming: \(b), uninterrupted \(a)")
        return
      }
    }
  }
}

/// Two threads share every window, each owning half of the hidden units; no element is
/// computed differently, so the result is the same bits as one thread's. H = 29 splits 16/16
/// after padding; H = 6 and E = 5 give one thread no units at all.
@Suite("the gated fast path on two threads") struct GatedThreadsTests {
  @Test(
    "two threads compute the same bits as one",
    arguments: FastGatedTrainerTests.gatedKinds, [29, 6])
  func twoEqualOne(_ kind: ModelKind, _ hidden: Int) {
    guard let cell = kind.cell as? any GatedCell.Type else {
      Issue.record("not gated")
      return
    }
    compare(cell, hidden)
  }

  func compare<Cell: GatedCell>(_: Cell.Type, _ hidden: Int) {
    let text = BuiltInCorpus.code.text(characters: 4000, seed: 7)
    let vocabulary = Vocabulary(text: text)
    let data = vocabulary.encode(text) ?? []
    let model = CharModel<Cell>(
      vocabularySize: vocabulary.count, hiddenSize: hidden, layers: 2, embedding: 5)
    let run = RunState(fresh: model, seed: 2, sequenceLength: 11, optimizer: .adam)
    let two = FastGatedTrainer(
      model, run, batch: 2, sequenceLength: 11, learningRate: 0.01, threads: .two)
    let one = FastGatedTrainer(
      model, run, batch: 2, sequenceLength: 11, learningRate: 0.01, threads: .one)
    for i in 1...40 {
      let (a, b) = (two.step(data), one.step(data))
      guard a == b else {
        Issue.record("iteration \(i): two threads' loss \(a), one thread's \(b)")
        return
      }
    }
    #expect(two.parameters.flattened == one.parameters.flattened)
    #expect(
      two.validationLoss(data, sequenceLength: 11) == one.validationLoss(data, sequenceLength: 11))
  }
}

/// The choice between one thread and two follows what it measures, round after round.
@Suite("choosing between one thread and two") struct ThreadChoiceTests {
  /// Each round times 3 iterations on one thread and 3 on two (no minimum time here), then keeps
  /// the faster for ten times as long as the trials took, then twenty times. The times are
  /// given, not slept, so the counts are exact: the trials take 3 × 1 + 3 × 4 = 15 ms, so the
  /// faster way (1 ms an iteration) is kept for 150 iterations, then 300.
  @Test("the faster way is kept, then both are tried again", arguments: [false, true])
  func keepsTheFaster(twoAreFaster: Bool) {
    var choice = ThreadChoice(.measured, minimumKept: 4, minimumTrial: 0)
    var used: [Bool] = []
    for _ in 0..<462 {
      used.append(choice.nextUsesTwo)
      choice.learn(used.last == twoAreFaster ? 1_000_000 : 4_000_000)
    }
    let trials = [false, false, false, true, true, true]
    let expected =
      trials + Array(repeating: twoAreFaster, count: 150) + trials
      + Array(repeating: twoAreFaster, count: 300)
    #expect(used == expected)
    #expect(choice.factor == 20)
  }

  /// The same, timed: "two threads" sleeps 10 ms and "one" 1 ms, or the other way round.
  @Test("run times each iteration: the faster by the clock is kept", arguments: [false, true])
  func timesTheIterations(twoAreFaster: Bool) {
    var choice = ThreadChoice(.measured, minimumKept: 4, minimumTrial: 0)
    var used: [Bool] = []
    for _ in 0..<10 {
      choice.run { two in
        used.append(two)
        usleep(two == twoAreFaster ? 1000 : 10_000)
      }
    }
    #expect(
      used == [false, false, false, true, true, true] + Array(repeating: twoAreFaster, count: 4))
  }

  @Test("one or two threads, when asked for, are used every time")
  func fixed() {
    for use in [ThreadUse.one, .two] {
      var choice = ThreadChoice(use, minimumKept: 4)
      var used: [Bool] = []
      for _ in 0..<12 { choice.run { used.append($0) } }
      #expect(used == Array(repeating: use == .two, count: 12))
    }
  }
}
