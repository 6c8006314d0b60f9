import CourseSupport
import Foundation

/// ex01's softmax and ex07's σ, given.
func softmax(_ y: Vector) -> Vector {
  let m = y.max()
  let e = y.map { exp($0 - m) }
  return e / e.sum()
}

func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

/// Task 2 · a GRU's forward pass over one sequence of character indices.
///
/// Start from h = start. For t = 0 … T−1, with x_t the one-hot vector of inputs[t] (so W·x_t
/// is `W.column(inputs[t])`):
///
///     r_t = σ(Wr·x_t + Ur·h_{t−1} + br)                 reset gate
///     z_t = σ(Wz·x_t + Uz·h_{t−1} + bz)                 update gate
///     h̃_t = tanh(Wh·x_t + Uh·(r_t ⊙ h_{t−1}) + bh)      candidate: the reset applies before Uh
///     h_t = (1 − z_t) ⊙ h_{t−1} + z_t ⊙ h̃_t             z says how much of the candidate to take
///     p_t = softmax(Why·h_t + by),   L = Σ_t −ln p_t[targets[t]]
///
/// Keep each step's r, z, h̃ (`candidate`), h and p in a `GRUStep`.
public func gruForward(inputs: [Int], targets: [Int], start: Vector, parameters p: GRUParameters)
  -> GRUForwardPass
{
  fatalError("TODO")
}
