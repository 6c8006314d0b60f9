import CourseSupport
import Foundation

/// Task 3 · beam search with `width` hypotheses, each a partial output, its total ln p and the
/// decoder's state after it.
///
/// Encode the source; start from one empty hypothesis (ln p = 0, the summary as its state, the
/// end token as the token it has just emitted). At each step, for every open hypothesis, run the
/// decoder one step on its last token (the end token when it is empty), p = softmax(Why·s + by),
/// and form its extension by every token k with ln p + ln p[k]. Keep the `width` best of all
/// extensions (ties: the earlier hypothesis, then the lower token, first — a stable sort by
/// ln p, best first). A kept extension by `endToken` is finished: its ln p counts the end
/// token, its tokens do not include it. Stop when no hypothesis is open, when the best open
/// one is no better than the best finished one (ln p only falls as an output grows), or after
/// `maxLength` steps. Return the best finished hypothesis by total ln p (no bonus or penalty
/// for length), or, when none finished, the best open one (of equals, the first).
public func beamSearch(
  _ source: [Int], width: Int, parameters p: Seq2SeqParameters<LSTMLayer>,
  step: LSTMStepFunction, endToken: Int, maxLength: Int
) -> (tokens: [Int], logProbability: Double) {
  fatalError("TODO")
}

/// Task 3 · greedy decoding: the likeliest token at each step until the end token or
/// `maxLength` steps. It is beam search of width 1.
public func greedyDecode(
  _ source: [Int], parameters p: Seq2SeqParameters<LSTMLayer>, step: LSTMStepFunction,
  endToken: Int, maxLength: Int
) -> [Int] {
  fatalError("TODO")
}
