import CourseSupport
import Foundation
import GraderCore
import ReferenceRNN

/// One trained encoder–decoder and how it did, greedy, on the held-out examples.
struct Seq2SeqRun: Sendable {
  var variant: Seq2SeqVariant
  var seed: UInt64
  var parameters: Seq2SeqModel<LSTMCell>.Parameters
  /// Exact-match accuracy for sources of 1, 2, … maxLength words.
  var accuracyByLength: [Double]
  /// The last 100 steps' mean loss per target token.
  var finalLoss: Double
  var seconds: Double
}

/// Beam search of one width on one trained model.
struct Seq2SeqBeamResult: Codable, Sendable {
  var variant: Seq2SeqVariant
  var seed: UInt64
  var width: Int
  var accuracy: Double
  var accuracyByLength: [Double]
  /// Decoding every held-out example.
  var seconds: Double
}

/// ex12's experiment: the same budget, seeds and examples for each variant.
struct Seq2SeqStudy {
  let settings: Seq2SeqSettings
  var task: DigitWords { DigitWords(maxLength: settings.maxLength) }
  /// The held-out set: `perLength` examples of every length, from a seed no run trains on.
  var testSet: [Seq2SeqExample] { task.testSet(perLength: settings.perLength, seed: 999) }

  /// Every variant on every seed, two at a time, with a progress line.
  func train() -> [Seq2SeqRun] {
    let jobs = Seq2SeqVariant.allCases.flatMap { v in settings.seeds.map { (v, $0) } }
    print(
      "training \(jobs.count) LSTM encoder–decoders (plain, source reversed, attention; H = \(settings.hidden), \(settings.steps) steps of \(settings.batch) examples, Adam at \(settings.learningRate), sources of 1–\(settings.maxLength) words, seeds \(settings.seeds.map(String.init).joined(separator: ", ")))…"
    )
    let progress = Counter(total: jobs.count)
    let (s, task, test) = (settings, task, testSet)
    let runs = parallelMap(jobs.count) { k in
      let (variant, seed) = jobs[k]
      let start = Date()
      let model = variant.model(hidden: s.hidden)
      var losses: [Double] = []
      let p = Reference.trainSeq2Seq(
        model, task: task, steps: s.steps, batch: s.batch, learningRate: s.learningRate,
        seed: seed
      ) { _, loss in losses.append(loss) }
      let accuracy = Self.accuracyByLength(test, maxLength: s.maxLength) {
        model.greedy($0, parameters: p).tokens
      }
      progress.tick()
      return Seq2SeqRun(
        variant: variant, seed: seed, parameters: p, accuracyByLength: accuracy,
        finalLoss: losses.last ?? .nan, seconds: Date().timeIntervalSince(start))
    }
    progress.finish()
    return runs
  }

  /// Every beam width on every trained model, timed.
  func beamSearch(_ runs: [Seq2SeqRun]) -> [Seq2SeqBeamResult] {
    let jobs = runs.flatMap { run in settings.beams.map { (run, $0) } }
    print(
      "decoding the held-out examples with beams of \(settings.beams.map(String.init).joined(separator: ", ")) on every model…"
    )
    let (s, test) = (settings, testSet)
    return parallelMap(jobs.count) { k in
      let (run, width) = jobs[k]
      let model = run.variant.model(hidden: s.hidden)
      let start = Date()
      let byLength = Self.accuracyByLength(test, maxLength: s.maxLength) {
        model.beamSearch($0, width: width, parameters: run.parameters).tokens
      }
      return Seq2SeqBeamResult(
        variant: run.variant, seed: run.seed, width: width,
        accuracy: byLength.reduce(0, +) / Double(byLength.count), accuracyByLength: byLength,
        seconds: Date().timeIntervalSince(start))
    }
  }

  /// The share of examples of each length whose output is exactly the target (its end token
  /// aside).
  static func accuracyByLength(
    _ examples: [Seq2SeqExample], maxLength: Int, translate: ([Int]) -> [Int]
  ) -> [Double] {
    var right = [Int](repeating: 0, count: maxLength)
    var total = [Int](repeating: 0, count: maxLength)
    for e in examples {
      total[e.source.count - 1] += 1
      if translate(e.source) == Array(e.target.dropLast()) { right[e.source.count - 1] += 1 }
    }
    return zip(right, total).map { $1 == 0 ? .nan : Double($0) / Double($1) }
  }
}
