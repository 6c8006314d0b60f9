import CourseSupport
import Foundation
import ReferenceRNN

/// `rnn hyperparameters`: lesson ex03's comparison. Every combination of hidden size
/// (50, 100, 200), learning rate (0.01, 0.1, 0.5) and sequence length (10, 25, 50) trains for
/// the same number of iterations on the same text, two runs at a time; the results go to
/// `table.md` and `results.csv` in the output folder.
func hyperparametersCommand(_ arguments: [String]) throws -> Int32 {
  let options = try CommandLineOptions(
    arguments, valued: ["data", "corpus", "characters", "iters", "out", "seed"])
  let iterations = try options.int("iters", default: 500)
  let folder = options.string("out") ?? "runs/hyperparameters"
  let seed = UInt64(try options.int("seed", default: 1, minimum: 0))
  var grid: [Hyperparameters] = []
  for hidden in [50, 100, 200] {
    for rate in [0.01, 0.1, 0.5] {
      for sequence in [10, 25, 50] {
        grid.append(
          Hyperparameters(
            hiddenSize: hidden, sequenceLength: sequence, learningRate: rate, seed: seed,
            validationEvery: iterations))
      }
    }
  }
  let (corpus, source) = try loadTrainingText(options, sequenceLength: 50)
  print("comparing \(grid.count) settings on \(source), \(iterations) iterations each…")
  let settings = grid
  let results = parallelMap(settings.count) { i in
    let hp = settings[i]
    let start = Date()
    let run = Reference.train(
      corpus: corpus, hyperparameters: hp, iterations: iterations, functions: .reference)
    return ComparisonRow(
      hiddenSize: hp.hiddenSize, learningRate: hp.learningRate, sequenceLength: hp.sequenceLength,
      trainingLoss: recentLossPerCharacter(run.history, sequenceLength: hp.sequenceLength),
      validationLoss: run.history.validation.last?.lossPerCharacter ?? .nan,
      seconds: Date().timeIntervalSince(start))
  }
  let table = Reference.markdownTable(results)
  try writeAtomically(table, to: folder + "/table.md")
  try writeAtomically(Reference.csv(results), to: folder + "/results.csv")
  print(table)
  print("written: \(folder)/table.md and \(folder)/results.csv")
  return 0
}

/// The mean loss per character over the last 50 iterations. (min-char-rnn's smoothed loss
/// forgets its starting value too slowly to compare short runs.)
func recentLossPerCharacter(_ history: LossHistory, sequenceLength: Int) -> Double {
  let recent = history.loss.suffix(50)
  return recent.reduce(0, +) / Double(max(recent.count, 1) * sequenceLength)
}
