import CourseSupport
import CourseTesting
import Ex12
import ReferenceRNN
import Testing

/// Task `decoding`: greedy decoding and beam search, on a briefly trained model.
@Suite("decoding") struct Decoding {
  @Test("greedy decoding equals the course's on held-out sources of 1–8 words")
  func greedy() {
    let (model, p) = S2S.trained
    for source in S2S.sources {
      let want = model.greedy(source, parameters: p).tokens
      let got = greedyDecode(
        source, parameters: p, step: S2S.step, endToken: S2S.end, maxLength: 2 * source.count + 2)
      guard got == want else {
        Issue.record(
          "greedyDecode(\(DigitWords.sourceText(source))): expected \(DigitWords.targetText(want)), got \(DigitWords.targetText(got)). Start from the summary, read the end token first, then each token you chose; stop at the end token (not part of the output) or after maxLength steps."
        )
        return
      }
    }
  }

  @Test("beam search of widths 2 and 5 equals the course's: the same output, the same ln p")
  func beams() {
    let (model, p) = S2S.trained
    for width in [2, 5] {
      for source in S2S.sources {
        let want = model.beamSearch(source, width: width, parameters: p)
        let got = beamSearch(
          source, width: width, parameters: p, step: S2S.step, endToken: S2S.end,
          maxLength: 2 * source.count + 2)
        guard got.tokens == want.tokens, abs(got.logProbability - want.logProbability) <= 1e-9
        else {
          if got.tokens == want.tokens {
            Issue.record(
              "beamSearch(\(DigitWords.sourceText(source)), width \(width)): the right output, \(DigitWords.targetText(want.tokens)), with ln p \(formatScalar(got.logProbability)) where the course's is \(formatScalar(want.logProbability)) (\(got.logProbability > want.logProbability ? "higher" : "lower") by \(formatScalar(abs(got.logProbability - want.logProbability)))). A finished output's ln p counts its end token: the extension by ⏎ adds ln p[⏎]."
            )
            return
          }
          Issue.record(
            "beamSearch(\(DigitWords.sourceText(source)), width \(width)): expected \(DigitWords.targetText(want.tokens)) with ln p \(formatScalar(want.logProbability)), got \(DigitWords.targetText(got.tokens)) with ln p \(formatScalar(got.logProbability)). Keep the \(width) best extensions of all hypotheses together; an extension by the end token is finished (its ln p counts the end token); stop when no open hypothesis beats the best finished one. (The model is briefly trained: the course's output need not be the right translation, only the likeliest the search finds.)"
          )
          return
        }
      }
    }
  }

  /// Why = 0: every step's p is softmax(by), the same whatever was read. by makes 3 and 5 the
  /// likeliest tokens, equally, and ⏎ less likely, so every choice is a tie.
  @Test("ties go to the earlier hypothesis, then the lower token")
  func ties() {
    var p = S2S.trained.parameters
    p.Why = .zeros(p.Why.rows, p.Why.cols)
    p.by = Vector((0...10).map { $0 == 3 || $0 == 5 ? 1 : $0 == 10 ? 0.5 : 0 })
    for width in [1, 2] {
      let got = beamSearch(
        [1, 2], width: width, parameters: p, step: S2S.step, endToken: S2S.end, maxLength: 3)
      guard got.tokens == [3, 3, 3] else {
        Issue.record(
          "beamSearch with every step's p the same, tokens 3 and 5 tied likeliest, width \(width), 3 steps: expected 333, got \(DigitWords.targetText(got.tokens)). Among equal ln p keep the extension of the earlier hypothesis first, then the lower token (a stable sort, best first); of equally likely outputs, return the first."
        )
        return
      }
    }
  }
}
