import CourseSupport
import Foundation

/// Task 4 (bonus) · additive attention for one decoder step (Bahdanau, Cho & Bengio, 2014): how
/// well each encoder output k_j answers the decoder's state q, and the context they blend into.
///
///     u_j = tanh(Wa·q + Ua·k_j)      e_j = vaᵀ·u_j      α = softmax(e)      ctx = Σ_j α_j·k_j
public func attend(query q: Vector, keys: [Vector], Wa: Matrix, Ua: Matrix, va: Vector) -> (
  weights: Vector, context: Vector
) {
  // BEGIN SOLUTION
  let wq = Wa * q
  let scores = Vector(keys.map { k in va.dot((wq + Ua * k).map(tanh)) })
  let e = (scores - scores.max()).map(exp)
  let weights = e / e.sum()
  var context = Vector.zeros(q.count)
  for (j, k) in keys.enumerated() { context += weights[j] * k }
  return (weights, context)
  // END SOLUTION
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
  // BEGIN SOLUTION
  let wq = Wa * q
  let u = keys.map { k in (wq + Ua * k).map(tanh) }
  let α = attend(query: q, keys: keys, Wa: Wa, Ua: Ua, va: va).weights
  let dα = Vector(keys.map { dContext.dot($0) })
  let mean = α.dot(dα)
  var (dWa, dUa, dva) = (
    Matrix.zeros(Wa.rows, Wa.cols), Matrix.zeros(Ua.rows, Ua.cols), Vector.zeros(va.count)
  )
  var daSum = Vector.zeros(va.count)
  var dKeys: [Vector] = []
  for j in keys.indices {
    let de = α[j] * (dα[j] - mean)
    dva += de * u[j]
    let da = (de * va) * u[j].map { 1 - $0 * $0 }
    dUa.addOuterProduct(da, keys[j])
    dKeys.append(α[j] * dContext + Ua.transposedTimes(da))
    daSum += da
  }
  dWa.addOuterProduct(daSum, q)
  return (Wa.transposedTimes(daSum), dKeys, dWa, dUa, dva)
  // END SOLUTION
}
