import CourseSupport
import Foundation

extension Reference {
  /// The spectral radius ρ(W) (the largest |eigenvalue|) by power iteration: start from the
  /// all-ones vector, multiply by W and renormalise `burnIn` times, then average the growth
  /// rate ln(‖W·v‖) over `iterations` more. It converges even when the dominant eigenvalues are
  /// a complex pair (the vector turns, its length still grows like ρᵏ).
  public static func spectralRadius(_ w: Matrix, burnIn: Int = 200, iterations: Int = 400) -> Double
  {
    var v = Vector(count: w.cols, repeating: 1 / Double(w.cols).squareRoot())
    var logGrowth = 0.0
    for k in 0..<(burnIn + iterations) {
      let next = w * v
      let norm = next.norm
      if norm == 0 { return 0 }
      if k >= burnIn { logGrowth += log(norm) }
      v = next / norm
    }
    return exp(logGrowth / Double(iterations))
  }

  /// W rescaled so that its spectral radius is `target`.
  public static func scaled(_ w: Matrix, toSpectralRadius target: Double) -> Matrix {
    let rho = spectralRadius(w)
    return Matrix(rows: w.rows, cols: w.cols, scalars: w.scalars.map { $0 * target / rho })
  }
}

extension CharModel {
  /// ∂L/∂state of the bottom layer, from the last step back (index k: k steps before the step
  /// whose loss is differentiated), reading `window` from a zero state: inputs all but its last
  /// character, targets one later. What `rnn lstm-flow` draws.
  public func stateGradientsBack(_ window: [Int], parameters p: Parameters) -> [Cell.State] {
    let (inputs, targets) = (Array(window.dropLast()), Array(window.dropFirst()))
    let record = forward(inputs: inputs, targets: targets, from: zeroState(), parameters: p).record
    return gradientsThroughTime(record, parameters: p).map { $0.layers[0] }.reversed()
  }
}
