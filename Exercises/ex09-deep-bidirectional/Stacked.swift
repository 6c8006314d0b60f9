import CourseSupport
import Foundation

/// ex01's softmax, given.
func softmax(_ y: Vector) -> Vector {
  let m = y.max()
  let e = y.map { exp($0 - m) }
  return e / e.sum()
}

/// Task 1 · a stack of L vanilla RNN layers, forward.
///
/// At each step t, layer 0 reads the one-hot character (column inputs[t] of its Wxh) and every
/// layer l ≥ 1 reads the new h of the layer below:
///
///     h⁰_t = tanh(Wxh⁰·x_t + Whh⁰·h⁰_{t−1} + bh⁰)
///     hˡ_t = tanh(Wxhˡ·hˡ⁻¹_t + Whhˡ·hˡ_{t−1} + bhˡ)
///     p_t  = softmax(Why·hᴸ⁻¹_t + by),   L = Σ_t −ln p_t[targets[t]]
///
/// Each layer starts from start[l]. Keep hs[l][t] for every layer and step, and every p_t.
public func stackedForward(
  inputs: [Int], targets: [Int], start: [Vector], parameters p: StackedRNNParameters
) -> StackedForwardPass {
  fatalError("TODO")
}

/// Task 1 · the stack, backward: through time, and at every step down through the layers.
///
/// Carry dh_next[l] for every layer (from step t+1, zero at the end). At step t, going down from
/// the top layer, with dh the gradient arriving from above (Whyᵀ·dy at the top):
///
///     draw = (1 − hˡ_t²) ⊙ (dh + dh_next[l])
///     dbhˡ += draw,  dWhhˡ += draw·hˡ_{t−1}ᵀ,  dWxhˡ += draw·(its input)ᵀ
///     dh_next[l] = Whhˡᵀ·draw         (to the same layer, one step back)
///     dh = Wxhˡᵀ·draw                 (to the layer below, the same step; not needed at l = 0)
///
/// Layer 0's input is one-hot: add draw to column inputs[t] of dWxh⁰. After t = 0, dh_next[l] is
/// ∂L/∂start[l]: return them as `dStart`.
public func stackedBackward(_ pass: StackedForwardPass, parameters p: StackedRNNParameters)
  -> StackedBackwardPass
{
  fatalError("TODO")
}
