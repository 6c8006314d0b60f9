import CourseSupport
import FastKernels
import Foundation
import ReferenceRNN

/// What `rnn train` drives: the reference loop for any model, or a faster path where there is
/// one. Whatever trains it, the run is saved and sampled as the model it is.
protocol RunTrainer<Model>: AnyObject {
  associatedtype Model: LanguageModel
  var model: Model { get }
  /// Where the run stands, for its checkpoint.
  var run: RunState<Model> { get }
  var parameters: Model.Parameters { get }
  var iteration: Int { get }
  var smoothLoss: Double { get }
  /// One iteration: the window's summed loss (averaged over the streams).
  @discardableResult func step(_ data: [Int]) -> Double
  /// The loss per character on `data` (`Reference.validationLoss`), on the trainer's own path,
  /// from a zero state or (`fromCarried`) from the state training carries into its next window.
  func validationLoss(_ data: [Int], sequenceLength: Int, fromCarried: Bool) -> Double
}

extension RunTrainer {
  /// The reference's reading, for trainers without a faster one.
  func validationLoss(_ data: [Int], sequenceLength: Int, fromCarried: Bool) -> Double {
    Reference.validationLoss(
      model, parameters: parameters, data: data, sequenceLength: sequenceLength,
      from: fromCarried ? run.carried : model.zeroState())
  }

  /// The loss per character on `data` from a zero state.
  func validationLoss(_ data: [Int], sequenceLength: Int) -> Double {
    validationLoss(data, sequenceLength: sequenceLength, fromCarried: false)
  }

  /// Whether the model works from a fresh state, judged on `text` (`FreshStateCheck`).
  func freshStateCheck(_ text: [Int], sequenceLength: Int) -> FreshStateCheck {
    FreshStateCheck(
      text, sequenceLength: sequenceLength, uniform: log(Double(model.vocabularySize))
    ) {
      validationLoss($0, sequenceLength: sequenceLength, fromCarried: $1)
    }
  }
}

/// The reference loop, for any model and optimizer.
final class ReferenceTrainer<M: LanguageModel>: RunTrainer {
  let model: M
  let hyperparameters: Hyperparameters
  private(set) var run: RunState<M>

  init(_ model: M, _ run: RunState<M>, _ hyperparameters: Hyperparameters) {
    self.model = model
    self.run = run
    self.hyperparameters = hyperparameters
  }

  var parameters: M.Parameters { run.parameters }
  var iteration: Int { run.iteration }
  var smoothLoss: Double { run.smoothLoss }

  func step(_ data: [Int]) -> Double {
    Reference.trainingStep(
      model, &run, data: data, sequenceLength: hyperparameters.sequenceLength,
      learningRate: hyperparameters.learningRate(after: run.iteration),
      clipLimit: hyperparameters.clipLimit, resets: hyperparameters.stateResets)
  }
}

/// A one-layer, one-hot vanilla RNN trained on ex01's shapes: the fast kernels, or a learner's
/// own functions (`--mine`). Either is saved and sampled as the char RNN it is.
protocol MinCharTrainer: RunTrainer where Model == CharModel<RNNCell> {
  var trainingState: TrainingState { get }
}

extension MinCharTrainer {
  var model: CharModel<RNNCell> { CharModel(shapedLike: trainingState.parameters) }
  var run: RunState<CharModel<RNNCell>> { RunState(trainingState) }
  var parameters: CharModelParameters<RNNLayer> { .init(trainingState.parameters) }
  var iteration: Int { trainingState.iteration }
  var smoothLoss: Double { trainingState.smoothLoss }
}

/// What the two fast trainers have in common, for `FastRunTrainer`.
protocol FastPath: AnyObject {
  var learningRate: Double { get set }
  var iteration: Int { get }
  @discardableResult func step(_ data: [Int]) -> Double
  func validationLoss(_ data: [Int], sequenceLength: Int, fromCarried: Bool) -> Double
}

extension FastTrainer: FastPath {}
extension FastGatedTrainer: FastPath {}

/// A run trainer on a fast path: the rate schedule is applied before each iteration, and text is
/// read for validation on the same path.
protocol FastRunTrainer: RunTrainer {
  associatedtype Path: FastPath
  var fast: Path { get }
  var hyperparameters: Hyperparameters { get }
}

extension FastRunTrainer {
  func step(_ data: [Int]) -> Double {
    fast.learningRate = hyperparameters.learningRate(after: fast.iteration)
    return fast.step(data)
  }

  func validationLoss(_ data: [Int], sequenceLength: Int, fromCarried: Bool) -> Double {
    fast.validationLoss(data, sequenceLength: sequenceLength, fromCarried: fromCarried)
  }
}

/// The fast kernels (Reference/FastKernels), which follow the reference to rounding.
final class FastRNNTrainer: MinCharTrainer, FastRunTrainer {
  let fast: FastTrainer
  let hyperparameters: Hyperparameters

