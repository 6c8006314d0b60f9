import CourseSupport
import Foundation

/// Task 2 · the spectral radius ρ(W), the largest |eigenvalue|, by power iteration.
///
/// Start from v = (1, 1, …, 1)/√n. Repeat `burnIn + iterations` times: w = W·v, then v = w/‖w‖.
/// During the last `iterations` repetitions, add up ln‖w‖; return exp(sum / iterations), the
/// average growth per multiplication. (Return 0 if some ‖w‖ is 0.) Averaging the growth, rather
/// than reading off one step, makes it work when the largest eigenvalues are a complex pair:
/// v then turns instead of settling, but its length still grows like ρᵏ.
public func spectralRadius(_ w: Matrix, burnIn: Int = 200, iterations: Int = 400) -> Double {
  // BEGIN SOLUTION
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
  // END SOLUTION
}

/// Task 3 · W multiplied by the number that makes its spectral radius `target`.
public func scaled(_ w: Matrix, toSpectralRadius target: Double) -> Matrix {
  // BEGIN SOLUTION
  let rho = spectralRadius(w)
  return Matrix(rows: w.rows, cols: w.cols, scalars: w.scalars.map { $0 * target / rho })
  // END SOLUTION
}
