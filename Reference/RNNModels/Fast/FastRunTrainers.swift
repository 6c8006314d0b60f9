import CourseSupport
import FastKernels

/// What the two fast trainers have in common, for `FastRunTrainer`.
public protocol FastPath: AnyObject {
  /// The rate of the next update.
  var learningRate: Double { get set }
  /// Iterations done so far.
  var iteration: Int { get }
  /// One iteration: the windows' summed loss, averaged over the streams.
  @discardableResult func step(_ data: [Int]) -> Double
  /// The loss per character on `data`, from a zero state or (`fromCarried`) from the state training
  /// carries.
  func validationLoss(_ data: [Int], sequenceLength: Int, fromCarried: Bool) -> Double
}

extension VanillaFastTrainer: FastPath {}
extension GatedFastTrainer: FastPath {}

/// A run trainer on a fast path: the rate schedule is applied before each iteration, and text is
/// read for validation on the same path.
public protocol FastRunTrainer: RunTrainer {
  associatedtype Path: FastPath
  /// The fast trainer underneath.
  var fast: Path { get }
  /// The run's settings, whose rate schedule is read before each step.
  var hyperparameters: Hyperparameters { get }
}

extension FastRunTrainer {
  /// Sets the scheduled rate, then one iteration on the fast path: see `RunTrainer.step`.
  public func step(_ data: [Int]) -> Double {
    fast.learningRate = hyperparameters.learningRate(after: fast.iteration)
    return fast.step(data)
  }

  /// Read on the fast path: see `RunTrainer.validationLoss`.
  public func validationLoss(_ data: [Int], sequenceLength: Int, fromCarried: Bool) -> Double {
    fast.validationLoss(data, sequenceLength: sequenceLength, fromCarried: fromCarried)
  }
}

/// The vanilla fast kernels (`VanillaFastTrainer`), which follow the reference to rounding in
/// double precision, and to the tolerance PrecisionTests states in single.
public final class FastRNNTrainer<Scalar: KernelScalar>: MinCharTrainer, FastRunTrainer {
  /// The vanilla fast trainer.
  public let fast: VanillaFastTrainer<Scalar>
  /// The run's settings.
  public let hyperparameters: Hyperparameters

  /// Continues `state` on the fast kernels with `batch` streams; with more than one, from its
  /// parameters alone (fresh Adagrad memory, hidden states and smoothed loss, iteration 0).
  public init(
    _ state: TrainingState, _ hp: Hyperparameters, batch: Int, threads: ThreadUse = .measured
  ) {
    hyperparameters = hp
    fast =
      batch == 1
      ? VanillaFastTrainer(
        state: state, sequenceLength: hp.sequenceLength, learningRate: hp.learningRate,
        clipLimit: hp.clipLimit, threads: threads)
      : VanillaFastTrainer(
        parameters: state.parameters, batch: batch, sequenceLength: hp.sequenceLength,
        learningRate: hp.learningRate, clipLimit: hp.clipLimit, threads: threads)
    fast.resets = hp.stateResets
  }

  /// Where the run stands, in ex03's terms (`FastTrainer.state`).
  public var trainingState: TrainingState { fast.state }
  /// The parameters, as the char RNN's.
  public var parameters: CharModelParameters<RNNLayer> { .init(fast.parameters) }
  /// Iterations done so far.
  public var iteration: Int { fast.iteration }
  /// min-char-rnn's smoothed loss of a window, averaged over the streams.
  public var smoothLoss: Double { fast.smoothLoss }
}

/// The gated fast path (`GatedFastTrainer`), which follows the reference to rounding in double
/// precision: models of any gated cell, any depth, one-hot or embedded, Adagrad or Adam.
public final class FastGatedRunTrainer<Cell: GatedCell, Scalar: KernelScalar>: FastRunTrainer {
  /// The gated fast trainer.
  public let fast: GatedFastTrainer<Cell, Scalar>
  /// The run's settings.
  public let hyperparameters: Hyperparameters

