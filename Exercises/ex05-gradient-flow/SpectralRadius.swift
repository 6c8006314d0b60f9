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
  fatalError("TODO")
}

/// Task 3 · W multiplied by the number that makes its spectral radius `target`.
public func scaled(_ w: Matrix, toSpectralRadius target: Double) -> Matrix {
  fatalError("TODO")
}
