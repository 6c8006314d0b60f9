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

/// min-char-rnn's main loop: slide a window of `sequenceLength` characters over the data,
/// carry the hidden state from window to window, clip, update with Adagrad, and keep a
/// smoothed loss. When the window would run past the end, start again from the beginning
/// with a zero hidden state.
public struct MinCharRNNTrainer: Sendable {
  public let data: [Int]
  public let sequenceLength: Int
  public let learningRate: Double
  /// nil turns clipping off.
  public let clipLimit: Double?
  public let functions: RNNFunctions

  public private(set) var parameters: RNNParameters
  public private(set) var memory: RNNParameters
  public private(set) var hPrev: Vector
  public private(set) var position = 0
  public private(set) var iteration = 0
  /// 0.999·smooth + 0.001·loss, starting from the loss of a uniform guess, −ln(1/V)·T.
  public private(set) var smoothLoss: Double

  public init(
    data: [Int], parameters: RNNParameters, sequenceLength: Int, learningRate: Double,
    clipLimit: Double? = 5, functions: RNNFunctions = .reference
  ) {
    precondition(data.count > sequenceLength + 1, "the data must be longer than one sequence")
    self.data = data
    self.parameters = parameters
    self.sequenceLength = sequenceLength
    self.learningRate = learningRate
    self.clipLimit = clipLimit
    self.functions = functions
    memory = parameters.zeros()
    hPrev = .zeros(parameters.hiddenSize)
    smoothLoss = -log(1 / Double(parameters.vocabularySize)) * Double(sequenceLength)
  }

  /// One iteration; returns that sequence's (summed) loss.
  @discardableResult
  public mutating func step() -> Double {
    if position + sequenceLength + 1 >= data.count {
      position = 0
      hPrev = .zeros(parameters.hiddenSize)
    }
    let inputs = Array(data[position..<(position + sequenceLength)])
    let targets = Array(data[(position + 1)..<(position + sequenceLength + 1)])
    let pass = functions.forward(inputs, targets, hPrev, parameters)
    var gradients = functions.backward(pass, parameters).gradients
    if let clipLimit { functions.clip(&gradients, clipLimit) }
    functions.update(&parameters, gradients, &memory, learningRate)
    hPrev = pass.lastHidden
    smoothLoss = 0.999 * smoothLoss + 0.001 * pass.loss
    position += sequenceLength
    iteration += 1
    return pass.loss
  }
}
