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
  fatalError("TODO")
}
