/// A text turned into indices, split into a training part and a validation part.
public struct Corpus: Sendable, Equatable {
  /// The characters the indices stand for.
  public let vocabulary: Vocabulary
  /// The indices trained on.
  public let training: [Int]
  /// The held-out indices the validation loss is measured on.
  public let validation: [Int]

  /// A corpus with the split already made.
  public init(vocabulary: Vocabulary, training: [Int], validation: [Int]) {
    self.vocabulary = vocabulary
    self.training = training
    self.validation = validation
  }

  /// `indices` split as the course splits every text: the last tenth (rounded down) for
  /// validation, the rest for training.
  public init(vocabulary: Vocabulary, indices: [Int]) {
    let validationCount = indices.count / 10
    self.init(
      vocabulary: vocabulary, training: Array(indices.dropLast(validationCount)),
      validation: Array(indices.suffix(validationCount)))
  }
}

/// Why a text cannot be trained on: each case is one clear line.
public enum CorpusError: Error, Equatable, Sendable, CustomStringConvertible {
  case missingFile(path: String)
  case emptyFile(path: String)
  case notUTF8(path: String)
  case tooShort(path: String, characters: Int, needed: Int)
  case singleCharacter(path: String)

  /// The problem and, where there is one, the fix, in one line naming the file.
  public var description: String {
    switch self {
    case .missingFile(let path): "\(path): no such file"
    case .emptyFile(let path): "\(path): the file is empty"
    case .notUTF8(let path): "\(path): not UTF-8 text (save it as UTF-8 and try again)"
    case .tooShort(let path, let n, let needed):
      "\(path): \(n) characters is too short: training needs at least \(needed) (ten sequences)"
    case .singleCharacter(let path):
      "\(path): the text uses only one character: there is nothing to predict"
    }
  }
}

/// The precision the fast path computes in: double (what everything graded uses) or single
/// (`rnn train --precision float32`, twice the numbers per vector).
public enum Precision: String, Sendable, Codable, CaseIterable {
  /// Float64: the reference's numbers.
  case float64
  /// Float32.
  case float32
}

/// The knobs of one training run.
public struct Hyperparameters: Codable, Equatable, Sendable {
  /// H, the number of hidden units.
  public var hiddenSize: Int
  /// T, the length of each training window, in characters.
  public var sequenceLength: Int
  /// The step size of the optimizer, before any decay.
  public var learningRate: Double
  /// Element-wise gradient clipping; nil turns it off.
  public var clipLimit: Double?
  /// Seeds the initial weights.
  public var seed: UInt64
  /// Iterations between two validation losses.
  public var validationEvery: Int
  /// Stop when this many validation losses in a row have not beaten the best before them;
  /// nil never stops early.
  public var patience: Int?
  /// Step decay: the rate is multiplied by this every `decayEvery` iterations; nil keeps it.
  public var learningRateDecay: Double?
  /// How many iterations between two multiplications by `learningRateDecay`.
  public var decayEvery: Int?
  /// Which windows start from a zero state besides the reset at the end of the text; nil is
  /// `.never`, min-char-rnn's protocol (and what checkpoints written before this existed used).
  public var resets: StateResets?
  /// The fast path's numbers: nil is `.float64` (and what checkpoints written before this
  /// existed used). The reference, and everything graded, is always Double.
  public var precision: Precision?

  /// The settings of a run; H, T, the rate and the clip limit default to min-char-rnn's
  /// (100, 25, 0.1, 5).
  public init(
    hiddenSize: Int = 100, sequenceLength: Int = 25, learningRate: Double = 0.1,
    clipLimit: Double? = 5, seed: UInt64 = 1, validationEvery: Int = 100, patience: Int? = nil,
    resets: StateResets? = nil
  ) {
    self.hiddenSize = hiddenSize
    self.sequenceLength = sequenceLength
    self.learningRate = learningRate
    self.clipLimit = clipLimit
    self.seed = seed
    self.validationEvery = validationEvery
    self.patience = patience
    self.resets = resets
  }

  /// `resets`, with nil read as min-char-rnn's `.never`.
  public var stateResets: StateResets { resets ?? .never }

  /// `precision`, with nil read as `.float64`.
  public var fastPrecision: Precision { precision ?? .float64 }

  /// The learning rate for the iteration after `iteration` done: lr · decay^⌊iteration/every⌋.
  public func learningRate(after iteration: Int) -> Double {
    guard let decay = learningRateDecay, let every = decayEvery, every > 0 else {
      return learningRate
    }
    var rate = learningRate
    for _ in 0..<(iteration / every) { rate *= decay }
    return rate
  }
}

