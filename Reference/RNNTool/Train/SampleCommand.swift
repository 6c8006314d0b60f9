import CourseSupport
import Foundation
import GraderCore
import ReferenceRNN

let sampleCommand = Subcommand(
  "sample",
  "--checkpoint runs/NAME/checkpoint.json [--temperature 0.8] [--count 500] [--prime TEXT] [--seed 1]",
  "text from a trained model of any kind",
  valued: ["checkpoint", "temperature", "count", "prime", "seed"]
) { options in
  let trained = try trainedModel(options)
  let temperature = try options.positive("temperature", default: 0.8)
  let count = try options.int("count", default: 500)
  let seed = UInt64(try options.int("seed", default: 1, minimum: 0))
  let vocabulary = trained.vocabulary
  let prime =
    options.string("prime")
    ?? (vocabulary.index(of: "\n") != nil ? "\n" : String(vocabulary.characters[0]))
  guard !prime.isEmpty, let indices = vocabulary.encode(prime) else {
    throw CommandLineOptions.Problem("--prime may use only characters the model was trained on")
  }
  print(
    prime + trained.sampleText(prime: indices, count: count, seed: seed, temperature: temperature))
  return 0
}

let scoreCommand = Subcommand(
  "score",
  "--checkpoint runs/NAME/checkpoint.json --corpus \(BuiltInCorpus.choices) [--temperature 0.5]",
  "the corpus's structure metric on twenty 300-character samples from a saved model",
  valued: ["checkpoint", "corpus", "temperature"]
) { options in
  let trained = try trainedModel(options)
  let corpus = try options.choice("corpus", default: BuiltInCorpus.play)
  let temperature = try options.positive("temperature", default: 0.5)
  let text = corpus.text(characters: 200, seed: trained.hyperparameters.seed)
  let prime = trained.vocabulary.encode(primeText(text)) ?? []
  let value = trained.structureMetric(corpus, prime: prime, temperature: temperature)
  print(String(format: "%@ at T = %.2f: %.2f", corpus.metricName, temperature, value))
  return 0
}
