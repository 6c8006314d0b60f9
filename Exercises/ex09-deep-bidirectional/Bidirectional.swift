import CourseSupport
import Foundation

/// Task 2 · a bidirectional tagger, forward. One RNN reads left to right from f_{−1} = 0, the
/// other right to left from b_T = 0 (x_t one-hot: W·x_t is column inputs[t]):
///
///     f_t = tanh(Wxh→·x_t + Whh→·f_{t−1} + bh→)       (p.forward)
///     b_t = tanh(Wxh←·x_t + Whh←·b_{t+1} + bh←)       (p.backward), for t = T−1 down to 0
///     p_t = softmax(Why·[f_t; b_t] + by)              [f; b]: the two vectors one after the other
///     L   = Σ_t −ln p_t[labels[t]]
///
/// `Vector(f.scalars + b.scalars)` puts two vectors one after the other.
public func bidirectionalForward(
  inputs: [Int], labels: [Int], parameters p: BidirectionalParameters
)
  -> TaggerPass
{
  fatalError("TODO")
}

/// Task 2 · the bidirectional tagger, backward. With dy_t = p_t − onehot(labels[t]):
///
///     dWhy += dy_t·[f_t; b_t]ᵀ,   dby += dy_t,   d[f; b]_t = Whyᵀ·dy_t
///
/// The first H numbers of d[f; b]_t flow into the left-to-right RNN, which you backpropagate from
/// t = T−1 down to 0 (its dh_next comes from step t+1); the last H into the right-to-left RNN,
/// which you backpropagate from t = 0 up to T−1 (its dh_next comes from step t−1, the step it
/// read after t). Each is ex01's BPTT for one layer: draw = (1 − h²) ⊙ (dh + dh_next), and so on.
public func bidirectionalBackward(_ pass: TaggerPass, parameters p: BidirectionalParameters)
  -> BidirectionalParameters
{
  fatalError("TODO")
}