  /// Continues `run` of `model` on the gated fast path with `batch` streams.
  public init(
    _ model: CharModel<Cell>, _ run: RunState<CharModel<Cell>>, _ hp: Hyperparameters, batch: Int,
    threads: ThreadUse = .measured
  ) {
    hyperparameters = hp
    fast = GatedFastTrainer(
      model, run, batch: batch, sequenceLength: hp.sequenceLength, learningRate: hp.learningRate,
      clipLimit: hp.clipLimit, threads: threads)
    fast.resets = hp.stateResets
  }

  /// The model trained.
  public var model: CharModel<Cell> { fast.model }
  /// Where the run stands (`FastGatedTrainer.run`).
  public var run: RunState<CharModel<Cell>> { fast.run }
  /// The parameters now.
  public var parameters: CharModelParameters<Cell.Parameters> { fast.parameters }
  /// Iterations done so far.
  public var iteration: Int { fast.iteration }
  /// min-char-rnn's smoothed loss of a window, averaged over the streams.
  public var smoothLoss: Double { fast.smoothLoss }
}

extension GatedCell {
  /// Any gated model without dropout.
  public static func trainsFast(_ spec: ModelSpec, optimizer: OptimizerKind) -> Bool {
    (spec.dropout ?? 0) == 0
  }
  /// `trainsFast` in words: see `RecurrentCell.fastPathTerms`.
  public static var fastPathTerms: String? { "any depth, embedding and optimizer, no dropout" }

  /// A `FastGatedRunTrainer` where `trainsFast`, else nil: see `RecurrentCell.fastTrainer`.
  public static func fastTrainer(
    _ model: CharModel<Self>, _ run: RunState<CharModel<Self>>, _ hp: Hyperparameters, batch: Int,
    threads: ThreadUse
  ) -> (any RunTrainer<CharModel<Self>>)? {
    guard trainsFast(model.spec, optimizer: run.optimizer.kind) else { return nil }
    return switch hp.fastPrecision {
    case .float64: FastGatedRunTrainer<Self, Double>(model, run, hp, batch: batch, threads: threads)
    case .float32: FastGatedRunTrainer<Self, Float>(model, run, hp, batch: batch, threads: threads)
    }
  }
}

extension GatedCell {
  /// Every gated model reads on the fast path (dropout is not applied when reading).
  public static func fastReader(
    _ model: CharModel<Self>, parameters: CharModel<Self>.Parameters,
    from state: CharModel<Self>.State
  ) -> (any CharacterReader)? { GatedFastReader(model, parameters: parameters, from: state) }
}

extension RNNCell {
  /// min-char-rnn's model (one layer, one-hot) reads on the fast path.
  public static func fastReader(
    _ model: CharModel<RNNCell>, parameters p: CharModelParameters<RNNLayer>,
    from state: StackState<HiddenState>
  ) -> (any CharacterReader)? {
    guard model.spec.layers == 1, model.spec.embedding == nil else { return nil }
    return VanillaFastReader(RNNParameters(p), from: state.layers[0].h)
  }

  /// min-char-rnn's model: one layer, one-hot, Adagrad, no dropout.
  public static func trainsFast(_ spec: ModelSpec, optimizer: OptimizerKind) -> Bool {
    spec.layers == 1 && spec.embedding == nil && optimizer == .adagrad && (spec.dropout ?? 0) == 0
  }
  /// `trainsFast` in words: see `RecurrentCell.fastPathTerms`.
  public static var fastPathTerms: String? { "one layer, one-hot input, Adagrad, no dropout" }

  /// A `FastRNNTrainer` where `trainsFast` and the run reads as ex03's `TrainingState`, else nil:
  /// see `RecurrentCell.fastTrainer`.
  public static func fastTrainer(
    _ model: CharModel<RNNCell>, _ run: RunState<CharModel<RNNCell>>, _ hp: Hyperparameters,
    batch: Int, threads: ThreadUse
  ) -> (any RunTrainer<CharModel<RNNCell>>)? {
    guard trainsFast(model.spec, optimizer: run.optimizer.kind), let state = run.trainingState
    else { return nil }
    return switch hp.fastPrecision {
    case .float64: FastRNNTrainer<Double>(state, hp, batch: batch, threads: threads)
    case .float32: FastRNNTrainer<Float>(state, hp, batch: batch, threads: threads)
    }
  }
}
