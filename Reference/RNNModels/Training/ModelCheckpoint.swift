import CourseSupport
import Foundation

/// A saved run of any model: enough to continue training it, or to sample from it.
public struct ModelCheckpoint<M: LanguageModel>: Sendable {
  /// The model trained; its `spec` is what the file records.
  public var model: M
  /// The characters it reads and writes, each with its index.
  public var vocabulary: Vocabulary
  /// The run's settings.
  public var hyperparameters: Hyperparameters
  /// Where the run stands: parameters, optimizer, carried state, position, iteration.
  public var run: RunState<M>
  /// The losses measured so far.
  public var history: LossHistory

  /// A checkpoint from its parts.
  public init(
    model: M, vocabulary: Vocabulary, hyperparameters: Hyperparameters, run: RunState<M>,
    history: LossHistory
  ) {
    self.model = model
    self.vocabulary = vocabulary
    self.hyperparameters = hyperparameters
    self.run = run
    self.history = history
  }
}

/// A trained model of whatever kind a file held: what sampling, scoring and the pictures need.
/// Commands take `any TrainedModel` and hand it to code written once, generically.
public protocol TrainedModel: Sendable {
  associatedtype Model: LanguageModel
  /// The model, of the kind the file held.
  var model: Model { get }
  /// Its trained parameters.
  var parameters: Model.Parameters { get }
  /// The characters it reads and writes, each with its index.
  var vocabulary: Vocabulary { get }
  /// The settings it was trained with.
  var hyperparameters: Hyperparameters { get }
  /// The losses of its training.
  var history: LossHistory { get }
  /// Everything saved: the run to continue, its history.
  var checkpoint: ModelCheckpoint<Model> { get }
}

extension ModelCheckpoint: TrainedModel {
  /// The run's parameters: see `TrainedModel.parameters`.
  public var parameters: M.Parameters { run.parameters }
  /// Itself: see `TrainedModel.checkpoint`.
  public var checkpoint: ModelCheckpoint<M> { self }
}

/// The JSON of a checkpoint. Files written before models plugged in have no `model` (they are
/// vanilla RNNs), keep the carried state as `hPrev`, and have Adagrad's `memory` only.
struct StoredCheckpoint: Codable {
  var model: ModelSpec?
  var vocabulary: Vocabulary
  var hyperparameters: Hyperparameters
  var state: StoredRun
  var history: LossHistory

  struct StoredRun: Codable {
    var parameters: [String: StoredTensor]
    var optimizer: OptimizerKind?
    var memory: [String: StoredTensor]
    var momentum: [String: StoredTensor]?
    var updates: Int?
    var carried: [String: StoredTensor]?
    var hPrev: StoredTensor?
    var position: Int
    var iteration: Int
    var smoothLoss: Double
    var noise: SeededGenerator?
  }
}

extension Reference {
  /// Writes the checkpoint as JSON, atomically: to a temporary file beside it, then renamed
  /// over it, so a crash mid-write never leaves a broken checkpoint.
  public static func saveCheckpoint<M>(_ c: ModelCheckpoint<M>, to path: String) throws {
    let run = StoredCheckpoint.StoredRun(
      parameters: c.run.parameters.stored(), optimizer: c.run.optimizer.kind,
      memory: c.run.optimizer.memory.stored(), momentum: c.run.optimizer.momentum?.stored(),
      updates: c.run.optimizer.updates, carried: c.run.carried.stored(), hPrev: nil,
      position: c.run.position, iteration: c.run.iteration, smoothLoss: c.run.smoothLoss,
      noise: c.run.noise)
    let stored = StoredCheckpoint(
      model: c.model.spec, vocabulary: c.vocabulary, hyperparameters: c.hyperparameters,
      state: run, history: c.history)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try encoder.encode(stored).write(to: URL(fileURLWithPath: path), options: .atomic)
  }

