import CourseSupport
import Foundation
import GraderCore
import ReferenceRNN

let hyperparametersCommand = Subcommand(
  "hyperparameters",
  "[--data FILE | --corpus \(BuiltInCorpus.choices)] [--model \(ModelKind.choices)] [--iters 500] [--seed 1] [--out runs/hyperparameters]",
  """
  lesson ex03: hidden 50/100/200 × rate × sequence 10/25/50, the same iterations each (rates
  0.01/0.1/0.5 for Adagrad, 0.0005/0.002/0.01 for Adam); table.md and results.csv
  """,
  valued: ["data", "corpus", "characters", "iters", "out", "seed", "model", "optimizer"]
) { options in
  let iterations = try options.int("iters", default: 500)
  let folder = options.string("out") ?? "runs/hyperparameters"
  let seed = UInt64(try options.int("seed", default: 1, minimum: 0))
  let kind = try options.choice("model", default: ModelKind.rnn)
  let optimizer = try options.choice(
    "optimizer", default: kind.defaultOptimizer)
  let rates = optimizer == .adagrad ? [0.01, 0.1, 0.5] : [0.0005, 0.002, 0.01]
  var grid: [Hyperparameters] = []
  for hidden in [50, 100, 200] {
    for rate in rates {
      for sequence in [10, 25, 50] {
        grid.append(
          Hyperparameters(
            hiddenSize: hidden, sequenceLength: sequence, learningRate: rate, seed: seed,
            validationEvery: iterations, resets: kind.defaultResets(seed: seed)))
      }
    }
  }
  let text = try TrainingText(options, sequenceLength: 50)
  let corpus = text.corpus
  print(
    "comparing \(grid.count) settings of a \(kind.title) on \(text.source), \(iterations) iterations each…"
  )
  let settings = grid
  let results = parallelMap(settings.count) { i in
    let hp = settings[i]
    let spec = ModelSpec(
      kind: kind, vocabularySize: corpus.vocabulary.count, hiddenSize: hp.hiddenSize)
    let start = Date()
    let history = trainedHistory(
      spec.makeModel(), corpus, hp, iterations: iterations, optimizer: optimizer
    ).history
    return ComparisonRow(
      hiddenSize: hp.hiddenSize, learningRate: hp.learningRate, sequenceLength: hp.sequenceLength,
      trainingLoss: recentLossPerCharacter(history, sequenceLength: hp.sequenceLength),
      validationLoss: history.validation.last?.lossPerCharacter ?? .nan,
      seconds: Date().timeIntervalSince(start))
  }
  let table = Reference.markdownTable(results)
  try writeAtomically(table, to: folder + "/table.md")
  try writeAtomically(Reference.csv(results), to: folder + "/results.csv")
  print(table)
  print("written: \(folder)/table.md and \(folder)/results.csv")
  try writePage(folder, command: "hyperparameters")
  return 0
}

/// The mean loss per character over the last 50 iterations. (min-char-rnn's smoothed loss
/// forgets its starting value too slowly to compare short runs.)
func recentLossPerCharacter(_ history: LossHistory, sequenceLength: Int) -> Double {
  let recent = history.loss.suffix(50)
  return recent.reduce(0, +) / Double(max(recent.count, 1) * sequenceLength)
}
