import CourseSupport
import Foundation
import GraderCore
import ReferenceRNN

let evolutionCommand = Subcommand(
  "evolution",
  "[--data FILE | --corpus play] [--iters 5000] [--seeds 1,2,3] [--budget 30000]\n"
    + "      [--embedding 16] [--lr 0.003] [--out runs/evolution]",
  """
  lesson ex08: a one-hot RNN, an embedding RNN, a GRU and an LSTM, sized to the same number of
  parameters and trained with the same budget (Adam): table.md, results.csv and validation.svg
  """,
  valued: ["data", "corpus", "characters", "iters", "seeds", "budget", "embedding", "lr", "out"],
  run: evolution)

/// One model of the evolution, trained with one seed.
struct EvolutionRun: Codable {
  var model: String
  var hiddenSize: Int
  var parameters: Int
  var seed: UInt64
  var validation: [ValidationPoint]
  var secondsPerIteration: Double
}

func evolution(_ options: CommandLineOptions) throws -> Int32 {
  let iterations = try options.int("iters", default: 5000)
  let seeds = try wholeNumbers(options, "seeds", default: [1, 2, 3]).map(UInt64.init)
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
  let jobs = specs.indices.flatMap { m in seeds.map { (m, $0) } }
  let progress = Counter(total: jobs.count)
  let corpus = text.corpus
  let runs = parallelMap(jobs.count) { k in
    let (m, seed) = jobs[k]
    let hp = Hyperparameters(
      hiddenSize: specs[m].hiddenSize, sequenceLength: 25, learningRate: rate, seed: seed,
      validationEvery: max(1, iterations / 10))
    let start = Date()
    let history = trainedHistory(
      specs[m].makeModel(), corpus, hp, iterations: iterations, optimizer: .adam)
    progress.tick()
    return EvolutionRun(
      model: architectures[m].description, hiddenSize: specs[m].hiddenSize,
      parameters: specs[m].parameterCount, seed: seed, validation: history.validation,
      secondsPerIteration: Date().timeIntervalSince(start) / Double(iterations))
  }
  progress.finish()
  let table = evolutionTable(runs, models: architectures.map(\.description))
  try writeAtomically(table, to: folder + "/table.md")
  try writeAtomically(evolutionCSV(runs), to: folder + "/results.csv")
  try writeAtomically(
    evolutionChart(runs, models: architectures.map(\.description)), to: folder + "/validation.svg")
  print(table)
  print("written: \(folder)/table.md, results.csv, validation.svg")
  return 0
}

private func finalLosses(_ runs: [EvolutionRun], _ model: String) -> [Double] {
  runs.filter { $0.model == model }.compactMap { $0.validation.last?.lossPerCharacter }
}

private func evolutionTable(_ runs: [EvolutionRun], models: [String]) -> String {
  var lines = [
    "| model | hidden | parameters | validation loss per character: mean (lowest–highest) | ms per iteration |",
    "|---|---:|---:|---:|---:|",
  ]
  for model in models {
    let mine = runs.filter { $0.model == model }
    let losses = finalLosses(runs, model)
    let ms = 1000 * mine.map(\.secondsPerIteration).reduce(0, +) / Double(max(mine.count, 1))
    lines.append(
      String(
        format: "| %@ | %d | %d | %.3f (%.3f–%.3f) | %.2f |", model, mine.first?.hiddenSize ?? 0,
        mine.first?.parameters ?? 0, losses.reduce(0, +) / Double(max(losses.count, 1)),
        losses.min() ?? .nan, losses.max() ?? .nan, ms))
  }
  return lines.joined(separator: "\n") + "\n"
}

private func evolutionCSV(_ runs: [EvolutionRun]) -> String {
  var lines = [
    "model,hidden,parameters,seed,iteration,validation_loss_per_character,seconds_per_iteration"
  ]
  for r in runs {
    for point in r.validation {
      lines.append(
        "\"\(r.model)\",\(r.hiddenSize),\(r.parameters),\(r.seed),\(point.iteration),\(point.lossPerCharacter),\(r.secondsPerIteration)"
      )
    }
  }
  return lines.joined(separator: "\n") + "\n"
}

/// The validation loss of each model against iteration, averaged over the seeds.
private func evolutionChart(_ runs: [EvolutionRun], models: [String]) -> String {
  let series = models.map { model in
    let mine = runs.filter { $0.model == model }
    let points = (mine.first?.validation.indices ?? 0..<0).map { i in
      let values = mine.map { $0.validation[i].lossPerCharacter }
      return (
        x: Double(mine[0].validation[i].iteration), y: values.reduce(0, +) / Double(values.count)
      )
    }
    return LineChart.Series(name: model, points: points)
  }
  return LineChart(
    title: "Validation loss, four models with the same number of parameters",
    xLabel: "iteration", yLabel: "validation loss per character (mean over seeds)", series: series
  ).svg()
}