/// Everything a training run needs to carry on exactly where it stopped.
public struct TrainingState: Codable, Equatable, Sendable {
  /// The vanilla RNN's parameters.
  public var parameters: RNNParameters
  /// Adagrad's memory, shaped like the parameters.
  public var memory: RNNParameters
  /// The hidden state carried into the next window.
  public var hPrev: Vector
  /// Where the next window starts in the training data.
  public var position: Int
  /// Iterations done so far.
  public var iteration: Int
  /// 0.999·smooth + 0.001·loss, min-char-rnn's smoothed loss.
  public var smoothLoss: Double

  /// The state of a run, field by field.
  public init(
    parameters: RNNParameters, memory: RNNParameters, hPrev: Vector, position: Int, iteration: Int,
    smoothLoss: Double
  ) {
    self.parameters = parameters
    self.memory = memory
    self.hPrev = hPrev
    self.position = position
    self.iteration = iteration
    self.smoothLoss = smoothLoss
  }
}

/// What a run measured, iteration by iteration.
public struct LossHistory: Codable, Equatable, Sendable {
  /// The loss of each iteration's window, summed over the window (as in ex01).
  public var loss: [Double]
  /// The smoothed loss after each iteration.
  public var smoothLoss: [Double]
  /// Validation loss per character, every `validationEvery` iterations.
  public var validation: [ValidationPoint]
  /// True when the run stopped before its last iteration because of `patience`.
  public var stoppedEarly: Bool

  /// A history; the default is an empty one, where a run starts.
  public init(
    loss: [Double] = [], smoothLoss: [Double] = [], validation: [ValidationPoint] = [],
    stoppedEarly: Bool = false
  ) {
    self.loss = loss
    self.smoothLoss = smoothLoss
    self.validation = validation
    self.stoppedEarly = stoppedEarly
  }
}

/// One validation measurement.
public struct ValidationPoint: Codable, Equatable, Sendable {
  /// How many iterations had been done when it was measured.
  public var iteration: Int
  /// The validation loss per character, in nats.
  public var lossPerCharacter: Double

  /// The measurement `lossPerCharacter` after `iteration` iterations.
  public init(iteration: Int, lossPerCharacter: Double) {
    self.iteration = iteration
    self.lossPerCharacter = lossPerCharacter
  }
}

/// A saved run: enough to continue training, or to sample, with the same vocabulary.
public struct Checkpoint: Codable, Equatable, Sendable {
  /// The vocabulary the model reads and writes.
  public var vocabulary: Vocabulary
  /// The settings the run was started with.
  public var hyperparameters: Hyperparameters
  /// Where training stands: parameters, optimizer memory, carried state, position.
  public var state: TrainingState
  /// The losses measured so far.
  public var history: LossHistory

  /// A checkpoint of these four parts.
  public init(
    vocabulary: Vocabulary, hyperparameters: Hyperparameters, state: TrainingState,
    history: LossHistory
  ) {
    self.vocabulary = vocabulary
    self.hyperparameters = hyperparameters
    self.state = state
    self.history = history
  }
}

/// Why a checkpoint cannot be used.
public enum CheckpointError: Error, Equatable, Sendable, CustomStringConvertible {
  case unreadable(path: String, reason: String)
  case vocabularyMismatch(path: String)
  case shapeMismatch(path: String, detail: String)

  /// The problem in one line, naming the file.
  public var description: String {
    switch self {
    case .unreadable(let path, let reason): "\(path): not a readable checkpoint (\(reason))"
    case .vocabularyMismatch(let path):
      "\(path): the checkpoint was trained on another vocabulary than this text's"
    case .shapeMismatch(let path, let detail):
      "\(path): the checkpoint's shapes do not fit: \(detail)"
    }
  }
}

/// One line of the hyperparameter comparison.
public struct ComparisonRow: Codable, Equatable, Sendable {
  /// H, the number of hidden units.
  public var hiddenSize: Int
  /// The learning rate of the run.
  public var learningRate: Double
  /// T, the window length.
  public var sequenceLength: Int
  /// Training loss per character at the end of the run (the mean over its last iterations).
  public var trainingLoss: Double
  /// The last validation loss per character.
  public var validationLoss: Double
  /// The run's wall-clock time, in seconds.
  public var seconds: Double

  /// One row, field by field.
  public init(
    hiddenSize: Int, learningRate: Double, sequenceLength: Int, trainingLoss: Double,
    validationLoss: Double, seconds: Double
  ) {
    self.hiddenSize = hiddenSize
    self.learningRate = learningRate
    self.sequenceLength = sequenceLength
    self.trainingLoss = trainingLoss
    self.validationLoss = validationLoss
    self.seconds = seconds
  }
}
