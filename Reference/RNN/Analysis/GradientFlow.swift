import CourseSupport
import Foundation

extension Reference {
  /// ∂L_last/∂h_t for t = 0 … T−1, where L_last = −ln p_{T−1}[target_{T−1}] is the loss of the
  /// last step only: how much each earlier hidden state still matters to the end of the sequence.
  ///
  ///     g_{T−1} = Whyᵀ·(p_{T−1} − onehot(target_{T−1}))
  ///     g_{t−1} = Whhᵀ·((1 − h_t²) ⊙ g_t)
  public static func gradientsThroughTime(_ pass: ForwardPass, parameters p: RNNParameters)
    -> [Vector]
  {
    let last = pass.inputs.count - 1
    guard last >= 0 else { return [] }
    var dy = pass.ps[last]
    dy[pass.targets[last]] -= 1
    var g = p.Why.transposedTimes(dy)
    var result = [Vector](repeating: .zeros(p.hiddenSize), count: last + 1)
    for t in stride(from: last, through: 0, by: -1) {
      result[t] = g
      g = p.Whh.transposedTimes(pass.hs[t].map { 1 - $0 * $0 } * g)
    }
    return result
  }

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
