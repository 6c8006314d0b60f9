import CourseSupport
import CourseTesting
import Ex04
import Foundation
import GradientCheck
import ReferenceRNN
import Testing

/// Task `smoothing`: the smoothed loss and the loss per character.
@Suite("smoothing") struct Smoothing {
  @Test("one smoothing step, worked out by hand")
  func byHand() {
    let s = smoothed([10, 20], decay: 0.9, start: 0)
    guard
      expectCount(
        s.count, 2, "smoothed([10, 20]): number of values", hint: "One smoothed value per loss.")
    else { return }
    expectClose(
      s[0], 1, tolerance: 1e-15, "smoothed([10, 20], decay 0.9, start 0)[0]",
      hint: "s = 0.9·0 + 0.1·10.")
    expectClose(
      s[1], 2.9, tolerance: 1e-15, "smoothed([10, 20], decay 0.9, start 0)[1]",
      hint: "s = 0.9·1 + 0.1·20: carry s from one loss to the next.")
  }

  @Test("equals the reference on a real run's losses, and per character divides by T")
  func matchesReference() {
    let run = Reference.syntheticRun(.healthy, seed: 4)
    let losses = run.train.map { $0 * 25 }
    expectMatch(
      firstMismatch(
        "smoothed", actual: smoothed(losses, start: 25 * log(60.0)),
        expected: Reference.smoothed(losses, start: 25 * log(60.0)), tolerance: 1e-12),
      "smoothed (decay 0.999)", tolerance: 1e-12, hint: "The default decay is 0.999.")
    expectMatch(
      firstMismatch(
        "perCharacter", actual: perCharacter(losses, sequenceLength: 25),
        expected: Reference.perCharacter(losses, sequenceLength: 25), tolerance: 1e-15),
      "perCharacter (T = 25)", tolerance: 1e-15, hint: "Divide each loss by the sequence length.")
  }
}

/// Task `diagnosis`: naming synthetic runs of each kind (three seeds each, clear margins).
@Suite("diagnosis") struct Diagnosing {
  @Test("names each kind of run", arguments: Diagnosis.allCases)
  func kinds(_ kind: Diagnosis) {
    for seed in 1...3 {
      let run = Reference.syntheticRun(kind, seed: UInt64(seed))
      let got = diagnose(train: run.train, validation: run.validation)
      expectThat(
        got == kind,
        "diagnose: a synthetic \(kind.rawValue) run (seed \(seed)) was called \(got.rawValue). \(hint(kind))"
      )
    }
  }

  @Test("an infinite loss, or a NaN in validation only, is diverged too")
  func nonFinite() {
    var run = Reference.syntheticRun(.healthy, seed: 2)
    run.train[run.train.count - 1] = .infinity
    let got = diagnose(train: run.train, validation: run.validation)
    expectThat(
      got == .diverged,
      "diagnose: a run whose last loss is ∞ was called \(got.rawValue). Any loss that is not finite (NaN or ±∞) means diverged."
    )
    let clean = Reference.syntheticRun(.healthy, seed: 2)
    let inValidation = diagnose(train: clean.train, validation: clean.validation + [.nan])
    expectThat(
      inValidation == .diverged,
      "diagnose: a NaN validation loss was called \(inValidation.rawValue). Check the validation losses for NaN and ∞ as well."
    )
  }

  func hint(_ kind: Diagnosis) -> String {
    switch kind {
    case .diverged: return "Check for NaN and ∞ first, in both lists."
    case .overfitting:
      return
        "Validation's lowest point comes before its last third and it ends 5% above it, while training keeps falling; check this before spikes."
    case .spikes:
      return
        "Count iterations above 3 times the median of the 20 before them and above the first loss, or above 3 times the first loss; 3 or more is spikes."
    case .oscillation:
      return
        "Average the second half in blocks of 20 iterations: more than a quarter of the blocks rising by more than 15% of its mean."
    case .plateau: return "The last tenth's mean above 90% of the first loss."
    case .healthy: return "Healthy is what is left when no other pattern applies."
    }
  }
}

/// Task `runs`: real training runs, made by the reference trainer.
@Suite("runs") struct RealRuns {
  /// Per-character losses of a run with clipping off at learning rate 3.0.
  static func explodingRun() -> [Double] {
    let text = BuiltInCorpus.play.text(characters: 20000, seed: 2)
    let vocabulary = Vocabulary(text: text)
    var rng = SeededGenerator(seed: 3)
    let trainer = FastTrainer(
      parameters: .random(hiddenSize: 32, vocabularySize: vocabulary.count, using: &rng),
      sequenceLength: 10,
      learningRate: 3.0, clipLimit: nil)
    let data = vocabulary.encode(text) ?? []
    return (0..<400).map { _ in trainer.step(data) / 10 }
  }

  @Test("a run with clipping off and a large learning rate is spikes or diverged")
  func explodingRun() {
    let losses = Self.explodingRun()
    let got = diagnose(train: losses, validation: [])
    expectThat(
      got == .spikes || got == .diverged,
      "diagnose: training with clipping off at learning rate 3.0 was called \(got.rawValue); its losses jump to \(formatScalar(losses.max() ?? 0)) per character. Expected spikes or diverged."
    )
  }

  @Test("a tiny corpus trained long is overfitting")
  func overfittingRun() {
    let small = BuiltInCorpus.play.text(characters: 300, seed: 5)
    let other = BuiltInCorpus.play.text(characters: 1500, seed: 6)
    let vocabulary = Vocabulary(text: small + other)
    let train = vocabulary.encode(small) ?? []
    let held = vocabulary.encode(other) ?? []
    var rng = SeededGenerator(seed: 4)
    let trainer = FastTrainer(
      parameters: .random(hiddenSize: 32, vocabularySize: vocabulary.count, using: &rng),
      sequenceLength: 10, learningRate: 0.1)
    var losses: [Double] = []
    var validation: [Double] = []
    for i in 1...1500 {
      losses.append(trainer.step(train) / 10)
      if i % 100 == 0 {
        validation.append(
          Reference.validationLoss(
            held, parameters: trainer.parameters, sequenceLength: 10, functions: .reference))
      }
    }
    let got = diagnose(train: losses, validation: validation)
    expectThat(
      got == .overfitting,
      "diagnose: 300 characters trained for 1,500 iterations was called \(got.rawValue); validation went \(validation.map { formatScalar($0) }.joined(separator: " → ")). Expected overfitting."
    )
  }
}
