import CourseSupport
import Foundation
import GraderCore
import ReferenceRNN

let longDependencyCommand = Subcommand(
  "long-dependency",
  "[--distances 5,10,20,50,100] [--iters 5000] [--seeds 1,2,3] [--hidden 32] [--lr 0.01]\n"
    + "      [--models rnn,lstm] [--out runs/long-dependency]",
  """
  lesson ex07: a vanilla RNN and an LSTM trained on the same long-dependency examples with the
  same budget and seeds; accuracy against distance as table.md, results.json and accuracy.svg
  """,
  valued: ["distances", "iters", "seeds", "hidden", "lr", "out", "models"], run: longDependency)

/// One trained model's accuracy.
struct RecallResult: Codable {
  var model: ModelKind
  var distance: Int
  var seed: UInt64
  var accuracy: Double
  var seconds: Double
}

func longDependency(_ options: CommandLineOptions) throws -> Int32 {
  let distances = try options.wholeNumbers("distances", default: [5, 10, 20, 50, 100])
  let seeds = try options.wholeNumbers("seeds", default: [1, 2, 3]).map(UInt64.init)
  let iterations = try options.int("iters", default: 5000)
  let hidden = try options.int("hidden", default: 32)
  let rate = try options.positive("lr", default: 0.01)
  let folder = options.string("out") ?? "runs/long-dependency"
  let kinds = try modelKinds(options, default: [.rnn, .lstm])
  try RunFolder(path: folder).prepareForOutput()
  var runs: [(ModelKind, Int, UInt64)] = []
  for d in distances {
    for seed in seeds { for kind in kinds { runs.append((kind, d, seed)) } }
  }
  print(
    "training \(runs.count) models (\(kinds.map(\.title).joined(separator: ", ")), H = \(hidden), Adam at \(rate), \(iterations) examples each, distances \(distances.map(String.init).joined(separator: ", ")), seeds \(seeds.map(String.init).joined(separator: ", ")))…"
  )
  let progress = Counter(total: runs.count)
  let jobs = runs
  let results = parallelMap(jobs.count) { k in
    let (kind, d, seed) = jobs[k]
    let start = Date()
    let task = RecallTask(distance: d)
    let heldOut = task.examples(count: 200, seed: 999)
    let accuracy = recall(kind.cell, task, hidden, iterations, rate, seed, heldOut)
    progress.tick()
    return RecallResult(
      model: kind, distance: d, seed: seed, accuracy: accuracy,
      seconds: Date().timeIntervalSince(start))
  }
  progress.finish()
  let table = recallTable(results, kinds: kinds, distances: distances)
  try writeAtomically(table, to: folder + "/table.md")
  try writeAtomically(try json(results), to: folder + "/results.json")
  try writeAtomically(
    recallChart(results, kinds: kinds, distances: distances), to: folder + "/accuracy.svg")
  print(table)
  print("written: \(folder)/table.md, results.json, accuracy.svg")
  try writePage(folder, command: "long-dependency")
  return 0
}

private func recall<Cell: RecurrentCell>(
  _ cell: Cell.Type, _ task: RecallTask, _ hidden: Int, _ iterations: Int, _ rate: Double,
  _ seed: UInt64, _ heldOut: [[Int]]
) -> Double {
  let trained = Reference.trainRecall(
    cell, task: task, hiddenSize: hidden, iterations: iterations, learningRate: rate, seed: seed)
  return Reference.recallAccuracy(trained.model, parameters: trained.parameters, examples: heldOut)
}

/// Mean, lowest and highest accuracy over the seeds, per distance and model.
private func recallTable(_ results: [RecallResult], kinds: [ModelKind], distances: [Int]) -> String
{
  var lines = [
    "| distance | " + kinds.map { "\($0.title): mean (lowest–highest)" }.joined(separator: " | ")
      + " |",
    "|---:|" + kinds.map { _ in "---:|" }.joined(),
  ]
  for d in distances {
    let cells = kinds.map { kind in
      let a = results.filter { $0.model == kind && $0.distance == d }.map(\.accuracy)
      return String(
        format: "%.2f (%.2f–%.2f)", a.reduce(0, +) / Double(max(a.count, 1)), a.min() ?? .nan,
        a.max() ?? .nan)
    }
    lines.append("| \(d) | \(cells.joined(separator: " | ")) |")
  }
  return lines.joined(separator: "\n") + "\n\nChance (guessing the key) is \(RecallTask.chance).\n"
}

private func recallChart(_ results: [RecallResult], kinds: [ModelKind], distances: [Int]) -> String
{
  var series: [LineChart.Series] = []
  for (k, kind) in kinds.enumerated() {
    series.append(
      .init(
        name: "\(kind.title), mean over seeds",
        points: distances.map { d in
          let a = results.filter { $0.model == kind && $0.distance == d }.map(\.accuracy)
          return (x: Double(d), y: a.reduce(0, +) / Double(max(a.count, 1)))
        }, colour: k))
    series.append(
      .init(
        name: "\(kind.title), each seed",
        points: results.filter { $0.model == kind }.map {
          (x: Double($0.distance), y: $0.accuracy)
        },
        style: .dots, colour: k))
  }
  series.append(
    .init(
      name: "chance",
      points: [
        (Double(distances.min() ?? 0), RecallTask.chance),
        (Double(distances.max() ?? 1), RecallTask.chance),
      ],
      style: .dashed))
  return LineChart(
    title: "Naming a key read d steps before", xLabel: "distance d (steps)",
    yLabel: "accuracy on 200 held-out examples", series: series, yRange: 0...1
  ).svg()
}

/// `--models rnn,lstm`: model kinds.
func modelKinds(_ options: CommandLineOptions, default fallback: [ModelKind]) throws -> [ModelKind]
{
  guard let text = options.string("models") else { return fallback }
  let kinds = text.split(separator: ",").map { ModelKind(rawValue: String($0)) }
  guard !kinds.isEmpty, kinds.allSatisfy({ $0 != nil }) else {
    let known = ModelKind.allCases.map(\.rawValue).joined(separator: ", ")
    throw CommandLineOptions.Problem(
      "--models needs kinds from \(known), separated by commas, got \"\(text)\"")
  }
  return kinds.map { $0! }
}
