import CourseSupport
import Foundation
import ReferenceRNN

/// ex06's study at the suites' budget: the three built-in authors, 50,000 characters each
/// (dealt in blocks of 2,000: 30,000 for the models, 10,000 for the feature classifier's
/// passages, 10,000 held out), one vanilla RNN of H = 32 per author, 2,000 iterations of
/// min-char-rnn's training with 5% of windows from a zero state (`rnn train`'s default).
enum Study {
  static let study = AuthorStudy.builtIn(characters: 50_000)
  static let models = study.trainModels(hiddenSize: 32, iterations: 2000).map(\.scorer)

  /// Two models built by hand over the characters a (0) and b (1). "Sure" ignores what it read and
  /// gives a 0.9; "Echo" gives the character it just read 0.8 (after a: a 0.8, b 0.2).
  static let sure = CharacterScorer(
    name: "sure",
    logProbabilities: { text in text.map { _ in Vector([log(0.9), log(0.1)]) } },
    hiddenStates: { text in text.map { Vector([Double($0)]) } })
  static let echo = CharacterScorer(
    name: "echo",
    logProbabilities: { text in
      text.map { $0 == 0 ? Vector([log(0.8), log(0.2)]) : Vector([log(0.2), log(0.8)]) }
    },
    hiddenStates: { text in
      var count = 0.0
      return text.map {
        count += Double($0)
        return Vector([count, 1])
      }
    })
}
