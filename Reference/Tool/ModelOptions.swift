import CourseSupport
import GraderCore
import ReferenceRNN

/// The model a command builds from `--model`, `--hidden`, `--layers` and `--embedding`, and how
/// it learns (`--optimizer`, `--lr`): the options `train`, `temperatures` and `hyperparameters`
/// share.
struct ModelOptions {
  static let valued: Set<String> = [
    "model", "hidden", "layers", "embedding", "optimizer", "lr", "dropout",
  ]

  let kind: ModelKind
  let hiddenSize: Int
  let layers: Int
  let embedding: Int?
  let optimizer: OptimizerKind
  let learningRate: Double
  let dropout: Double?

  init(_ options: CommandLineOptions, hiddenDefault: Int = 100) throws {
    kind = try options.choice("model", default: ModelKind.rnn)
    hiddenSize = try options.int("hidden", default: hiddenDefault)
    layers = try options.int("layers", default: 1)
    embedding = options.string("embedding") == nil ? nil : try options.int("embedding", default: 1)
    // Adagrad at 0.1 is min-char-rnn's; an LSTM learns faster with Adam (the usual 2e-3).
    optimizer = try options.choice("optimizer", default: kind == .rnn ? .adagrad : .adam)
    learningRate = try options.positive("lr", default: optimizer == .adagrad ? 0.1 : 2e-3)
    dropout = options.string("dropout") == nil ? nil : try options.fraction("dropout", default: 0)
  }

  func spec(vocabularySize: Int) -> ModelSpec {
    ModelSpec(
      kind: kind, vocabularySize: vocabularySize, hiddenSize: hiddenSize, layers: layers,
      embedding: embedding, dropout: dropout)
  }
}