  init(_ run: RunState<CharModel<RNNCell>>, _ hp: Hyperparameters, batch: Int) {
    hyperparameters = hp
    let state = run.trainingState!
    fast =
      batch == 1
      ? FastTrainer(
        state: state, sequenceLength: hp.sequenceLength, learningRate: hp.learningRate,
        clipLimit: hp.clipLimit)
      : FastTrainer(
        parameters: state.parameters, batch: batch, sequenceLength: hp.sequenceLength,
        learningRate: hp.learningRate, clipLimit: hp.clipLimit)
    fast.resets = hp.stateResets
  }

  var trainingState: TrainingState { fast.state }
  var parameters: CharModelParameters<RNNLayer> { .init(fast.parameters) }
  var iteration: Int { fast.iteration }
  var smoothLoss: Double { fast.smoothLoss }
}

/// The gated fast path (Reference/FastKernels, `forwardGatedWindow`), which follows the
/// reference to rounding: LSTM and GRU models of any depth, one-hot or embedded, Adagrad or Adam.
final class FastGatedRunTrainer<Cell: GatedCell>: FastRunTrainer {
  let fast: FastGatedTrainer<Cell>
  let hyperparameters: Hyperparameters

  init(
    _ model: CharModel<Cell>, _ run: RunState<CharModel<Cell>>, _ hp: Hyperparameters, batch: Int
  ) {
    hyperparameters = hp
    fast = FastGatedTrainer(
      model, run, batch: batch, sequenceLength: hp.sequenceLength, learningRate: hp.learningRate,
      clipLimit: hp.clipLimit)
    fast.resets = hp.stateResets
  }

  var model: CharModel<Cell> { fast.model }
  var run: RunState<CharModel<Cell>> { fast.run }
  var parameters: CharModelParameters<Cell.Parameters> { fast.parameters }
  var iteration: Int { fast.iteration }
  var smoothLoss: Double { fast.smoothLoss }
}

/// min-char-rnn's loop through a learner's ex01 functions, at the speed of their code.
final class FunctionsTrainer: MinCharTrainer {
  private(set) var trainingState: TrainingState
  let hyperparameters: Hyperparameters
  let functions: RNNFunctions

  init(_ state: TrainingState, _ hyperparameters: Hyperparameters, functions: RNNFunctions) {
    trainingState = state
    self.hyperparameters = hyperparameters
    self.functions = functions
  }

  func step(_ data: [Int]) -> Double {
    Reference.trainingStep(
      &trainingState, data: data, sequenceLength: hyperparameters.sequenceLength,
      learningRate: hyperparameters.learningRate(after: trainingState.iteration),
      clipLimit: hyperparameters.clipLimit, functions: functions,
      resets: hyperparameters.stateResets)
  }
}

/// The fastest trainer for this model: the fast kernels for a one-layer one-hot RNN trained by
/// Adagrad without dropout (or the learner's functions, `mine`), the gated fast path for LSTM
/// and GRU models without dropout, the reference loop otherwise.
func makeTrainer<M: LanguageModel>(
  _ model: M, _ run: RunState<M>, _ hp: Hyperparameters, batch: Int = 1, mine: Bool = false
) -> any RunTrainer<M> {
  if (model.spec.dropout ?? 0) == 0 {
    // M is the CharModel the casts name: they cannot fail where they succeed.
    if let lstm = model as? CharModel<LSTMCell>, let r = run as? RunState<CharModel<LSTMCell>> {
      return FastGatedRunTrainer(lstm, r, hp, batch: batch) as! any RunTrainer<M>
    }
    if let gru = model as? CharModel<GRUCell>, let r = run as? RunState<CharModel<GRUCell>> {
      return FastGatedRunTrainer(gru, r, hp, batch: batch) as! any RunTrainer<M>
    }
  }
  if let rnn = run as? RunState<CharModel<RNNCell>>, let state = rnn.trainingState,
    (model.spec.dropout ?? 0) == 0
  {
    // M is CharModel<RNNCell> here: the casts below cannot fail.
    if mine {
      return FunctionsTrainer(state, hp, functions: LearnerCode.functions!) as! any RunTrainer<M>
    }
    return FastRNNTrainer(rnn, hp, batch: batch) as! any RunTrainer<M>
  }
  return ReferenceTrainer(model, run, hp)
}

/// The reference loop on `model` for `iterations`, from a fresh start: its history, and the
/// model checked from a fresh state on the validation text.
func trainedHistory<M: LanguageModel>(
  _ model: M, _ corpus: Corpus, _ hp: Hyperparameters, iterations: Int, optimizer: OptimizerKind
) -> (history: LossHistory, freshState: FreshStateCheck) {
  let (run, history) = Reference.train(
    model, corpus: corpus, hyperparameters: hp, iterations: iterations, optimizer: optimizer)
  let check = FreshStateCheck(
    corpus.validation, sequenceLength: hp.sequenceLength,
    uniform: log(Double(model.vocabularySize))
  ) {
    Reference.validationLoss(
      model, parameters: run.parameters, data: $0, sequenceLength: hp.sequenceLength,
      from: $1 ? run.carried : nil)
  }
  return (history, check)
}
