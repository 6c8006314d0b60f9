import CourseSupport
import Foundation

/// Task 4 (bonus) · additive attention for one decoder step (Bahdanau, Cho & Bengio, 2014): how
/// well each encoder output k_j answers the decoder's state q, and the context they blend into.
///
///     u_j = tanh(Wa·q + Ua·k_j)      e_j = vaᵀ·u_j      α = softmax(e)      ctx = Σ_j α_j·k_j
public func attend(query q: Vector, keys: [Vector], Wa: Matrix, Ua: Matrix, va: Vector) -> (
  weights: Vector, context: Vector
) {
  fatalError("TODO")
}

/// Task 4 (bonus) · back through `attend`, from ∂L/∂ctx:
///
///     dα_j = dctxᵀ·k_j,   de_j = α_j·(dα_j − Σ_i α_i·dα_i)      (the softmax's Jacobian)
///     dva = Σ_j de_j·u_j,   da_j = de_j·va ⊙ (1 − u_j²)
///     dWa = Σ_j da_j·qᵀ,    dUa = Σ_j da_j·k_jᵀ,    dq = Waᵀ·Σ_j da_j
///     dk_j = α_j·dctx + Uaᵀ·da_j
public func attendBackward(
  _ dContext: Vector, query q: Vector, keys: [Vector], Wa: Matrix, Ua: Matrix, va: Vector
) -> (dQuery: Vector, dKeys: [Vector], dWa: Matrix, dUa: Matrix, dva: Vector) {
  fatalError("TODO")
}
