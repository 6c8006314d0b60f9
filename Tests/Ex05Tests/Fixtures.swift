import CourseSupport
import Foundation
import ReferenceRNN

/// A model in the linear regime (inputs ×1e-12, so tanh' ≈ 1 everywhere) whose Whh has a chosen
/// spectral radius: the backward pass then multiplies by Whhᵀ at every step, nothing else.
enum FlowFixture {
  static func model(radius: Double, seed: UInt64 = 21) -> RNNParameters {
    var rng = SeededGenerator(seed: seed)
    var p = RNNParameters.random(hiddenSize: 32, vocabularySize: 6, scale: 1e-12, using: &rng)
    p.Whh = Reference.scaled(
      Matrix.random(32, 32, scale: 1 / 32.0.squareRoot(), using: &rng), toSpectralRadius: radius)
    p.Why = Matrix.random(6, 32, scale: 0.1, using: &rng)
    return p
  }

  static func pass(_ p: RNNParameters, length T: Int) -> ForwardPass {
    let inputs = (0..<T).map { $0 % 6 }
    return Reference.forward(
      inputs: inputs, targets: inputs.map { ($0 + 1) % 6 }, hPrev: .zeros(32), parameters: p)
  }

  /// The least-squares slope of ln‖g‖ against the number of steps back, over steps 10 … T−1.
  static func slope(_ norms: [Double]) -> Double {
    let T = norms.count
    let xs = (10..<T).map(Double.init)
    let ys = (10..<T).map { log(norms[T - 1 - $0]) }
    let mx = xs.reduce(0, +) / Double(xs.count)
    let my = ys.reduce(0, +) / Double(ys.count)
    var sxy = 0.0
    var sxx = 0.0
    for i in xs.indices {
      sxy += (xs[i] - mx) * (ys[i] - my)
      sxx += (xs[i] - mx) * (xs[i] - mx)
    }
    return sxy / sxx
  }
}
