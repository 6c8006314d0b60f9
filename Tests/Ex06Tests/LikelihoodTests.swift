import CourseSupport
import CourseTesting
import Ex06
import Foundation
import GradientCheck
import ReferenceRNN
import Testing

/// Task `likelihood`: ln p(passage) under each model, and Bayes' rule.
@Suite("likelihood") struct Likelihood {
  /// "aab" after the warm-up "b". Sure: ln 0.9 + ln 0.9 + ln 0.1. Echo predicts each character
  /// from the one before it: a after b (0.2), a after a (0.8), b after a (0.2).
  @Test("log-likelihoods of a passage worked out by hand, two models")
  func byHand() {
    let passage = [0, 0, 1]
    expectClose(
      logLikelihood(of: passage, after: [1], model: Study.sure), 2 * log(0.9) + log(0.1),
      tolerance: 1e-12, "ln p(\"aab\" | sure)",
      hint: "Add ln p of each passage character: index [warmup.count + k − 1][passage[k]].")
    expectClose(
      logLikelihood(of: passage, after: [1], model: Study.echo), log(0.2) + log(0.8) + log(0.2),
      tolerance: 1e-12, "ln p(\"aab\" | echo) after the warm-up \"b\"",
      hint:
        "passage[0] is predicted after the warm-up's last character (position warmup.count − 1), passage[k] after passage[k − 1]: an off-by-one reads the prediction for the next character instead."
    )
  }

  /// p(sure | aab) = 0.081 / (0.081 + 0.032) with equal priors.
  @Test("Bayes' rule with equal priors, worked out by hand, and no underflow")
  func bayes() {
    let p = classifyByLikelihood([0, 0, 1], warmup: [1], models: [Study.sure, Study.echo])
    guard
      expectCount(
        p.count, 2, "classifyByLikelihood with two models", hint: "One probability per model.")
    else { return }
    let sure = 0.9 * 0.9 * 0.1
    let echo = 0.2 * 0.8 * 0.2
    expectClose(
      p[0], sure / (sure + echo), tolerance: 1e-12, "p(sure | \"aab\")",
      hint: "Each likelihood divided by their sum: softmax of the log-likelihoods.")
    let long = [Int](repeating: 1, count: 5000)
    let q = classifyByLikelihood(long, warmup: [1], models: [Study.sure, Study.echo])
    expectThat(
      q.allSatisfy(\.isFinite) && abs(q.reduce(0, +) - 1) < 1e-12 && q[1] > 0.999,
      "classifyByLikelihood on 5,000 characters gave \(q): the likelihoods themselves are 0 in Double (even the larger, 0.8⁵⁰⁰⁰ ≈ e^(−1116)); take the softmax of the log-likelihoods, subtracting the largest first."
    )
  }

  @Test("equals the reference with the trained author models")
  func trainedModels() {
    let study = Study.study
    let (passages, _) = study.heldOut(length: 60, perAuthor: 3)
    for passage in passages {
      let got = classifyByLikelihood(passage, warmup: study.warmup, models: Study.models)
      let want = Reference.classifyByLikelihood(passage, warmup: study.warmup, models: Study.models)
      if let m = firstMismatch("p(author)", actual: got, expected: want, tolerance: 1e-10) {
        expectMatch(
          m, "classifyByLikelihood on a held-out passage", tolerance: 1e-10,
          hint: "Every model reads the same warm-up, then the passage.")
        return
      }
    }
  }
}
