import CourseSupport
import Foundation
import ReferenceRNN

/// The LSTM the suites check: V = 4, H = 4, T = 6. Weights N(0, 1)·0.5 (no gate saturated),
/// Why N(0, 1)·3 (no gradient tiny), a non-zero start state, a window using every character. A
/// correct backward pass reaches a relative error of about 1e-9 here against the course's check.
enum LSTMFixture {
  static let inputs = [0, 3, 1, 2, 2, 1]
  static let targets = [3, 1, 2, 2, 1, 0]

  static func parameters(seed: UInt64 = 1) -> (LSTMParameters, LSTMState) {
    var rng = SeededGenerator(seed: seed)
    var p = LSTMParameters.zeros(hiddenSize: 4, vocabularySize: 4).mapScalars { _ in
      0.5 * rng.nextNormal()
    }
    p.Why = Matrix(rows: 4, cols: 4, scalars: p.Why.scalars.map { 6 * $0 })
    let start = LSTMState.zeros(4).mapScalars { _ in 0.5 * rng.nextNormal() }
    return (p, start)
  }

  static func referencePass(_ p: LSTMParameters, _ start: LSTMState, inputs: [Int] = inputs)
    -> LSTMForwardPass
  {
    Reference.lstmForward(
      inputs: inputs, targets: Array(targets.prefix(inputs.count)), start: start, parameters: p)
  }

  /// What each tensor is, for messages.
  static func describe(_ tensor: String) -> String {
    let gates = ["i": "input gate", "f": "forget gate", "g": "candidate", "o": "output gate"]
    if let gate = gates[String(tensor.dropFirst())] {
      switch tensor.first {
      case "W": return "the \(gate)'s input weights"
      case "U": return "the \(gate)'s recurrent weights"
      default: return "the \(gate)'s bias"
      }
    }
    switch tensor {
    case "Why", "by": return "the output layer"
    case "hPrev": return "∂L/∂h₋₁, the gradient of the state the window started from"
    default: return "∂L/∂c₋₁, the gradient of the cell state the window started from"
    }
  }
}

/// ex07's long-dependency experiment: both models trained on the same examples, with the same
/// budget and seeds. Measured (seeds 1–5, accuracy on 200 held-out examples): at distance 20 and
/// 1,500 iterations the LSTM 0.79–1.00, the vanilla RNN 0.21–0.28; chance is 0.25.
enum RecallExperiment {
  static let distance = 20
  static let iterations = 1500
  static let seeds: [UInt64] = [1, 2, 3]
  static let hiddenSize = 32
  static let learningRate = 0.01

  static var task: RecallTask { RecallTask(distance: distance) }
  static var heldOut: [[Int]] { task.examples(count: 200, seed: 999) }

  static func lstm(seed: UInt64) -> LSTMParameters {
    LSTMParameters(
      Reference.trainRecall(
        LSTMCell.self, task: task, hiddenSize: hiddenSize, iterations: iterations,
        learningRate: learningRate, seed: seed
      ).parameters)
  }

  static func rnn(seed: UInt64) -> (CharModel<RNNCell>, CharModel<RNNCell>.Parameters) {
    Reference.trainRecall(
      RNNCell.self, task: task, hiddenSize: hiddenSize, iterations: iterations,
      learningRate: learningRate, seed: seed)
  }
}
