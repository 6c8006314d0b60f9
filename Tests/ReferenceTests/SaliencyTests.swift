import CourseSupport
import GradientCheck
import ReferenceRNN
import Testing

/// Saliency: the gradient of one prediction's ln p with respect to what the bottom layer read
/// at each earlier step, for every kind of model, and the rows `rnn saliency` draws from it.
@Suite("saliency: which characters a prediction depended on") struct SaliencyTests {
  static let text = [0, 3, 1, 4, 2, 2, 5, 1, 0, 3]  // V = 6

  @Test(
    "∂ ln p / ∂ input matches central differences: every kind, one-hot and one layer, embedded and two",
    arguments: ModelKind.allCases)
  func inputGradients(_ kind: ModelKind) {
    for (layers, embedding) in [(1, nil), (2, 3)] as [(Int, Int?)] {
      let spec = ModelSpec(
        kind: kind, vocabularySize: 6, hiddenSize: 5, layers: layers, embedding: embedding)
      expectGradientsPass(
        spec.makeModel(), "\(kind), \(layers) layer(s), embedding \(embedding ?? 0)")
    }
  }

  /// Perturbs every coordinate of every input vector (a one-hot coordinate, or the embedding
  /// row read at that step) and compares with the analytic gradient.
  func expectGradientsPass<M: LanguageModel>(_ model: M, _ label: String) {
    // Weights of a trained model's size (a fresh vanilla RNN's, at 0.01, give gradients too
    // small to difference), and a start that is not zero, as every row of a text but the first.
    var rng = SeededGenerator(seed: 7)
    let p = model.zeroParameters().mapScalars { _ in 0.5 * rng.nextNormal() }
    let start = model.zeroState().mapScalars { _ in 0.5 * rng.nextNormal() }
    let inputs = model.inputVectors(Array(Self.text.prefix(6)), parameters: p)
    let target = Self.text[6]
    let (logP, analytic) = model.logProbabilityGradient(
      inputs: inputs, target: target, from: start, parameters: p)
    #expect(logP < 0 && analytic.count == inputs.count, "\(label)")
    let h = gradientCheckStep
    var worst = 0.0
    for s in inputs.indices {
      for i in 0..<inputs[s].count {
        func at(_ d: Double) -> Double {
          var moved = inputs
          moved[s][i] += d
          return model.logProbabilityGradient(
            inputs: moved, target: target, from: start, parameters: p
          ).logProbability
        }
        let numeric = centralDifference(step: h, at)
        worst = max(worst, relativeError(analytic[s][i], numeric))
      }
    }
    // The course's tolerance for backward passes; a correct one reaches about 1e-9.
    #expect(worst < 1e-7, "\(label): worst relative error \(worst)")
  }

  /// With Whh = 0 a vanilla RNN's prediction reads the last character only: every row is zero
  /// but at k = 1, which fixes which end of a row is which.
  @Test("a vanilla RNN without recurrence looks exactly one character back")
  func noRecurrence() {
    let model = CharModel<RNNCell>(vocabularySize: 6, hiddenSize: 5)
    var rng = SeededGenerator(seed: 3)
    var p = model.zeroParameters().mapScalars { _ in 0.5 * rng.nextNormal() }
    p.layers[0].Whh = .zeros(5, 5)
    let s = model.saliency(of: Self.text, reach: 4, parameters: p)
    #expect(s.positions == Array(4..<10))
    for row in s.rows {
      #expect(row[0] > 1e-3 && row.dropFirst().allSatisfy { $0 == 0 }, "\(row)")
    }
    let shares = s.meanShareByDistance
    #expect(abs(shares[0] - 1) < 1e-12 && shares.dropFirst().allSatisfy { $0 == 0 })
  }

  /// Each row is the norm of one prediction's gradient, from the state the text carried.
  @Test("a row of the matrix is the size of that prediction's gradient, k characters back")
  func rowsAreGradientNorms() throws {
    let model = CharModel<LSTMCell>(vocabularySize: 6, hiddenSize: 4, embedding: 3)
    let p = model.initialParameters(seed: 5)
    let s = model.saliency(of: Self.text, reach: 3, parameters: p)
    var state = model.zeroState()
    for c in Self.text.prefix(5) { state = model.step(input: c, from: state, parameters: p).state }
    // Position 8 reads characters 5, 6 and 7 from the state after the first five.
    let inputs = model.inputVectors(Array(Self.text[5..<8]), parameters: p)
    let g = model.logProbabilityGradient(
      inputs: inputs, target: Self.text[8], from: state, parameters: p
    ).gradients
    let row = try #require(zip(s.positions, s.rows).first { $0.0 == 8 }?.1)
    #expect(
      zip(row, [g[2].norm, g[1].norm, g[0].norm]).allSatisfy { abs($0 - $1) < 1e-12 }, "\(row)")
  }
}
