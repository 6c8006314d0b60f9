import CourseSupport
import Foundation

/// Task 2 · the loss of translating `example.source` into `example.target`, teacher forced, and
/// its gradient through both networks.
///
/// Forward: encode the source (task 1); the decoder starts from the summary. At step t it reads
/// the previous target token as a one-hot input (`endToken` at t = 0: it doubles as the start
/// token), steps with `p.decoder`, and scores the next token:
///
///     p_t = softmax(Why·s_t + by),   L = −Σ_t ln p_t[y_t]      (s_t: the decoder's h)
///
/// Backward, t = T−1 … 0, carrying dNext (zero at the end):
///
///     dy = p_t − onehot(y_t);   dWhy += dy·s_tᵀ;   dby += dy
///     dNext = (the decoder step's pullback)(Whyᵀ·dy, dNext, &g.decoder).previous
///
/// then the encoder's steps, j = n−1 … 0, from the decoder's dNext (the summary is the state
/// both networks share): dNext = (encoder pullback j)(zeros(H), dNext, &g.encoder).previous.
/// Start the gradients from zeros shaped as `p` (`p.zeros()`). No softmax is given: write it as
/// in ex01 (a helper you write without `private` is visible in every file of the exercise, so
/// task 3 can use it too).
public func seq2seqLoss(
  _ example: Seq2SeqExample, parameters p: Seq2SeqParameters<LSTMLayer>,
  step: LSTMStepFunction, endToken: Int
) -> (loss: Double, gradients: Seq2SeqParameters<LSTMLayer>) {
  // BEGIN SOLUTION
  let encoded = encode(example.source, parameters: p, step: step)
  var state = encoded.summary
  var loss = 0.0
  var steps: [(s: Vector, p: Vector, pullback: LSTMStepFunction.Pullback)] = []
  for (t, y) in example.target.enumerated() {
    let previous = t == 0 ? endToken : example.target[t - 1]
    let (next, pullback) = step.run(.index(previous), state, p.decoder)
    state = next
    let logits = p.Why * next.h + p.by
    let e = (logits - logits.max()).map(exp)
    let probabilities = e / e.sum()
    loss -= log(probabilities[y])
    steps.append((next.h, probabilities, pullback))
  }
  var g = p.zeros()
  var dNext = LSTMState.zeros(state.h.count)
  for t in example.target.indices.reversed() {
    var dy = steps[t].p
    dy[example.target[t]] -= 1
    g.Why.addOuterProduct(dy, steps[t].s)
    g.by += dy
    dNext = steps[t].pullback(p.Why.transposedTimes(dy), dNext, &g.decoder).previous
  }
  for pullback in encoded.pullbacks.reversed() {
    dNext = pullback(.zeros(dNext.h.count), dNext, &g.encoder).previous
  }
  return (loss, g)
  // END SOLUTION
}