  /// Reads a checkpoint of any model and checks that it fits: every tensor has the shape its
  /// model needs, and, when `vocabulary` is given, it was trained on that vocabulary.
  public static func loadTrainedModel(from path: String, expecting vocabulary: Vocabulary? = nil)
    throws(CheckpointError) -> any TrainedModel
  {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(path: path, reason: "no such file")
    }
    let stored: StoredCheckpoint
    do {
      stored = try JSONDecoder().decode(StoredCheckpoint.self, from: data)
    } catch DecodingError.dataCorrupted(let context) where !context.codingPath.isEmpty {
      throw .unreadable(path: path, reason: context.debugDescription)  // a value checked on reading
    } catch {
      throw .unreadable(path: path, reason: "not checkpoint JSON")
    }
    if let vocabulary, vocabulary != stored.vocabulary { throw .vocabularyMismatch(path: path) }
    let spec =
      stored.model
      ?? ModelSpec(
        kind: .rnn, vocabularySize: stored.vocabulary.count,
        hiddenSize: stored.hyperparameters.hiddenSize)
    if let problem = problem(with: spec, stored) {
      throw .shapeMismatch(path: path, detail: problem)
    }
    do {
      return try checkpoint(of: spec.makeModel(), from: stored)
    } catch {
      throw .shapeMismatch(path: path, detail: error.description)
    }
  }

  /// A typed checkpoint of `path`'s model, for code that knows which model it wants.
  public static func loadCheckpoint<M: LanguageModel>(
    _ type: M.Type, from path: String, expecting vocabulary: Vocabulary? = nil
  ) throws(CheckpointError) -> ModelCheckpoint<M> {
    let loaded = try loadTrainedModel(from: path, expecting: vocabulary)
    guard let typed = loaded as? ModelCheckpoint<M> else {
      throw .shapeMismatch(
        path: path, detail: "it holds a \(loaded.model.spec.description), not this kind of model")
    }
    return typed
  }

  private static func problem(with spec: ModelSpec, _ stored: StoredCheckpoint) -> String? {
    if spec.vocabularySize != stored.vocabulary.count {
      return
        "the model reads \(spec.vocabularySize) characters, the vocabulary has \(stored.vocabulary.count)"
    }
    if spec.hiddenSize != stored.hyperparameters.hiddenSize {
      return
        "the model has H = \(spec.hiddenSize), the hyperparameters say \(stored.hyperparameters.hiddenSize)"
    }
    if spec.hiddenSize < 1 || spec.layers < 1 || (spec.embedding ?? 1) < 1 {
      return "impossible sizes: \(spec.description)"
    }
    return nil
  }

  private static func checkpoint<M: LanguageModel>(of model: M, from s: StoredCheckpoint)
    throws(TensorSetError) -> any TrainedModel
  {
    let shapes = model.zeroParameters()
    let kind = s.state.optimizer ?? .adagrad
    let momentum: M.Parameters? =
      if let stored = s.state.momentum {
        try shapes.replacing(with: stored, what: "Adam's first moments")
      } else {
        kind == .adam ? shapes : nil
      }
    let carried = s.state.carried ?? s.state.hPrev.map { ["h": $0] } ?? [:]
    let run = RunState<M>(
      parameters: try shapes.replacing(with: s.state.parameters, what: "the parameters"),
      optimizer: OptimizerState(
        kind: kind, memory: try shapes.replacing(with: s.state.memory, what: "the optimizer state"),
        momentum: momentum, updates: s.state.updates ?? s.state.iteration),
      carried: try model.zeroState().replacing(with: carried, what: "the carried state"),
      position: s.state.position, iteration: s.state.iteration, smoothLoss: s.state.smoothLoss,
      noise: s.state.noise ?? SeededGenerator(seed: 0))
    return ModelCheckpoint(
      model: model, vocabulary: s.vocabulary, hyperparameters: s.hyperparameters, run: run,
      history: s.history)
  }
}
