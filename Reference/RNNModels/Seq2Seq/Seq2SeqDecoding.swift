import CourseSupport
import Foundation

/// A decoded output: its tokens (the end token left off), ln p of the whole output, end token
/// included when it was reached, and where each step's attention looked.
public struct Translation: Sendable, Equatable {
  /// The output's tokens, without the end token.
  public var tokens: [Int]
  /// Σ_t ln p_t[y_t] over the output, its end token included when it was reached.
  public var logProbability: Double
  /// α at each output step (empty without attention): a row of the attention map.
  public var attention: [Vector]
}

extension Seq2SeqModel {
  /// Beam search with `width` hypotheses: at each step every open hypothesis is extended by
  /// every token, and the `width` best extensions by total ln p are kept; one that ends with the
  /// end token is finished and leaves the beam. Search stops when no open hypothesis can beat
  /// the best finished one (ln p only falls as a hypothesis grows) or after `maxLength` tokens;
  /// the best finished hypothesis by total ln p is the output, with no bonus or penalty for its
  /// length (as in Sutskever et al.; here every correct output has the source's length anyway).
  /// Width 1 is greedy decoding.
  public func beamSearch(
    _ source: [Int], width: Int, parameters p: Parameters, maxLength: Int? = nil
  ) -> Translation {
    let (summary, keys, _) = encode(encoderInput(source), parameters: p)
    let limit = maxLength ?? 2 * source.count + 2
    var open = [
      Hypothesis(
        translation: Translation(tokens: [], logProbability: 0, attention: []), state: summary)
    ]
    var finished: [Translation] = []
    for _ in 0..<limit where !open.isEmpty {
      var candidates: [(parent: Int, token: Int, logP: Double)] = []
      var steps: [(state: Cell.State, attention: AttentionStep?)] = []
      for (i, h) in open.enumerated() {
        let step = decode(
          h.translation.tokens.last ?? endToken, from: h.state, keys: keys, parameters: p)
        steps.append((step.state, step.attention))
        for token in 0..<targetVocabularySize {
          candidates.append((i, token, h.translation.logProbability + log(step.p[token])))
        }
      }
      // Best first; ties to the earlier hypothesis, then the lower token (a stable sort).
      let ranked = candidates.enumerated().sorted {
        $0.element.logP > $1.element.logP
          || ($0.element.logP == $1.element.logP && $0.offset < $1.offset)
      }.map(\.element)
      var next: [Hypothesis] = []
      for c in ranked.prefix(width) {
        var t = open[c.parent].translation
        t.logProbability = c.logP
        if let attention = steps[c.parent].attention { t.attention.append(attention.weights) }
        if c.token == endToken {
          finished.append(t)
        } else {
          t.tokens.append(c.token)
          next.append(Hypothesis(translation: t, state: steps[c.parent].state))
        }
      }
      open = next
      let bestFinished = finished.map(\.logProbability).max() ?? -.infinity
      if let bestOpen = open.map(\.translation.logProbability).max(), bestOpen <= bestFinished {
        break
      }
    }
    let all = finished.isEmpty ? open.map(\.translation) : finished
    return all.max { $0.logProbability < $1.logProbability }!
  }

  /// Greedy decoding: the likeliest token at each step (beam search of width 1).
  public func greedy(_ source: [Int], parameters p: Parameters) -> Translation {
    beamSearch(source, width: 1, parameters: p)
  }

  /// A partial output and the decoder's state after it.
  struct Hypothesis {
    var translation: Translation
    var state: Cell.State
  }
}
