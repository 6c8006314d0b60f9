import CourseSupport

extension Reference {
  /// Backpropagation through time over one forward pass.
  ///
  ///     dy_t   = p_t − onehot(target_t)          (softmax + cross-entropy)
  ///     dWhy  += dy_t·h_tᵀ,   dby += dy_t
  ///     dh_t   = Whyᵀ·dy_t + dh_next             (from the output and from step t+1)
  ///     draw_t = (1 − h_t²) ⊙ dh_t               (through tanh)
  ///     dbh   += draw_t,  dWxh += draw_t·x_tᵀ,  dWhh += draw_t·h_{t−1}ᵀ
  ///     dh_next = Whhᵀ·draw_t                    (to step t−1; after t = 0 it is ∂L/∂hPrev)
  public static func backward(_ pass: ForwardPass, parameters p: RNNParameters) -> BackwardPass {
    var g = p.zeros()
    var dhNext = Vector.zeros(p.hiddenSize)
    for t in pass.inputs.indices.reversed() {
      var dy = pass.ps[t]
      dy[pass.targets[t]] -= 1
      g.Why.addOuterProduct(dy, pass.hs[t])
      g.by += dy
      let dh = p.Why.transposedTimes(dy) + dhNext
      let dhRaw = pass.hs[t].map { 1 - $0 * $0 } * dh
      g.bh += dhRaw
      g.Wxh.addToColumn(pass.inputs[t], dhRaw)
      g.Whh.addOuterProduct(dhRaw, pass.hidden(before: t))
      dhNext = p.Whh.transposedTimes(dhRaw)
    }
    return BackwardPass(gradients: g, dhPrev: dhNext)
  }
}
