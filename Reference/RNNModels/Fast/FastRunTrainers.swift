import CourseSupport
import FastKernels

/// What the two fast trainers have in common, for `FastRunTrainer`.
public protocol FastPath: AnyObject {
  var learningRate: Double { get set }
  var iteration: Int { get }
  @discardableResult func step(_ data: [Int]) -> Double
  func validationLoss(_ data: [Int], sequenceLength: Int, fromCarried: Bool) -> Double
}

extension FastTrainer: FastPath {}
extension FastGatedTrainer: FastPath {}

/// A run trainer on a fast path: the rate schedule is applied before each iteration, and text is
/// read for validation on the same path.
public protocol FastRunTrainer: RunTrainer {
  associatedtype Path: FastPath
  var fast: Path { get }
  var hyperparameters: Hyperparameters { get }
}

extension FastRunTrainer {
  public func step(_ data: [Int]) -> Double {
    fast.learningRate = hyperparameters.learningRate(after: fast.iteration)
    return fast.step(data)
  }

  public func validationLoss(_ data: [Int], sequenceLength: Int, fromCarried: Bool) -> Double {
    fast.validationLoss(data, sequenceLength: sequenceLength, fromCarried: fromCarried)
  }
}

/// The vanilla fast kernels (`FastTrainer`), which follow the reference to rounding.
public final class FastRNNTrainer: MinCharTrainer, FastRunTrainer {
  public let fast: FastTrainer
  public let hyperparameters: Hyperparameters

  public init(
    _ state: TrainingState, _ hp: Hyperparameters, batch: Int, threads: ThreadUse = .measured
  ) {
    hyperparameters = hp
    fast =
      batch == 1
      ? FastTrainer(
        state: state, sequenceLength: hp.sequenceLength, learningRate: hp.learningRate,
        clipLimit: hp.clipLimit, threads: threads)
      : FastTrainer(
        parameters: state.parameters, batch: batch, sequenceLength: hp.sequenceLength,
        learningRate: hp.learningRate, clipLimit: hp.clipLimit, threads: threads)
    fast.resets = hp.stateResets
  }

  public var trainingState: TrainingState { fast.state }
  public var parameters: CharModelParameters<RNNLayer> { .init(fast.parameters) }
  public var iteration: Int { fast.iteration }
  public var smoothLoss: Double { fast.smoothLoss }
}

/// The gated fast path (`FastGatedTrainer`), which follows the reference to rounding: models of
/// any gated cell, any depth, one-hot or embedded, Adagrad or Adam.
public final class FastGatedRunTrainer<Cell: GatedCell>: FastRunTrainer {
  public let fast: FastGatedTrainer<Cell>
  public let hyperparameters: Hyperparameters

  public init(
    _ model: CharModel<Cell>, _ run: RunState<CharModel<Cell>>, _ hp: Hyperparameters, batch: Int,
    threads: ThreadUse = .measured
  ) {
    hyperparameters = hp
    fast = FastGatedTrainer(
      model, run, batch: batch, sequenceLength: hp.sequenceLength, learningRate: hp.learningRate,
      clipLimit: hp.clipLimit, threads: threads)
    fast.resets = hp.stateResets
  }

  public var model: CharModel<Cell> { fast.model }
  public var run: RunState<CharModel<Cell>> { fast.run }
  public var parameters: CharModelParameters<Cell.Parameters> { fast.parameters }
  public var iteration: Int { fast.iteration }
  public var smoothLoss: Double { fast.smoothLoss }
}

extension GatedCell {
  /// Any gated model without dropout.
  public static func trainsFast(_ spec: ModelSpec, optimizer: OptimizerKind) -> Bool {
    (spec.dropout ?? 0) == 0
  }
  public static var fastPathTerms: String? { "any depth, embedding and optimizer, no dropout" }

  public static func fastTrainer(
    _ model: CharModel<Self>, _ run: RunState<CharModel<Self>>, _ hp: Hyperparameters, batch: Int,
    threads: ThreadUse
  ) -> (any RunTrainer<CharModel<Self>>)? {
    trainsFast(model.spec, optimizer: run.optimizer.kind)
      ? FastGatedRunTrainer(model, run, hp, batch: batch, threads: threads) : nil
  }
}

extension RNNCell {
  /// min-char-rnn's model: one layer, one-hot, Adagrad, no dropout.
  public static func trainsFast(_ spec: ModelSpec, optimizer: OptimizerKind) -> Bool {
    spec.layers == 1 && spec.embedding == nil && optimizer == .adagrad && (spec.dropout ?? 0) == 0
  }
  public static var fastPathTerms: String? { "one layer, one-hot input, Adagrad, no dropout" }

  public static func fastTrainer(
    _ model: CharModel<RNNCell>, _ run: RunState<CharModel<RNNCell>>, _ hp: Hyperparameters,
    batch: Int, threads: ThreadUse
  ) -> (any RunTrainer<CharModel<RNNCell>>)? {
    guard trainsFast(model.spec, optimizer: run.optimizer.kind), let state = run.trainingState
    else { return nil }
    return FastRNNTrainer(state, hp, batch: batch, threads: threads)
  }
}
