import CourseSupport
import Foundation

/// Task 2 · backpropagation through time for the LSTM.
///
/// Walk back, t = T−1 … 0, carrying dh_next and dc_next (∂L/∂h_t and ∂L/∂c_t arriving from step
/// t+1, zero at the end). With (h_{t−1}, c_{t−1}) = `pass.state(before: t)` and s = pass.steps[t]:
///
///     dy     = p_t − onehot(targets[t]);   dWhy += dy·h_tᵀ;   dby += dy
///     dh     = Whyᵀ·dy + dh_next                    h_t reaches the loss two ways
///     do     = dh ⊙ tanh(c_t)
///     dc     = dc_next + dh ⊙ o_t ⊙ (1 − tanh²(c_t))  and so does c_t: through h_t and c_{t+1}
///     di = dc ⊙ g_t,   df = dc ⊙ c_{t−1},   dg = dc ⊙ i_t
///
/// then through each gate's squashing function to its pre-activation a:
///
///     dai = di ⊙ i(1 − i),  daf = df ⊙ f(1 − f),  dag = dg ⊙ (1 − g²),  dao = do ⊙ o(1 − o)
///
/// and for each gate k: dWk += da_k·x_tᵀ (column inputs[t]), dUk += da_k·h_{t−1}ᵀ, dbk += da_k.
/// Finally dh_next = Σ_k Ukᵀ·da_k and dc_next = dc ⊙ f_t. After t = 0 they are ∂L/∂h_{−1} and
/// ∂L/∂c_{−1}: return them as `dStart`.
public func lstmBackward(_ pass: LSTMForwardPass, parameters p: LSTMParameters)
  -> LSTMBackwardPass
{
  // BEGIN SOLUTION
  var g = LSTMParameters.zeros(hiddenSize: p.hiddenSize, vocabularySize: p.vocabularySize)
  var dhNext = Vector.zeros(p.hiddenSize)
  var dcNext = Vector.zeros(p.hiddenSize)
  for t in pass.inputs.indices.reversed() {
    let s = pass.steps[t]
    let previous = pass.state(before: t)
    let x = pass.inputs[t]
    var dy = s.p
    dy[pass.targets[t]] -= 1
    g.Why.addOuterProduct(dy, s.h)
    g.by += dy
    let dh = p.Why.transposedTimes(dy) + dhNext
    let tanhC = s.c.map(tanh)
    let dc = dcNext + dh * s.o * tanhC.map { 1 - $0 * $0 }
    let dai = dc * s.g * s.i.map { $0 * (1 - $0) }
    let daf = dc * previous.c * s.f.map { $0 * (1 - $0) }
    let dag = dc * s.i * s.g.map { 1 - $0 * $0 }
    let dao = dh * tanhC * s.o.map { $0 * (1 - $0) }
    g.Wi.addToColumn(x, dai)
    g.Wf.addToColumn(x, daf)
    g.Wg.addToColumn(x, dag)
    g.Wo.addToColumn(x, dao)
    g.Ui.addOuterProduct(dai, previous.h)
    g.Uf.addOuterProduct(daf, previous.h)
    g.Ug.addOuterProduct(dag, previous.h)
    g.Uo.addOuterProduct(dao, previous.h)
    g.bi += dai
    g.bf += daf
    g.bg += dag
    g.bo += dao
    dhNext =
      p.Ui.transposedTimes(dai) + p.Uf.transposedTimes(daf) + p.Ug.transposedTimes(dag)
      + p.Uo.transposedTimes(dao)
    dcNext = dc * s.f
  }
  return LSTMBackwardPass(gradients: g, dStart: LSTMState(h: dhNext, c: dcNext))
  // END SOLUTION
}
