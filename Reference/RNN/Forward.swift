import CourseSupport
import Foundation

extension Reference {
  /// Forward pass over one sequence, keeping what backward needs.
  ///
  ///     h_t = tanh(Wxh·x_t + Whh·h_{t−1} + bh)
  ///     p_t = softmax(Why·h_t + by)
  ///     L   = Σ_t −ln p_t[target_t]
  public static func forward(
    inputs: [Int], targets: [Int], hPrev: Vector, parameters p: RNNParameters
  ) -> ForwardPass {
    var hs: [Vector] = []
    var ps: [Vector] = []
    var loss = 0.0
    var h = hPrev
    for t in inputs.indices {
      // Wxh·x_t with a one-hot x_t is column inputs[t] of Wxh.
      h = (p.Wxh.column(inputs[t]) + p.Whh * h + p.bh).map(tanh)
      let probabilities = softmax(p.Why * h + p.by)
      loss += -log(probabilities[targets[t]])
      hs.append(h)
      ps.append(probabilities)
    }
    return ForwardPass(
      inputs: inputs, targets: targets, hPrev: hPrev, hs: hs, ps: ps, loss: loss)
  }

  /// softmax(y)_i = exp(y_i − max y) / Σ_j exp(y_j − max y). Subtracting the max changes
  /// nothing mathematically and keeps exp from overflowing.
  public static func softmax(_ y: Vector) -> Vector {
    let m = y.max()
    let e = y.map { exp($0 - m) }
    return e / e.sum()
  }
}
