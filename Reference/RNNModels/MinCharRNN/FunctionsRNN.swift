import CourseSupport
import Foundation

extension RNNFunctions {
  /// The reference's four functions.
  public static let reference = RNNFunctions(
    forward: { Reference.forward(inputs: $0, targets: $1, hPrev: $2, parameters: $3) },
    backward: { Reference.backward($0, parameters: $1) },
    clip: { Reference.clip(&$0, limit: $1) },
    update: {
      Reference.adagradUpdate(parameters: &$0, gradients: $1, memory: &$2, learningRate: $3)
    }
  )

  /// Clipping and Adagrad as these functions do them, for the training loop.
  public var rule: UpdateRule<RNNParameters> {
    let (clip, update) = (clip, update)
    return UpdateRule(
      clip: clip,
      update: { p, g, state, rate in
        update(&p, g, &state.memory, rate)
        state.updates += 1
      })
  }
}

/// A vanilla RNN computed by a set of ex01's functions (the reference's or a learner's), so that
/// the one training loop can run a learner's code as well as the reference.
public struct FunctionsRNN: TrainableModel {
  /// The four functions that compute it.
  public let functions: RNNFunctions
  /// A one-layer one-hot vanilla RNN of V characters and H units.
  public let spec: ModelSpec

  /// The vanilla RNN that `functions` compute, for V characters and H hidden units.
  public init(_ functions: RNNFunctions, vocabularySize: Int, hiddenSize: Int) {
    self.functions = functions
    spec = ModelSpec(kind: .rnn, vocabularySize: vocabularySize, hiddenSize: hiddenSize)
  }

  /// Zeros with every tensor's shape.
  public func zeroParameters() -> RNNParameters {
    .zeros(hiddenSize: spec.hiddenSize, vocabularySize: spec.vocabularySize)
  }

  /// min-char-rnn's: N(0, 1)·0.01 in the order Wxh, Whh, Why (the same numbers as the char
  /// RNN's for the same generator).
  public func initialParameters(using rng: inout SeededGenerator) -> RNNParameters {
    .random(hiddenSize: spec.hiddenSize, vocabularySize: spec.vocabularySize, using: &rng)
  }

  /// h = 0.
  public func zeroState() -> HiddenState { HiddenState(h: .zeros(spec.hiddenSize)) }

  /// `functions.forward` over the window: its loss, its `ForwardPass` and h after the last input.
  public func forward(
    inputs: [Int], targets: [Int], from state: HiddenState, parameters: RNNParameters
  ) -> (loss: Double, record: ForwardPass, last: HiddenState) {
    let pass = functions.forward(inputs, targets, state.h, parameters)
    return (pass.loss, pass, HiddenState(h: pass.lastHidden))
  }

  /// `functions.backward`: every parameter's gradient, and ∂L/∂h_{−1}.
  public func backward(_ pass: ForwardPass, parameters: RNNParameters) -> (
    gradients: RNNParameters, dState: HiddenState
  ) {
    let result = functions.backward(pass, parameters)
    return (result.gradients, HiddenState(h: result.dhPrev))
  }
}

extension RunState where M == FunctionsRNN {
  /// ex03's `TrainingState`, as a run of the one training loop.
  public init(_ s: TrainingState) {
    self.init(
      parameters: s.parameters,
      optimizer: OptimizerState(
        kind: .adagrad, memory: s.memory, momentum: nil, updates: s.iteration),
      carried: HiddenState(h: s.hPrev), position: s.position, iteration: s.iteration,
      smoothLoss: s.smoothLoss)
  }

  /// The same run as ex03's `TrainingState` (the optimizer's memory as Adagrad's).
  public var trainingState: TrainingState {
    TrainingState(
      parameters: parameters, memory: optimizer.memory, hPrev: carried.h, position: position,
      iteration: iteration, smoothLoss: smoothLoss)
  }
}

extension Reference {
  /// A fresh run: weights N(0,1)·0.01 from the seed (Wxh, Whh, Why in that order), zero biases,
  /// zero memory and hidden state, and the smoothed loss of a uniform guess, −ln(1/V)·T.
  public static func initialState(_ hp: Hyperparameters, vocabularySize v: Int) -> TrainingState {
    RunState(
      fresh: FunctionsRNN(.reference, vocabularySize: v, hiddenSize: hp.hiddenSize), seed: hp.seed,
      sequenceLength: hp.sequenceLength
    ).trainingState
  }

