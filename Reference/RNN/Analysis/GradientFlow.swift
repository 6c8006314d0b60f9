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
