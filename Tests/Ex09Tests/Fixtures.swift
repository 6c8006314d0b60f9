import CourseSupport
import Foundation
import ReferenceRNN

/// The stack the suites check: 2 layers of H = 4 over V = 4, T = 6, weights N(0, 1)·0.5, Why
/// N(0, 1)·3, non-zero start states (the course's recipe for well-conditioned gradient checks).
enum StackFixture {
  static let inputs = [0, 3, 1, 2, 2, 1]
  static let targets = [3, 1, 2, 2, 1, 0]

  static func parameters(depth: Int = 2, seed: UInt64 = 1) -> (StackedRNNParameters, [Vector]) {
    var rng = SeededGenerator(seed: seed)
    var p = StackedRNNParameters.zeros(depth: depth, hiddenSize: 4, vocabularySize: 4).mapScalars {
      _ in 0.5 * rng.nextNormal()
    }
    p.Why = Matrix(rows: 4, cols: 4, scalars: p.Why.scalars.map { 6 * $0 })
    let start = (0..<depth).map { _ in Vector((0..<4).map { _ in 0.5 * rng.nextNormal() }) }
    return (p, start)
  }

  static func referencePass(_ p: StackedRNNParameters, _ start: [Vector]) -> StackedForwardPass {
    Reference.stackedForward(inputs: inputs, targets: targets, start: start, parameters: p)
  }
}

/// The bidirectional tagger the suites check: V = 4 characters, K = 3 labels, H = 3, T = 6.
enum TaggerFixture {
  static let inputs = [0, 3, 1, 2, 2, 1]
  static let labels = [2, 0, 1, 1, 2, 0]

  static func parameters(seed: UInt64 = 2) -> BidirectionalParameters {
    var rng = SeededGenerator(seed: seed)
    var p = BidirectionalParameters.zeros(hiddenSize: 3, vocabularySize: 4, labels: 3).mapScalars {
      _ in 0.5 * rng.nextNormal()
    }
    p.Why = Matrix(rows: 3, cols: 6, scalars: p.Why.scalars.map { 6 * $0 })
    return p
  }

  static func referencePass(_ p: BidirectionalParameters) -> TaggerPass {
    Reference.bidirectionalForward(inputs: inputs, labels: labels, labelCount: 3, parameters: p)
  }
}

/// ex09's experiments at the suites' budgets.
enum Experiments {
  static let seeds: [UInt64] = [1, 2, 3]
  static let play = BuiltInCorpus.play.text(characters: 60_000)

  /// Letters left: taggers of H = 32 trained on the first 90% of 60,000 characters of the play in
  /// windows of 50, 1,000 iterations of Adam at 0.01; accuracy on the letters of the last 10%.
  static func letterAccuracy(bidirectional: Bool, labels: [Int], seed: UInt64) -> Double {
    let vocabulary = Vocabulary(text: play)
    let inputs = vocabulary.encode(play) ?? []
    let split = inputs.count * 9 / 10
    let tagger = Tagger<RNNCell>(
      vocabularySize: vocabulary.count, labelCount: 5, hiddenSize: 32, bidirectional: bidirectional)
    let p = Reference.trainTagger(
      tagger, inputs: Array(inputs[..<split]), labels: Array(labels[..<split]), length: 50,
      iterations: 1000, learningRate: 0.01, seed: seed)
    var (right, total) = (0, 0)
    var start = split
    while start + 50 <= inputs.count {
      let predicted = tagger.predict(Array(inputs[start..<(start + 50)]), parameters: p)
      for k in 0..<50 where labels[start + k] < 4 {
        total += 1
        if predicted[k] == labels[start + k] { right += 1 }
      }
      start += 50
    }
    return Double(right) / Double(max(total, 1))
  }
}
