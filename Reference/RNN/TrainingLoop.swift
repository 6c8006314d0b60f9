import CourseSupport
import Foundation

extension RNNFunctions {
  public static let reference = RNNFunctions(
    forward: { Reference.forward(inputs: $0, targets: $1, hPrev: $2, parameters: $3) },
    backward: { Reference.backward($0, parameters: $1) },
    clip: { Reference.clip(&$0, limit: $1) },
    update: {
      Reference.adagradUpdate(parameters: &$0, gradients: $1, memory: &$2, learningRate: $3)
    }
  )
}

extension Reference {
  /// A fresh run: weights N(0,1)·0.01 from the seed (Wxh, Whh, Why in that order), zero biases,
  /// zero memory and hidden state, and the smoothed loss of a uniform guess, −ln(1/V)·T.
  public static func initialState(_ hp: Hyperparameters, vocabularySize v: Int) -> TrainingState {
    var rng = SeededGenerator(seed: hp.seed)
    let parameters = RNNParameters.random(hiddenSize: hp.hiddenSize, vocabularySize: v, using: &rng)
    return TrainingState(
      parameters: parameters, memory: parameters.zeros(), hPrev: .zeros(hp.hiddenSize), position: 0,
      iteration: 0, smoothLoss: -log(1 / Double(v)) * Double(hp.sequenceLength))
  }

  /// One iteration of min-char-rnn's loop: take the next window of `sequenceLength` characters
  /// (back to the start, with a zero hidden state, when it would run past the end), forward,
  /// backward, clip, update, carry the hidden state on. Returns the window's summed loss.
  @discardableResult
  public static func trainingStep(
    _ s: inout TrainingState, data: [Int], sequenceLength T: Int, learningRate: Double,
    clipLimit: Double?, functions: RNNFunctions
  ) -> Double {
    if s.position + T + 1 >= data.count {
      s.position = 0
      s.hPrev = .zeros(s.parameters.hiddenSize)
    }
    let inputs = Array(data[s.position..<(s.position + T)])
    let targets = Array(data[(s.position + 1)..<(s.position + T + 1)])
    let pass = functions.forward(inputs, targets, s.hPrev, s.parameters)
    var gradients = functions.backward(pass, s.parameters).gradients
    if let clipLimit { functions.clip(&gradients, clipLimit) }
    functions.update(&s.parameters, gradients, &s.memory, learningRate)
    s.hPrev = pass.lastHidden
    s.smoothLoss = 0.999 * s.smoothLoss + 0.001 * pass.loss
    s.position += T
    s.iteration += 1
    return pass.loss
  }
}

/// min-char-rnn's main loop over one array of indices, for when no validation or history is
/// wanted (ex01's training task, demos).
public struct MinCharRNNTrainer: Sendable {
  public let data: [Int]
  public let sequenceLength: Int
  public let learningRate: Double
  /// nil turns clipping off.
  public let clipLimit: Double?
  public let functions: RNNFunctions
  public private(set) var state: TrainingState

  public var parameters: RNNParameters { state.parameters }
  public var iteration: Int { state.iteration }
  public var smoothLoss: Double { state.smoothLoss }

  public init(
    data: [Int], parameters: RNNParameters, sequenceLength: Int, learningRate: Double,
    clipLimit: Double? = 5, functions: RNNFunctions = .reference
  ) {
    precondition(data.count > sequenceLength + 1, "the data must be longer than one sequence")
    self.data = data
    self.sequenceLength = sequenceLength
    self.learningRate = learningRate
    self.clipLimit = clipLimit
    self.functions = functions
    state = TrainingState(
      parameters: parameters, memory: parameters.zeros(), hPrev: .zeros(parameters.hiddenSize),
      position: 0, iteration: 0,
      smoothLoss: -log(1 / Double(parameters.vocabularySize)) * Double(sequenceLength))
  }

  /// One iteration; returns that window's (summed) loss.
  @discardableResult
  public mutating func step() -> Double {
    Reference.trainingStep(
      &state, data: data, sequenceLength: sequenceLength, learningRate: learningRate,
      clipLimit: clipLimit, functions: functions)
  }
}
