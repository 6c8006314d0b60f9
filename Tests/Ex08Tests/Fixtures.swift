import CourseSupport
import Foundation
import ReferenceRNN

/// The GRU the suites check: V = 4, H = 4, T = 6, weights N(0, 1)·0.5, Why N(0, 1)·3, a non-zero
/// start state, a window using every character (the same recipe as ex07's LSTM: a correct
/// backward pass reaches about 1e-9 relative error here).
enum GRUFixture {
  static let inputs = [0, 3, 1, 2, 2, 1]
  static let targets = [3, 1, 2, 2, 1, 0]

  static func parameters(seed: UInt64 = 1) -> (GRUParameters, Vector) {
    var rng = SeededGenerator(seed: seed)
    var p = GRUParameters.zeros(hiddenSize: 4, vocabularySize: 4).mapScalars { _ in
      0.5 * rng.nextNormal()
    }
    p.Why = Matrix(rows: 4, cols: 4, scalars: p.Why.scalars.map { 6 * $0 })
    let start = Vector((0..<4).map { _ in 0.5 * rng.nextNormal() })
    return (p, start)
  }

  static func referencePass(_ p: GRUParameters, _ start: Vector, inputs: [Int] = inputs)
    -> GRUForwardPass
  {
    Reference.gruForward(
      inputs: inputs, targets: Array(targets.prefix(inputs.count)), start: start, parameters: p)
  }

  /// What each tensor is, for messages.
  static func describe(_ tensor: String) -> String {
    let gates = ["r": "reset gate", "z": "update gate", "h": "candidate"]
    if tensor.count == 2, let gate = gates[String(tensor.dropFirst())] {
      switch tensor.first {
      case "W": return "the \(gate)'s input weights"
      case "U": return "the \(gate)'s recurrent weights"
      default: return "the \(gate)'s bias"
      }
    }
    return tensor == "hPrev"
      ? "∂L/∂h₋₁, the gradient of the state the window started from" : "the output layer"
  }
}

/// ex08's evolution at the suite's budget: the play corpus (100,000 characters), 30,000
/// parameters each, 1,000 iterations of Adam at 0.003, windows of 25, seeds 1–3.
enum EvolutionExperiment {
  static let budget = 30_000
  static let iterations = 1000
  static let seeds: [UInt64] = [1, 2, 3]
  static let corpus: Corpus = {
    let text = BuiltInCorpus.play.text(characters: 100_000)
    let vocabulary = Vocabulary(text: text)
    return Corpus(vocabulary: vocabulary, indices: vocabulary.encode(text) ?? [])
  }()

  /// The validation loss per character after the budget.
  static func validationLoss(_ spec: ModelSpec, seed: UInt64) -> Double {
    let hp = Hyperparameters(
      hiddenSize: spec.hiddenSize, sequenceLength: 25, learningRate: 0.003, seed: seed,
      validationEvery: iterations)
    return trained(spec.makeModel(), hp)
  }

  private static func trained<M: LanguageModel>(_ model: M, _ hp: Hyperparameters) -> Double {
    Reference.train(
      model, corpus: corpus, hyperparameters: hp, iterations: iterations, optimizer: .adam
    ).history.validation.last?.lossPerCharacter ?? .nan
  }
}
