import CourseSupport
import Foundation
import ReferenceRNN

/// `rnn sample --checkpoint runs/play/checkpoint.json [--temperature 0.8] [--count 500]
/// [--prime TEXT] [--seed S]`: text from a saved model.
func sampleCommand(_ arguments: [String]) throws -> Int32 {
  let options = try CommandLineOptions(
    arguments, valued: ["checkpoint", "temperature", "count", "prime", "seed"])
  guard let path = options.string("checkpoint") else {
    throw CommandLineOptions.Problem("name the model: --checkpoint runs/NAME/checkpoint.json")
  }
  let checkpoint = try Reference.loadCheckpoint(from: path)
  let temperature = try options.positive("temperature", default: 0.8)
  let count = try options.int("count", default: 500)
  var rng = SeededGenerator(seed: UInt64(try options.int("seed", default: 1, minimum: 0)))
  let vocabulary = checkpoint.vocabulary
  let prime =
    options.string("prime")
    ?? (vocabulary.index(of: "\n") != nil ? "\n" : String(vocabulary.characters[0]))
  guard !prime.isEmpty, let seed = vocabulary.encode(prime) else {
    throw CommandLineOptions.Problem("--prime may use only characters the model was trained on")
  }
  let sample = try Reference.generate(
    parameters: checkpoint.state.parameters, seed: seed, count: count, temperature: temperature,
    using: &rng)
  print(prime + vocabulary.decode(sample))
  return 0
}

/// `rnn score --checkpoint PATH --corpus play|code|wiki [--temperature 0.5]`: the corpus's
/// structure metric on twenty 300-character samples from a saved model.
func scoreCommand(_ arguments: [String]) throws -> Int32 {
  let options = try CommandLineOptions(arguments, valued: ["checkpoint", "corpus", "temperature"])
  guard let path = options.string("checkpoint") else {
    throw CommandLineOptions.Problem("name the model: --checkpoint runs/NAME/checkpoint.json")
  }
  let checkpoint = try Reference.loadCheckpoint(from: path)
  let corpus = try options.choice("corpus", default: BuiltInCorpus.play)
  let temperature = try options.positive("temperature", default: 0.5)
  let text = corpus.text(characters: 200, seed: checkpoint.hyperparameters.seed)
  let prime = checkpoint.vocabulary.encode(primeText(text)) ?? []
  let value = score(
    corpus, checkpoint.state.parameters, checkpoint.vocabulary, prime: prime,
    temperature: temperature)
  print(String(format: "%@ at T = %.2f: %.2f", corpus.metricName, temperature, value))
  return 0
}
