import CourseSupport

/// Task 1 · how much each hidden state still matters at the end of the sequence.
///
/// Return g_t = ∂L_last/∂h_t for t = 0 … T−1, where L_last = −ln p_{T−1}[targets[T−1]] is the
/// loss of the last step only. It is ex01's backward pass for a single loss, keeping dh at
/// every step:
///
///     g_{T−1} = Whyᵀ·(p_{T−1} − onehot(targets[T−1]))
///     g_{t−1} = Whhᵀ·((1 − h_t ⊙ h_t) ⊙ g_t)        for t = T−1 … 1
///
/// Each step back multiplies by Whhᵀ and by tanh's slope (at most 1): this product is what
/// vanishes or explodes over long sequences.
public func gradientsThroughTime(_ pass: ForwardPass, parameters p: RNNParameters) -> [Vector] {
  // BEGIN SOLUTION
  let last = pass.inputs.count - 1
  guard last >= 0 else { return [] }
  var dy = pass.ps[last]
  dy[pass.targets[last]] -= 1
  var g = p.Why.transposedTimes(dy)
  var result = [Vector](repeating: .zeros(p.hiddenSize), count: last + 1)
  for t in stride(from: last, through: 0, by: -1) {
    result[t] = g
    g = p.Whh.transposedTimes(pass.hs[t].map { 1 - $0 * $0 } * g)
  }
  return result
  // END SOLUTION
}
