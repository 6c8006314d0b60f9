import CourseSupport
import FastKernels
import Foundation

/// What trains a language model run: the reference loop for any model, or a faster path where
/// the model's cell has one (`RecurrentCell.fastTrainer`). Whatever trains it, the run is saved
/// and sampled as the model it is.
public protocol RunTrainer<Model>: AnyObject {
  associatedtype Model: LanguageModel
  /// The model trained.
  var model: Model { get }
  /// Where the run stands, for its checkpoint.
  var run: RunState<Model> { get }
  /// The parameters now.
  var parameters: Model.Parameters { get }
  /// Iterations done so far.
  var iteration: Int { get }
  /// min-char-rnn's smoothed loss of a window (averaged over the streams).
  var smoothLoss: Double { get }
  /// One iteration: the window's summed loss (averaged over the streams).
  @discardableResult func step(_ data: [Int]) -> Double
  /// The loss per character on `data` (`Reference.validationLoss`), on the trainer's own path,
  /// from a zero state or (`fromCarried`) from the state training carries into its next window.
  func validationLoss(_ data: [Int], sequenceLength: Int, fromCarried: Bool) -> Double
}

extension RunTrainer {
  /// The reference's reading, for trainers without a faster one.
  public func validationLoss(_ data: [Int], sequenceLength: Int, fromCarried: Bool) -> Double {
    Reference.validationLoss(
      model, parameters: parameters, data: data, sequenceLength: sequenceLength,
      from: fromCarried ? run.carried : model.zeroState())
  }

  /// The loss per character on `data` from a zero state.
  public func validationLoss(_ data: [Int], sequenceLength: Int) -> Double {
    validationLoss(data, sequenceLength: sequenceLength, fromCarried: false)
  }

  /// Whether the model works from a fresh state, judged on `text` (`FreshStateCheck`).
  public func freshStateCheck(_ text: [Int], sequenceLength: Int) -> FreshStateCheck {
    FreshStateCheck(
      text, sequenceLength: sequenceLength, uniform: log(Double(model.vocabularySize))
    ) {
      validationLoss($0, sequenceLength: sequenceLength, fromCarried: $1)
    }
  }
}

/// The fastest trainer for `model`: its cell's fast path where it has one for this model and
/// optimizer (`batch` streams, only a fast path takes more than one; `threads` as `ThreadUse`
/// says), the reference loop otherwise.
public func makeTrainer<M: LanguageModel>(
  _ model: M, _ run: RunState<M>, _ hp: Hyperparameters, batch: Int = 1,
  threads: ThreadUse = .measured
) -> any RunTrainer<M> {
  model.fastTrainer(run, hp, batch: batch, threads: threads) ?? ReferenceTrainer(model, run, hp)
}

/// The reference loop, for any model and optimizer.
public final class ReferenceTrainer<M: LanguageModel>: RunTrainer {
  /// The model trained.
  public let model: M
  /// The run's settings: T, the rate and its schedule, clipping, resets.
  public let hyperparameters: Hyperparameters
  /// Where the run stands.
  public private(set) var run: RunState<M>

  /// Continues `run` of `model` with `hyperparameters`.
  public init(_ model: M, _ run: RunState<M>, _ hyperparameters: Hyperparameters) {
    self.model = model
    self.run = run
    self.hyperparameters = hyperparameters
  }

  /// The parameters now.
  public var parameters: M.Parameters { run.parameters }
  /// Iterations done so far.
  public var iteration: Int { run.iteration }
  /// min-char-rnn's smoothed loss of a window.
  public var smoothLoss: Double { run.smoothLoss }

  /// One iteration of `Reference.trainingStep` at the scheduled rate: see `RunTrainer.step`.
  public func step(_ data: [Int]) -> Double {
    Reference.trainingStep(
      model, &run, data: data, sequenceLength: hyperparameters.sequenceLength,
      learningRate: hyperparameters.learningRate(after: run.iteration),
      clipLimit: hyperparameters.clipLimit, resets: hyperparameters.stateResets)
  }
}

/// A one-layer, one-hot vanilla RNN trained on ex01's shapes: the fast kernels, or a learner's
/// own functions (`--mine`). Either is saved and sampled as the char RNN it is.
public protocol MinCharTrainer: RunTrainer where Model == CharModel<RNNCell> {
  /// Where the run stands, in ex03's terms.
  var trainingState: TrainingState { get }
}

extension MinCharTrainer {
  /// The one-layer one-hot char RNN whose parameters `trainingState` holds.
  public var model: CharModel<RNNCell> { CharModel(shapedLike: trainingState.parameters) }
  /// `trainingState` as a run of that char RNN.
  public var run: RunState<CharModel<RNNCell>> { RunState(trainingState) }
  /// The parameters, as the char RNN's.
  public var parameters: CharModelParameters<RNNLayer> { .init(trainingState.parameters) }
  /// Iterations done so far.
  public var iteration: Int { trainingState.iteration }
  /// min-char-rnn's smoothed loss of a window.
  public var smoothLoss: Double { trainingState.smoothLoss }
}

/// min-char-rnn's loop through a learner's ex01 functions, at the speed of their code.
public final class FunctionsTrainer: MinCharTrainer {
  /// Where the run stands, in ex03's terms.
  public private(set) var trainingState: TrainingState
  /// The run's settings: T, the rate and its schedule, clipping, resets.
  public let hyperparameters: Hyperparameters
  /// The ex01 functions that compute each step.
  public let functions: RNNFunctions

  /// Continues `state` through `functions`.
  public init(
    _ state: TrainingState, _ hyperparameters: Hyperparameters, functions: RNNFunctions
  ) {
    trainingState = state
    self.hyperparameters = hyperparameters
    self.functions = functions
  }

  /// One iteration of min-char-rnn's loop through `functions` at the scheduled rate.
  public func step(_ data: [Int]) -> Double {
    Reference.trainingStep(
      &trainingState, data: data, sequenceLength: hyperparameters.sequenceLength,
      learningRate: hyperparameters.learningRate(after: trainingState.iteration),
      clipLimit: hyperparameters.clipLimit, functions: functions,
      resets: hyperparameters.stateResets)
  }
}
