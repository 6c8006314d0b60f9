import CourseSupport
import Foundation
import GraderCore
import ReferenceRNN

// Several models trained on one text with one budget and the same seeds, compared: what
// `rnn evolution` and `rnn depth` print and draw.

/// One model of a comparison, trained with one seed.
struct EvolutionRun: Codable {
  var model: String
  var hiddenSize: Int
  var parameters: Int
  var seed: UInt64
  var validation: [ValidationPoint]
  var secondsPerIteration: Double
  /// Whether the model works from a fresh state, as its validation losses assume.
  var freshState: FreshStateCheck?
}

/// Trains every named model with every seed (two at a time), with a progress line.
func compareModels(
  _ models: [(name: String, spec: ModelSpec)], corpus: Corpus, iterations: Int, seeds: [UInt64],
  learningRate: Double
) -> [EvolutionRun] {
  let jobs = models.indices.flatMap { m in seeds.map { (m, $0) } }
  let progress = Counter(total: jobs.count)
  let runs = parallelMap(jobs.count) { k in
    let (m, seed) = jobs[k]
    let spec = models[m].spec
    let hp = Hyperparameters(
      hiddenSize: spec.hiddenSize, sequenceLength: 25, learningRate: learningRate, seed: seed,
      validationEvery: max(1, iterations / 10))
    let start = Date()
    let (history, check) = trainedHistory(
      spec.makeModel(), corpus, hp, iterations: iterations, optimizer: .adam)
    let seconds = Date().timeIntervalSince(start)
    progress.tick()
    return EvolutionRun(
      model: models[m].name, hiddenSize: spec.hiddenSize, parameters: spec.parameterCount,
      seed: seed, validation: history.validation,
      secondsPerIteration: seconds / Double(iterations), freshState: check)
  }
  progress.finish()
  // A run whose model fails from a fresh state has a validation loss that says nothing of it.
  for run in runs {
    guard let check = run.freshState, !check.passed else { continue }
    print(
      "BROKEN: \(run.model), seed \(run.seed): the model \(check.finding) of the validation text (ex03's lesson)"
    )
  }
  return runs
}

/// table.md, results.csv and validation.svg in `folder`, and the table printed.
func writeComparison(
  _ runs: [EvolutionRun], models: [String], title: String, to folder: String, command: String
) throws {
  let table = evolutionTable(runs, models: models)
  try writeAtomically(table, to: folder + "/table.md")
  try writeAtomically(evolutionCSV(runs), to: folder + "/results.csv")
  try writeAtomically(
    evolutionChart(runs, models: models, title: title), to: folder + "/validation.svg")
  print(table)
  print("written: \(folder)/table.md, results.csv, validation.svg")
  try writePage(folder, command: command)
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
private func evolutionChart(_ runs: [EvolutionRun], models: [String], title: String) -> String {
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
    title: title,
    xLabel: "iteration", yLabel: "validation loss per character (mean over seeds)", series: series
  ).svg()
}
