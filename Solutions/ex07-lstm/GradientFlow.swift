import CourseSupport
import Foundation

/// Task 5 · how much each earlier state still matters at the end of the sequence.
///
/// With L_last = −ln p_{T−1}[targets[T−1]], the loss of the last step alone, return for every
/// t = 0 … T−1 the dh and dc your backward pass computes at step t (along every path):
/// dh[t] = ∂L_last/∂h_t and dc[t] = ∂L_last/∂c_t. It is `lstmBackward` for that one loss,
/// without the parameter gradients: at the last step dh = Whyᵀ·dy; at every earlier step there
/// is no loss of its own, so dh = dh_next; in both, dc = dc_next + dh ⊙ o_t ⊙ (1 − tanh²(c_t)).
/// What you pass back to step t−1 is what `lstmBackward` passes back.
public func lstmGradientsThroughTime(_ pass: LSTMForwardPass, parameters p: LSTMParameters) -> (
  dh: [Vector], dc: [Vector]
) {
  // BEGIN SOLUTION
  let T = pass.inputs.count
  var dhs = [Vector](repeating: .zeros(p.hiddenSize), count: T)
  var dcs = dhs
  var dhNext = Vector.zeros(p.hiddenSize)
  var dcNext = Vector.zeros(p.hiddenSize)
  for t in stride(from: T - 1, through: 0, by: -1) {
    let s = pass.steps[t]
    var dh = dhNext
    if t == T - 1 {
      var dy = s.p
      dy[pass.targets[t]] -= 1
      dh += p.Why.transposedTimes(dy)
    }
    let tanhC = s.c.map(tanh)
    let dc = dcNext + dh * s.o * tanhC.map { 1 - $0 * $0 }
    dhs[t] = dh
    dcs[t] = dc
    let dai = dc * s.g * s.i.map { $0 * (1 - $0) }
    let daf = dc * pass.state(before: t).c * s.f.map { $0 * (1 - $0) }
    let dag = dc * s.i * s.g.map { 1 - $0 * $0 }
    let dao = dh * tanhC * s.o.map { $0 * (1 - $0) }
    dhNext =
      p.Ui.transposedTimes(dai) + p.Uf.transposedTimes(daf) + p.Ug.transposedTimes(dag)
      + p.Uo.transposedTimes(dao)
    dcNext = dc * s.f
  }
  return (dhs, dcs)
  // END SOLUTION
}
