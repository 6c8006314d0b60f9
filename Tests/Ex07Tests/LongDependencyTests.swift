import CourseSupport
import CourseTesting
import Ex07
import GradientCheck
import ReferenceRNN
import Testing

/// Task `long`: the long-dependency task, measured with your `recallAccuracy`.
@Suite("long dependency") struct LongDependency {
  /// A model whose only opinion is its output bias: it always names "b". Its accuracy is the
  /// share of examples whose key is "b", counted here from the examples themselves.
  @Test("a model that always says \"b\" is right exactly as often as the key is \"b\"")
  func constantModel() {
    let b = RecallTask.vocabulary.index(of: "b")!
    var p = LSTMParameters.zeros(hiddenSize: 3, vocabularySize: RecallTask.vocabulary.count)
    p.by[b] = 5
    let examples = RecallTask(distance: 6).examples(count: 40, seed: 4)
    let expected = Double(examples.count { $0[1] == b }) / 40
    expectClose(
      recallAccuracy(parameters: p, examples: examples), expected, tolerance: 1e-12,
      "recallAccuracy of a model that always predicts \"b\" (40 examples, \(Int(expected * 40)) with key b)",
      hint:
        "The key is the character after \"!\" (and again after \"?\"): example[1], or example[example.count − 2]. Count the examples whose prediction after \"?\" equals it, divide by the number of examples."
    )
  }

  @Test("equals the reference's accuracy for a trained LSTM")
  func matchesReference() {
    let trained = Reference.trainRecall(
      LSTMCell.self, task: RecallTask(distance: 8), hiddenSize: 8, iterations: 300,
      learningRate: 0.01, seed: 2)
    let examples = RecallTask(distance: 8).examples(count: 60, seed: 5)
    let want = Reference.recallAccuracy(
      trained.model, parameters: trained.parameters, examples: examples)
    expectClose(
      recallAccuracy(parameters: LSTMParameters(trained.parameters), examples: examples), want,
      tolerance: 1e-12, "recallAccuracy of a trained LSTM on 60 examples",
      hint:
        "Read each example from a zero state up to and including \"?\" (not the answer after it), and take the argmax of the last step's p."
    )
  }

  /// `RecallExperiment`: distance 20, both models trained on the same examples for 1,500
  /// iterations, seeds 1–3; accuracy on 200 held-out examples (chance 0.25).
  @Test(
    "20 steps back, the LSTM names the key (≥ 0.7) while the RNN guesses (≤ 0.35), on every seed")
  func lstmRemembersRNNForgets() {
    let heldOut = RecallExperiment.heldOut
    for seed in RecallExperiment.seeds {
      let lstm = recallAccuracy(parameters: RecallExperiment.lstm(seed: seed), examples: heldOut)
      let (rnn, p) = RecallExperiment.rnn(seed: seed)
      let guess = Reference.recallAccuracy(rnn, parameters: p, examples: heldOut)
      expectThat(
        lstm >= 0.7 && guess <= 0.35,
        "seed \(seed), distance 20: the LSTM named \(formatScalar(lstm)) of the keys and the RNN \(formatScalar(guess)); expected at least 0.7 and at most 0.35 (chance is 0.25). If only the LSTM's number is off, your recallAccuracy is the place to look."
      )
    }
  }
}
