import CourseSupport
import GraderCore
import ReferenceRNN

/// The model a command builds from `--model`, `--hidden`, `--layers` and `--embedding`, and how
/// it learns (`--optimizer`, `--lr`): the options `train`, `temperatures` and `hyperparameters`
/// share.
struct ModelOptions {
  static let valued: Set<String> = [
    "model", "hidden", "layers", "embedding", "optimizer", "lr", "dropout", "resets",
  ]

  let kind: ModelKind
  let hiddenSize: Int
  let layers: Int
  let embedding: Int?
  let optimizer: OptimizerKind
  let learningRate: Double
  let dropout: Double?
  /// `--resets`: which windows start from a zero state (nil: the model kind's default).
  let resets: ResetChoice?

  /// `resetsOption`: whether `--resets` names this model's one rule (`rnn fresh-state` reads a
  /// list there itself).
  init(_ options: CommandLineOptions, hiddenDefault: Int = 100, resetsOption: Bool = true) throws {
    kind = try options.choice("model", default: ModelKind.rnn)
    hiddenSize = try options.int("hidden", default: hiddenDefault)
    layers = try options.int("layers", default: 1)
    embedding = options.string("embedding") == nil ? nil : try options.int("embedding", default: 1)
    // Adagrad at 0.1 is min-char-rnn's; an LSTM learns faster with Adam (the usual 2e-3).
    optimizer = try options.choice("optimizer", default: kind.defaultOptimizer)
    learningRate = try options.positive("lr", default: optimizer == .adagrad ? 0.1 : 2e-3)
    dropout = options.string("dropout") == nil ? nil : try options.fraction("dropout", default: 0)
    resets = resetsOption ? try options.string("resets").map { try ResetChoice($0) } : nil
  }

  /// The reset rule for a run with `seed` on text with `vocabulary`.
  func stateResets(seed: UInt64, vocabulary: Vocabulary) throws -> StateResets {
    try resets?.checked(against: vocabulary).rule(seed: seed, newline: vocabulary.index(of: "\n"))
      ?? kind.defaultResets(seed: seed)
  }

  /// Whether this model has a fast path (`RecurrentCell.trainsFast`).
  var trainsFast: Bool {
    kind.cell.trainsFast(spec(vocabularySize: 1), optimizer: optimizer)
  }

  func spec(vocabularySize: Int) -> ModelSpec {
    ModelSpec(
      kind: kind, vocabularySize: vocabularySize, hiddenSize: hiddenSize, layers: layers,
      embedding: embedding, dropout: dropout)
  }
}

/// What `--resets` asks for: `never` (min-char-rnn's protocol), a share of windows from 0 to 1,
/// or `paragraphs`.
enum ResetChoice: Equatable {
  case probability(Double)
  case paragraphs

  init(_ text: String) throws(CommandLineOptions.Problem) {
    switch text {
    case "never", "0", "0.0": self = .probability(0)
    case "paragraphs": self = .paragraphs
    default:
      guard let p = Double(text), p > 0, p <= 1 else {
        throw CommandLineOptions.Problem(
          "--resets needs never, paragraphs, or the share of windows that start from a zero state (0 to 1), got \"\(text)\""
        )
      }
      self = .probability(p)
    }
  }

  /// The rule: random resets are seeded by the run's seed; paragraphs need a newline in the
  /// vocabulary (`checked(against:)` refuses a text without one).
  func rule(seed: UInt64, newline: Int?) -> StateResets {
    switch self {
    case .probability(let p): p > 0 ? .random(probability: p, seed: seed) : .never
    case .paragraphs: newline.map { .paragraphs(newline: $0) } ?? .never
    }
  }

  /// Refuses paragraphs on a text that has none.
  func checked(against vocabulary: Vocabulary) throws(CommandLineOptions.Problem) -> ResetChoice {
    if self == .paragraphs && vocabulary.index(of: "\n") == nil {
      throw CommandLineOptions.Problem(
        "--resets paragraphs: this text has no newline, so no paragraphs; give a share of windows instead (--resets 0.05)"
      )
    }
    return self
  }
}
