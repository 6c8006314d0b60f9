import CourseSupport
import Foundation
import ReferenceRNN
import Testing

/// Figures the lessons quote from a command, recomputed through the same reference functions
/// and looked up in the lesson's text, so that neither can drift from the other unnoticed.
@Suite("lesson figures") struct LessonFigures {
  static let exercises = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Exercises")

  static func lesson(_ folder: String) throws -> String {
    try String(
      contentsOf: exercises.appendingPathComponent(folder).appendingPathComponent("README.md"),
      encoding: .utf8)
  }

  /// `rnn lstm-flow` (seed 1), its untrained rows: both models of H = 64 on the first 101
  /// characters of the play's validation text, the gradient of the last step's loss.
  @Test("ex07: the untrained gradient-flow rows, and the LSTM's ∂L/∂c shrinking by 0.88 per step")
  func untrainedFlow() throws {
    let text = BuiltInCorpus.play.text(characters: 200_000, seed: 1)
    let corpus = try Reference.corpus(text: text, source: "play", sequenceLength: 25)
    let window = Array(corpus.validation.prefix(101))
    let v = corpus.vocabulary.count
    let rnn = CharModel<RNNCell>(vocabularySize: v, hiddenSize: 64)
    let lstm = CharModel<LSTMCell>(vocabularySize: v, hiddenSize: 64)
    let lstmParameters = lstm.initialParameters(seed: 1)
    let rnnH = rnn.stateGradientsBack(window, parameters: rnn.initialParameters(seed: 1))
      .map(\.h.norm)
    let l = lstm.stateGradientsBack(window, parameters: lstmParameters)
    func row(_ name: String, _ norms: [Double]) -> String {
      "| | \(name) | "
        + [10, 25, 50, 99].map { String(format: "%.1e", norms[$0]) }.joined(
          separator: " | ") + " |"
    }
    let readme = try Self.lesson("ex07-lstm")
    for line in [row("LSTM ‖∂L/∂h‖", l.map(\.h.norm)), row("LSTM ‖∂L/∂c‖", l.map(\.c.norm))] {
      #expect(readme.contains(line), "the lesson's table should have the row \(line)")
    }
    let rnnRow =
      "| untrained (H = 64), the play | RNN ‖∂L/∂h‖ | "
      + [10, 25, 50, 99].map { String(format: "%.1e", rnnH[$0]) }.joined(separator: " | ") + " |"
    #expect(readme.contains(rnnRow), "the lesson's table should have the row \(rnnRow)")
    // The per-step factor from 10 to 50 steps back, and every forget gate along the window: the
    // gates alone (all below 0.8) cannot keep the norm at 0.88 per step; the path through h does.
    let perStep = pow(l[50].c.norm / l[10].c.norm, 1.0 / 40)
    #expect(abs(perStep - 0.88) < 0.005, "measured \(perStep) per step")
    #expect(readme.contains("about 0.88 per step"))
    let caches = lstm.forward(
      inputs: Array(window.dropLast()), targets: Array(window.dropFirst()),
      from: lstm.zeroState(), parameters: lstmParameters
    ).record.caches
    let gates = caches.flatMap { $0[0].f.scalars }
    #expect(
      (gates.max() ?? 1) < 0.8 && (gates.min() ?? 0) > 0.65,
      "f from \(gates.min()!) to \(gates.max()!)")
  }

  /// `rnn evolution` (seeds 1–3), its first 1,000 iterations: the curves the lesson describes.
  @Test("ex08: after 500 and 1,000 iterations the one-hot RNN is highest and the LSTM next")
  func evolutionCurves() throws {
    let text = BuiltInCorpus.play.text(characters: 200_000)
    let corpus = try Reference.corpus(text: text, source: "play", sequenceLength: 25)
    let v = corpus.vocabulary.count
    let architectures: [Architecture] = [
      .oneHotRNN, .embeddingRNN(embedding: 16), .gru(embedding: 16), .lstm(embedding: 16),
    ]
    // Twelve runs (four models, seeds 1–3) on every core.
    let runs = Results(count: 12)
    DispatchQueue.concurrentPerform(iterations: 12) { job in
      let a = architectures[job / 3]
      let spec = a.spec(
        vocabularySize: v,
        hiddenSize: Reference.hiddenSize(for: a, vocabularySize: v, budget: 30_000))
      runs.set(
        job,
        Reference.train(
          spec.makeModel(), corpus: corpus,
          hp: Hyperparameters(
            hiddenSize: spec.hiddenSize, sequenceLength: 25, learningRate: 0.003,
            seed: UInt64(job % 3 + 1), validationEvery: 500)))
    }
    // mean[a][k]: architecture a's validation loss after 500·(k + 1) iterations, over seeds 1–3.
    let mean = architectures.indices.map { a in
      [0, 1].map { k in (0..<3).map { runs.values[3 * a + $0][k] }.reduce(0, +) / 3 }
    }
    for k in [0, 1] {
      let order = architectures.indices.sorted { mean[$0][k] > mean[$1][k] }
      #expect(order.prefix(2) == [0, 3], "after \(500 * (k + 1)): \(mean.map { $0[k] })")
    }
    let readme = try Self.lesson("ex08-evolution")
    let quoted = String(
      format: "at %.3f after 500 iterations and %.3f after 1,000 where the GRU is at %.3f and %.3f",
      mean[3][0], mean[3][1], mean[2][0], mean[2][1])
    #expect(
      readme.replacingOccurrences(of: "\n", with: " ").contains(quoted),
      "the lesson should say: \(quoted)")
  }
}

/// Results written by concurrent jobs, each to its own slot.
private final class Results: @unchecked Sendable {
  private let lock = NSLock()
  private(set) var values: [[Double]]
  init(count: Int) { values = Array(repeating: [], count: count) }
  func set(_ i: Int, _ value: [Double]) { lock.withLock { values[i] = value } }
}

extension Reference {
  /// The validation losses of a fresh run with Adam, `hp.validationEvery` apart, to 1,000
  /// iterations.
  fileprivate static func train(_ model: any LanguageModel, corpus: Corpus, hp: Hyperparameters)
    -> [Double]
  {
    func run<M: LanguageModel>(_ m: M) -> [Double] {
      Reference.train(m, corpus: corpus, hyperparameters: hp, iterations: 1000, optimizer: .adam)
        .history.validation.map(\.lossPerCharacter)
    }
    return run(model)
  }
}
