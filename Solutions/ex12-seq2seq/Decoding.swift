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
  // BEGIN SOLUTION
  var open: [(tokens: [Int], logP: Double, state: LSTMState)] = [
    ([], 0, encode(source, parameters: p, step: step).summary)
  ]
  var finished: [(tokens: [Int], logP: Double)] = []
  for _ in 0..<maxLength where !open.isEmpty {
    var extensions: [(parent: Int, token: Int, logP: Double, state: LSTMState)] = []
    for (i, h) in open.enumerated() {
      let (state, _) = step.run(.index(h.tokens.last ?? endToken), h.state, p.decoder)
      let logits = p.Why * state.h + p.by
      let e = (logits - logits.max()).map(exp)
      let probabilities = e / e.sum()
      for k in 0..<probabilities.count {
        extensions.append((i, k, h.logP + log(probabilities[k]), state))
      }
    }
    var kept: [(tokens: [Int], logP: Double, state: LSTMState)] = []
    for x in extensions.enumerated().sorted(by: {
      $0.element.logP > $1.element.logP
        || ($0.element.logP == $1.element.logP && $0.offset < $1.offset)
    }).prefix(width).map(\.element) {
      if x.token == endToken {
        finished.append((open[x.parent].tokens, x.logP))
      } else {
        kept.append((open[x.parent].tokens + [x.token], x.logP, x.state))
      }
    }
    open = kept
    let bestFinished = finished.map(\.logP).max() ?? -.infinity
    if let bestOpen = open.map(\.logP).max(), bestOpen <= bestFinished { break }
  }
  let candidates = finished.isEmpty ? open.map { ($0.tokens, $0.logP) } : finished
  let best = candidates.max { $0.logP < $1.logP }!
  return (best.tokens, best.logP)
  // END SOLUTION
}

/// Task 3 · greedy decoding: the likeliest token at each step until the end token or
/// `maxLength` steps. It is beam search of width 1.
public func greedyDecode(
  _ source: [Int], parameters p: Seq2SeqParameters<LSTMLayer>, step: LSTMStepFunction,
  endToken: Int, maxLength: Int
) -> [Int] {
  // BEGIN SOLUTION
  beamSearch(
    source, width: 1, parameters: p, step: step, endToken: endToken, maxLength: maxLength
  ).tokens
  // END SOLUTION
}
