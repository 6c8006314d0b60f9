import CourseSupport
import Foundation

/// The softmax of ex01, given: p_i = exp(y_i − max y) / Σ_j exp(y_j − max y).
func softmax(_ y: Vector) -> Vector {
  let m = y.max()
  let e = y.map { exp($0 - m) }
  return e / e.sum()
}

/// Task 1 · the logistic sigmoid, σ(x) = 1 / (1 + e^(−x)): what squashes a gate into (0, 1).
public func sigmoid(_ x: Double) -> Double {
  fatalError("TODO")
}

/// Task 1 · an LSTM's forward pass over one sequence of character indices.
///
/// Start from (h, c) = (start.h, start.c). For t = 0 … T−1, with x_t the one-hot vector of
/// inputs[t] (so W·x_t is `W.column(inputs[t])`):
///
///     i_t = σ(Wi·x_t + Ui·h_{t−1} + bi)        input gate
///     f_t = σ(Wf·x_t + Uf·h_{t−1} + bf)        forget gate
///     g_t = tanh(Wg·x_t + Ug·h_{t−1} + bg)     candidate
///     o_t = σ(Wo·x_t + Uo·h_{t−1} + bo)        output gate
///     c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t
///     h_t = o_t ⊙ tanh(c_t)
///     p_t = softmax(Why·h_t + by)
///     L   = Σ_t −ln p_t[targets[t]]
///
/// Keep every step's i, f, g, o, c, h and p in an `LSTMStep`: backward needs them all.
/// `v.map(sigmoid)` applies σ element-wise, `a * b` multiplies two vectors element by element.
public func lstmForward(
  inputs: [Int], targets: [Int], start: LSTMState, parameters p: LSTMParameters
) -> LSTMForwardPass {
  fatalError("TODO")
}
