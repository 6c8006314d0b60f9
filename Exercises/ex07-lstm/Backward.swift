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
  fatalError("TODO")
}