  /// One iteration of min-char-rnn's loop through `functions` (with `resets`, see `StateResets`).
  @discardableResult
  public static func trainingStep(
    _ s: inout TrainingState, data: [Int], sequenceLength T: Int, learningRate: Double,
    clipLimit: Double?, functions: RNNFunctions, resets: StateResets = .never
  ) -> Double {
    let model = FunctionsRNN(
      functions, vocabularySize: s.parameters.vocabularySize, hiddenSize: s.parameters.hiddenSize)
    var run = RunState<FunctionsRNN>(s)
    let loss = trainingStep(
      model, &run, data: data, sequenceLength: T, learningRate: learningRate,
      clipLimit: clipLimit, rule: functions.rule, resets: resets)
    s = run.trainingState
    return loss
  }

  /// ex03's validation loss: `validationLoss` with the model computed by `functions`.
  public static func validationLoss(
    _ data: [Int], parameters: RNNParameters, sequenceLength T: Int, functions: RNNFunctions
  ) -> Double {
    let model = FunctionsRNN(
      functions, vocabularySize: parameters.vocabularySize, hiddenSize: parameters.hiddenSize)
    return validationLoss(model, parameters: parameters, data: data, sequenceLength: T)
  }

  /// ex03's training loop: `train` with the model computed by `functions`.
  public static func train(
    corpus: Corpus, hyperparameters hp: Hyperparameters, iterations: Int, functions: RNNFunctions,
    from start: TrainingState? = nil, history: LossHistory = LossHistory()
  ) -> (state: TrainingState, history: LossHistory) {
    let model = FunctionsRNN(
      functions, vocabularySize: corpus.vocabulary.count, hiddenSize: hp.hiddenSize)
    let run = train(
      model, corpus: corpus, hyperparameters: hp, iterations: iterations, rule: functions.rule,
      from: start.map { RunState<FunctionsRNN>($0) }, history: history)
    return (run.state.trainingState, run.history)
  }
}

/// min-char-rnn's main loop over one array of indices, for when no validation or history is
/// wanted (ex01's training task, demos).
public struct MinCharRNNTrainer: Sendable {
  /// The training text, as indices.
  public let data: [Int]
  /// T, the characters of each window.
  public let sequenceLength: Int
  /// Adagrad's rate.
  public let learningRate: Double
  /// nil turns clipping off.
  public let clipLimit: Double?
  /// The vanilla RNN its functions compute.
  public let model: FunctionsRNN
  /// Where the run stands.
  public private(set) var run: RunState<FunctionsRNN>

  /// The parameters now.
  public var parameters: RNNParameters { run.parameters }
  /// Iterations done so far.
  public var iteration: Int { run.iteration }
  /// min-char-rnn's smoothed loss.
  public var smoothLoss: Double { run.smoothLoss }

  /// A fresh run from `parameters`: zero memory and state, position 0, and the smoothed loss of a
  /// uniform guess, −ln(1/V)·T. `data` must be longer than one window.
  public init(
    data: [Int], parameters: RNNParameters, sequenceLength: Int, learningRate: Double,
    clipLimit: Double? = 5, functions: RNNFunctions = .reference
  ) {
    require(data.count > sequenceLength + 1, "the data must be longer than one sequence")
    self.data = data
    self.sequenceLength = sequenceLength
    self.learningRate = learningRate
    self.clipLimit = clipLimit
    model = FunctionsRNN(
      functions, vocabularySize: parameters.vocabularySize, hiddenSize: parameters.hiddenSize)
    run = RunState(
      parameters: parameters, optimizer: OptimizerState(.adagrad, shapedLike: parameters),
      carried: model.zeroState(), position: 0, iteration: 0,
      smoothLoss: -log(1 / Double(parameters.vocabularySize)) * Double(sequenceLength))
  }

  /// One iteration; returns that window's (summed) loss.
  @discardableResult
  public mutating func step() -> Double {
    Reference.trainingStep(
      model, &run, data: data, sequenceLength: sequenceLength, learningRate: learningRate,
      clipLimit: clipLimit, rule: model.functions.rule)
  }
}
