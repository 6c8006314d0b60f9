import CourseSupport
import Foundation

/// Task 1 · softmax: turn scores y into probabilities.
///
///     softmax(y)_i = exp(y_i − max y) / Σ_j exp(y_j − max y)
///
/// Subtract the largest score first: it leaves the result unchanged and keeps exp from
/// overflowing to ∞ (exp(1000) does; exp(0) does not).
public func softmax(_ y: Vector) -> Vector {
  fatalError("TODO")
}

/// Task 1 · forward pass over one sequence of character indices.
///
/// For t = 0 … T−1, with x_t the one-hot vector of inputs[t]:
///
///     h_t = tanh(Wxh·x_t + Whh·h_{t−1} + bh)      (h_{−1} = hPrev)
///     p_t = softmax(Why·h_t + by)
///     L   = Σ_t −ln p_t[targets[t]]               (summed, not averaged)
///
/// Keep every h_t and p_t in the returned `ForwardPass`: backward needs them.
/// `p.Wxh.column(i)` is Wxh·x_t for a one-hot x_t, `p.Whh * h` is a matrix-vector product,
/// `v.map(tanh)` applies tanh element-wise.
public func forward(
  inputs: [Int], targets: [Int], hPrev: Vector, parameters p: RNNParameters
) -> ForwardPass {
  fatalError("TODO")
}
