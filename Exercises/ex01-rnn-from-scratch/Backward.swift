import CourseSupport

/// Task 2 · backpropagation through time (BPTT).
///
/// Walk the sequence backwards, t = T−1 … 0, carrying dh_next (∂L/∂h_t arriving from step t+1,
/// zero at the end):
///
///     dy_t    = p_t − onehot(targets[t])        ∂L/∂y_t for softmax + cross-entropy
///     dWhy   += dy_t · h_tᵀ        dby += dy_t
///     dh_t    = Whyᵀ·dy_t + dh_next            two paths reach h_t: the output and step t+1
///     draw_t  = (1 − h_t ⊙ h_t) ⊙ dh_t         back through tanh
///     dbh    += draw_t
///     dWxh   += draw_t · x_tᵀ                  x_t one-hot: add draw_t to column inputs[t]
///     dWhh   += draw_t · h_{t−1}ᵀ              h_{t−1} is pass.hidden(before: t)
///     dh_next = Whhᵀ·draw_t
///
/// After t = 0, dh_next is ∂L/∂hPrev: return it as `dhPrev`.
/// Helpers: `p.zeros()`, `M.addOuterProduct(a, b)` (M += a·bᵀ), `M.transposedTimes(v)` (Mᵀ·v),
/// `M.addToColumn(j, v)`, and `*` on two vectors is element-wise.
public func backward(_ pass: ForwardPass, parameters p: RNNParameters) -> BackwardPass {
  fatalError("TODO")
}
