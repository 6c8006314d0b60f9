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
    if let problem = Self.byHandProblem(s) { Issue.record(Comment(rawValue: problem)) }
  }

  /// What is wrong with smoothed([10, 20], decay 0.9, start 0), said from the numbers.
  static func byHandProblem(_ s: [Double]) -> String? {
    let call = "smoothed([10, 20], decay: 0.9, start: 0)"
    guard s.count == 2 else {
      return "\(call) returned \(s.count) values, expected 2: one smoothed value per loss."
    }
    let close = { (a: Double, b: Double) in abs(a - b) <= 1e-12 }
    if close(s[0], 1) && close(s[1], 2.9) { return nil }
    let got = "expected [1, 2.9], got [\(formatScalar(s[0])), \(formatScalar(s[1]))]"
    if close(s[0], 10) && close(s[1], 11) {
      return
        "\(call): \(got), the smoothing started from the first loss. Start from s = start (here 0): s = 0.9·0 + 0.1·10 = 1, then 0.9·1 + 0.1·20 = 2.9."
    }
    if !close(s[0], 1) {
      return "\(call): \(got). The first value is s = 0.9·start + 0.1·10 = 0.9·0 + 0.1·10 = 1."
    }
    return "\(call): \(got). s = 0.9·1 + 0.1·20: carry s from one loss to the next."
  }

  @Test("equals the reference on a real run's losses, and per character divides by T")
  func matchesReference() {
    let run = Reference.syntheticRun(.healthy, seed: 4)
    let losses = run.train.map { $0 * 25 }
    let start = 25 * log(60.0)
    let want = Reference.smoothed(losses, start: start)
    let mismatch = firstMismatch(
      "smoothed", actual: smoothed(losses, start: start), expected: want, tolerance: 1e-12)
    // The default decay is blamed only when the same code with decay 0.999 written out is right.
    let explicitRight =
      firstMismatch(
        "", actual: smoothed(losses, decay: 0.999, start: start), expected: want, tolerance: 1e-12)
      == nil
    expectMatch(
      mismatch, "smoothed (decay 0.999)", tolerance: 1e-12,
      hint: explicitRight
        ? "With decay: 0.999 written out it is right: the default decay is 0.999."
        : Self.byHandProblem(smoothed([10, 20], decay: 0.9, start: 0)) != nil
          ? "This follows from the test worked out by hand above: fix that first."
          : "s = decay·s + (1 − decay)·loss for each loss, from s = start.")
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
    // One line per wrong answer, with the seeds that got it: the rule is the same for each.
    var seedsBy: [Diagnosis: [Int]] = [:]
    for seed in 1...3 {
      let run = Reference.syntheticRun(kind, seed: UInt64(seed))
      let got = diagnose(train: run.train, validation: run.validation)
      if got != kind { seedsBy[got, default: []].append(seed) }
    }
    for got in Self.order where seedsBy[got] != nil {
      let seeds = seedsBy[got]!
      let which =
        (seeds.count == 1 ? "seed " : "seeds ") + seeds.map(String.init).joined(separator: ", ")
      Issue.record(
        "diagnose: a synthetic \(kind.rawValue) run (\(which)) was called \(got.rawValue). \(explanation(expected: kind, got: got))"
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

  /// The rules are checked in this order; the first that holds names the run.
  static let order: [Diagnosis] = [
    .diverged, .overfitting, .spikes, .oscillation, .plateau, .healthy,
  ]

  /// The rule that fired where it should not have (a class checked before the expected one), or
  /// the expected class's rule that did not fire: the rule to look at, not only the answer.
  func explanation(expected: Diagnosis, got: Diagnosis) -> String {
    let (e, g) = (Self.order.firstIndex(of: expected)!, Self.order.firstIndex(of: got)!)
    if g < e {
      return
        "Your \(got.rawValue) rule, checked before \(expected.rawValue)'s, holds on this run and should not: \(hint(got))"
    }
    return
      "Your \(expected.rawValue) rule should hold on this run and did not (the run went on to \(got.rawValue)): \(hint(expected))"
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
