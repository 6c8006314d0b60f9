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
  fatalError("TODO")
}
