import CourseSupport
import ReferenceRNN

/// What the training command needs from a trainer: the fast kernel, or any set of step
/// functions (the learner's, with `--mine`).
protocol StepTrainer: AnyObject {
  @discardableResult func step(_ data: [Int]) -> Double
  var iteration: Int { get }
  var smoothLoss: Double { get }
  var parameters: RNNParameters { get }
  var state: TrainingState { get }
}

extension FastTrainer: StepTrainer {}

/// min-char-rnn's loop through step functions (the readable path, at the speed of its code).
final class FunctionsTrainer: StepTrainer {
  private(set) var state: TrainingState
  let hyperparameters: Hyperparameters
  let functions: RNNFunctions

  init(state: TrainingState, hyperparameters: Hyperparameters, functions: RNNFunctions) {
    self.state = state
    self.hyperparameters = hyperparameters
    self.functions = functions
  }

  func step(_ data: [Int]) -> Double {
    Reference.trainingStep(
      &state, data: data, sequenceLength: hyperparameters.sequenceLength,
      learningRate: hyperparameters.learningRate, clipLimit: hyperparameters.clipLimit,
      functions: functions)
  }

  var iteration: Int { state.iteration }
  var smoothLoss: Double { state.smoothLoss }
  var parameters: RNNParameters { state.parameters }
}

/// One training step through `functions`, named for the probe.
enum ReferenceStep {
  static func run(
    _ state: inout TrainingState, data: [Int], sequenceLength: Int, functions: RNNFunctions
  )
    -> Double
  {
    Reference.trainingStep(
      &state, data: data, sequenceLength: sequenceLength, learningRate: 0.1, clipLimit: 5,
      functions: functions)
  }
}
