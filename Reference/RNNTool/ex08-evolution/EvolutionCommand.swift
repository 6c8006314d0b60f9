import CourseSupport
import Foundation
import GraderCore
import ReferenceRNN

let evolutionCommand = Subcommand(
  "evolution",
  "[--data FILE | --corpus \(BuiltInCorpus.choices)] [--iters 5000] [--seeds 1,2,3] [--budget 30000]\n"
    + "      [--embedding 16] [--lr 0.003] [--out runs/evolution]",
  """
  lesson ex08: a one-hot RNN, an embedding RNN, a GRU and an LSTM, sized to the same number of
  parameters and trained with the same budget (Adam): table.md, results.csv and validation.svg
  """,
  valued: ["data", "corpus", "characters", "iters", "seeds", "budget", "embedding", "lr", "out"],
  run: evolution)

func evolution(_ options: CommandLineOptions) throws -> Int32 {
  let iterations = try options.int("iters", default: 5000)
  let seeds = try options.wholeNumbers("seeds", default: [1, 2, 3]).map(UInt64.init)
  let budget = try options.int("budget", default: 30_000, minimum: 100)
  let e = try options.int("embedding", default: 16)
  let rate = try options.positive("lr", default: 0.003)
  let folder = options.string("out") ?? "runs/evolution"
  try RunFolder(path: folder).prepareForOutput()
  let text = try TrainingText(options, sequenceLength: 25)
  let v = text.corpus.vocabulary.count
  let architectures: [Architecture] = [
    .oneHotRNN, .embeddingRNN(embedding: e), .gru(embedding: e), .lstm(embedding: e),
  ]
  let specs = architectures.map {
    $0.spec(
      vocabularySize: v,
      hiddenSize: Reference.hiddenSize(for: $0, vocabularySize: v, budget: budget))
  }
  print(
    "four models of at most \(budget) parameters on \(text.source), \(iterations) iterations of Adam at \(rate), seeds \(seeds.map(String.init).joined(separator: ", ")):"
  )
  for (a, spec) in zip(architectures, specs) {
    print("  \(a): H = \(spec.hiddenSize), \(spec.parameterCount) parameters")
  }
  let names = architectures.map(\.description)
  let runs = compareModels(
    Array(zip(names, specs)), corpus: text.corpus, iterations: iterations, seeds: seeds,
    learningRate: rate)
  try writeComparison(
    runs, models: names, title: "Validation loss, four models with the same number of parameters",
    to: folder, command: "evolution")
  return 0
}
