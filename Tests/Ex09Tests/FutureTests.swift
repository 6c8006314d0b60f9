import CourseSupport
import CourseTesting
import Ex09
import ReferenceRNN
import Testing

/// Task `future`: a tagging task whose answer lies ahead, and what reading both ways buys.
@Suite("where the future helps") struct Future {
  @Test("letters left in the word, on text worked out by hand")
  func byHand() {
    let cases: [(String, [Int])] = [
      ("the king", [2, 1, 0, 4, 3, 2, 1, 0]),
      ("O, my lord!\n", [0, 4, 4, 1, 0, 4, 3, 2, 1, 0, 4, 4]),
      ("honour", [3, 3, 3, 2, 1, 0]),
      ("", []),
    ]
    for (text, want) in cases {
      let got = lettersLeft(text)
      expectThat(
        got == want,
        "lettersLeft(\(text.debugDescription)) = \(got), expected \(want): a letter with 0, 1, 2 or 3+ letters after it in its word is labelled 0, 1, 2 or 3; anything else 4."
      )
    }
  }

  @Test("equals the reference's labels on the built-in play")
  func onThePlay() {
    let text = BuiltInCorpus.play.text(characters: 3000)
    let got = lettersLeft(text)
    let want = Reference.lettersLeft(text)
    let differing = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset
    if let i = differing ?? (got.count != want.count ? min(got.count, want.count) : nil) {
      let context = String(
        Array(text.unicodeScalars)[max(0, i - 10)..<min(want.count, i + 10)].map(Character.init))
      Issue.record(
        "lettersLeft differs from the reference at character \(i) (in \(context.debugDescription)): expected \(i < want.count ? String(want[i]) : "nothing"), got \(i < got.count ? String(got[i]) : "nothing")."
      )
    }
  }

  /// `Experiments.letterAccuracy`: taggers of H = 32, 1,000 iterations, seeds 1–3, labels from
  /// your lettersLeft. Measured on the letters of the held-out tenth: left to right 0.86–0.88,
  /// both ways 0.986–0.99.
  @Test(
    "reading both ways labels the letters at least 0.05 better than reading left to right, on every seed"
  )
  func bidirectionalWins() {
    let labels = lettersLeft(Experiments.play)
    for seed in Experiments.seeds {
      let forward = Experiments.letterAccuracy(bidirectional: false, labels: labels, seed: seed)
      let both = Experiments.letterAccuracy(bidirectional: true, labels: labels, seed: seed)
      expectThat(
        both > forward + 0.05,
        "seed \(seed): accuracy on the held-out letters, left to right \(formatScalar(forward)), both ways \(formatScalar(both)); expected both ways at least 0.05 higher (measured 0.86–0.88 against 0.986–0.99)."
      )
    }
  }
}
