import CourseSupport
import Foundation

/// Bahdanau, Cho & Bengio's additive attention, for one decoder step: how well each encoder
/// state k_j answers the decoder's state q = s_{t−1}, and the context they blend into.
///
///     e_j = vaᵀ·tanh(Wa·q + Ua·k_j)        α = softmax(e)        ctx = Σ_j α_j·k_j
///
/// Ua·k_j does not change from step to step: it is computed once per source (`keys`).
public struct AttentionStep: Sendable {
  /// α, one weight per source position, summing to 1: where the step looked.
  public let weights: Vector
  /// ctx, the blend of the encoder's states the decoder reads.
  public let context: Vector
  /// tanh(Wa·q + Ua·k_j) for each j, kept for the backward step.
  let hidden: [Vector]
  /// q, the decoder's state the scores were computed from.
  let query: Vector
}

/// The encoder's states as attention reads them, with Ua·k_j computed once.
public struct AttentionKeys: Sendable {
  /// k_j, the encoder's output at each source position.
  public let states: [Vector]
  /// Ua·k_j for each j.
  let projected: [Vector]

  /// The keys of `states` under the attention's `Ua`.
  public init(_ states: [Vector], Ua: Matrix) {
    self.states = states
    projected = states.map { Ua * $0 }
  }
}

extension Reference {
  /// One step of additive attention: the scores, their softmax and the context (see
  /// `AttentionStep`).
  public static func attend(query q: Vector, keys: AttentionKeys, Wa: Matrix, va: Vector)
    -> AttentionStep
  {
    let wq = Wa * q
    let hidden = keys.projected.map { ($0 + wq).map(tanh) }
    let weights = softmax(Vector(hidden.map { va.dot($0) }))
    var context = Vector.zeros(q.count)
    for (j, k) in keys.states.enumerated() { context += weights[j] * k }
    return AttentionStep(weights: weights, context: context, hidden: hidden, query: q)
  }

  /// Back through one step of attention, from ∂L/∂ctx:
  ///
  ///     dα_j = dctxᵀ·k_j,   de_j = α_j·(dα_j − Σ_i α_i·dα_i)          (the softmax's Jacobian)
  ///     dva += Σ_j de_j·u_j,   da_j = de_j·va ⊙ (1 − u_j²)            (u_j = tanh(…))
  ///     dWa += Σ_j da_j·qᵀ,    dUa += Σ_j da_j·k_jᵀ
  ///     dk_j += α_j·dctx + Uaᵀ·da_j,   and ∂L/∂q = Waᵀ·Σ_j da_j is returned.
  public static func attendBackward(
    _ dContext: Vector, step: AttentionStep, keys: AttentionKeys, Wa: Matrix, Ua: Matrix,
    va: Vector, dWa: inout Matrix, dUa: inout Matrix, dva: inout Vector, dKeys: inout [Vector]
  ) -> Vector {
    let α = step.weights
    let dα = Vector(keys.states.map { dContext.dot($0) })
    let mean = α.dot(dα)
    var daSum = Vector.zeros(va.count)
    for j in keys.states.indices {
      let de = α[j] * (dα[j] - mean)
      let u = step.hidden[j]
      dva += de * u
      let da = (de * va) * u.map { 1 - $0 * $0 }
      dUa.addOuterProduct(da, keys.states[j])
      dKeys[j] += α[j] * dContext + Ua.transposedTimes(da)
      daSum += da
    }
    dWa.addOuterProduct(daSum, step.query)
    return Wa.transposedTimes(daSum)
  }
}
