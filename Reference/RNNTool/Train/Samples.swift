import CourseSupport
import Foundation
import ReferenceRNN

/// `count` characters at `temperature`, after warming the state up on `prime` (a model started
/// cold from a zero state is somewhere it rarely was in training, and can wander off).
func sample<M: LanguageModel>(
  _ model: M, _ p: M.Parameters, _ vocabulary: Vocabulary, prime: [Int], count: Int,
  seed: UInt64, temperature: Double = 0.8
) -> String {
  var rng = SeededGenerator(seed: seed)
  let start = prime.isEmpty ? [vocabulary.index(of: "\n") ?? 0] : prime
  let indices =
    (try? Reference.generate(
      model, parameters: p, seed: start, count: count, temperature: temperature, using: &rng))
    ?? []
  return vocabulary.decode(indices)
}

/// The first line of a text (at most 80 characters) and its newline, if it has one: a natural
/// place for samples to start from.
func primeText(_ text: String) -> String {
  let line = String(text.prefix { $0 != "\n" }.prefix(80))
  return text.contains("\n") ? line + "\n" : line
}

/// The corpus's structure metric on twenty 300-character samples.
func structureScore<M: LanguageModel>(
  _ corpus: BuiltInCorpus, _ model: M, _ p: M.Parameters, _ vocabulary: Vocabulary,
  prime: [Int], temperature: Double = 0.5
) -> Double {
  corpus.structureScore(
    (0..<20).map {
      sample(
        model, p, vocabulary, prime: prime, count: 300, seed: 1000 + UInt64($0),
        temperature: temperature)
    })
}

extension BuiltInCorpus {
  var metricName: String {
    switch self {
    case .play: "share of lines in the play's formats"
    case .code: "share of lines whose brackets balance, ending as code lines do"
    case .wiki: "share of well-formed [[links]]"
    }
  }
}

/// The same, for a model loaded from a checkpoint (whatever kind it is).
extension TrainedModel {
  func sampleText(prime: [Int], count: Int, seed: UInt64, temperature: Double) -> String {
    sample(
      model, parameters, vocabulary, prime: prime, count: count, seed: seed,
      temperature: temperature)
  }

  func structureMetric(_ corpus: BuiltInCorpus, prime: [Int], temperature: Double) -> Double {
    structureScore(
      corpus, model, parameters, vocabulary, prime: prime, temperature: temperature)
  }

  /// The hidden state the output layer reads, after each character of `text` (from zero).
  func hiddenStates(reading text: [Int]) -> [Vector] {
    var state = model.zeroState()
    return text.map { x in
      state = model.step(input: x, from: state, parameters: parameters).state
      return model.hidden(of: state)
    }
  }
}
