import CourseSupport
import Foundation

/// Task 3 · backpropagation through time for the GRU.
///
/// Walk back, t = T−1 … 0, carrying dh_next (∂L/∂h_t from step t+1, zero at the end). With
/// h_prev = `pass.hidden(before: t)` and s = pass.steps[t]:
///
///     dy = p_t − onehot(targets[t]);   dWhy += dy·h_tᵀ;   dby += dy
///     dh = Whyᵀ·dy + dh_next
///     h_t = (1 − z) ⊙ h_prev + z ⊙ h̃, so:   dz = dh ⊙ (h̃ − h_prev),   dh̃ = dh ⊙ z,
///                                          and h_prev gets dh ⊙ (1 − z) directly
///     dah = dh̃ ⊙ (1 − h̃²)                  (the candidate's pre-activation)
///     dWh += dah·x_tᵀ,  dUh += dah·(r ⊙ h_prev)ᵀ,  dbh += dah
///     dRH = Uhᵀ·dah                         (∂L/∂(r ⊙ h_prev)):   dr = dRH ⊙ h_prev,
///                                          and h_prev gets dRH ⊙ r
///     daz = dz ⊙ z(1 − z),   dar = dr ⊙ r(1 − r);   dWk += dak·x_tᵀ, dUk += dak·h_prevᵀ, dbk += dak
///     dh_next = dh ⊙ (1 − z) + dRH ⊙ r + Uzᵀ·daz + Urᵀ·dar
///
/// After t = 0, dh_next is ∂L/∂h_{−1}: return it as `dStart`.
public func gruBackward(_ pass: GRUForwardPass, parameters p: GRUParameters) -> GRUBackwardPass {
  // BEGIN SOLUTION
  var g = GRUParameters.zeros(hiddenSize: p.hiddenSize, vocabularySize: p.vocabularySize)
  var dhNext = Vector.zeros(p.hiddenSize)
  for t in pass.inputs.indices.reversed() {
    let s = pass.steps[t]
    let hPrevious = pass.hidden(before: t)
    let x = pass.inputs[t]
    var dy = s.p
    dy[pass.targets[t]] -= 1
    g.Why.addOuterProduct(dy, s.h)
    g.by += dy
    let dh = p.Why.transposedTimes(dy) + dhNext
    let dz = dh * (s.candidate - hPrevious)
    let dah = dh * s.z * s.candidate.map { 1 - $0 * $0 }
    let dRH = p.Uh.transposedTimes(dah)
    let daz = dz * s.z.map { $0 * (1 - $0) }
    let dar = dRH * hPrevious * s.r.map { $0 * (1 - $0) }
    g.Wh.addToColumn(x, dah)
    g.Uh.addOuterProduct(dah, s.r * hPrevious)
    g.bh += dah
    g.Wz.addToColumn(x, daz)
    g.Uz.addOuterProduct(daz, hPrevious)
    g.bz += daz
    g.Wr.addToColumn(x, dar)
    g.Ur.addOuterProduct(dar, hPrevious)
    g.br += dar
    dhNext =
      dh * s.z.map { 1 - $0 } + dRH * s.r + p.Uz.transposedTimes(daz) + p.Ur.transposedTimes(dar)
  }
  return GRUBackwardPass(gradients: g, dStart: dhNext)
  // END SOLUTION
}
