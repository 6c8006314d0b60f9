import CourseSupport
import CourseTesting
import Ex06
import Foundation
import GradientCheck
import ReferenceRNN
import Testing

/// Task `vocabulary` (bonus): a classifier with no RNN at all.
@Suite("vocabulary only") struct VocabularyOnly {
  @Test("n-gram counts worked out by hand")
  func counts() {
    let got = ngrams([0, 1, 0, 1, 0], n: 2)
    expectThat(
      got == [[0, 1]: 2, [1, 0]: 2],
      "ngrams([0, 1, 0, 1, 0], n: 2) = \(got), expected [[0, 1]: 2, [1, 0]: 2]: every run of 2 consecutive characters, counted."
    )
    expectThat(ngrams([0, 1], n: 3).isEmpty, "a text shorter than n has no n-grams.")
  }

  /// The author's n-grams: ab ×3, ba ×1 (total 4); 5 distinct n-grams in all texts. The passage
  /// "aba" has ab and ba: ln((3+1)/(4+5)) + ln((1+1)/(4+5)).
  @Test("the smoothed log-likelihood of a passage worked out by hand")
  func byHand() {
    let got = naiveBayesLogLikelihood(
      [0, 1, 0], authorCounts: [[0, 1]: 3, [1, 0]: 1], distinct: 5, n: 2)
    expectClose(
      got, log(4.0 / 9) + log(2.0 / 9), tolerance: 1e-12, "naiveBayesLogLikelihood of \"aba\"",
      hint:
        "Each n-gram of the passage adds ln((count + 1) / (total + distinct)), as often as it occurs."
    )
  }

  /// Trigram counts of the models' part of each author's text. Measured (`rnn authors
  /// --characters 50000 --hidden 32 --iters 2000`): 0.79 at 20 characters, 0.97 at 200.
  @Test("at 200 characters, naive Bayes on trigrams is right more than 90% of the time")
  func heldOut() {
    let study = Study.study
    let counts = study.modelText.map { ngrams($0, n: 3) }
    let distinct = Set(counts.flatMap(\.keys)).count
    let (passages, labels) = study.heldOut(length: 200, perAuthor: 100)
    let right = zip(passages, labels).filter { passage, label in
      let scores = counts.map {
        naiveBayesLogLikelihood(passage, authorCounts: $0, distinct: distinct, n: 3)
      }
      return scores.indices.max { scores[$0] < scores[$1] } == label
    }.count
    let accuracy = Double(right) / Double(passages.count)
    expectThat(
      accuracy > 0.9,
      "naive Bayes at 200 characters: \(formatScalar(accuracy)); expected above 0.9 (measured 0.97)."
    )
  }
}
