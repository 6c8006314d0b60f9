import CourseSupport
import Foundation
import GraderCore
import ReferenceRNN

/// One configuration of the ablation: a schedule, absolute or residual, over every seed.
struct AblationRow: Encodable {
  var schedule: ScheduleChoice
  var residual: Bool
  /// Means over the seeds.
  var mean: RolloutScore

  var name: String { "\(schedule.title), \(residual ? "residual" : "absolute")" }
}

struct AblationResults: Encodable {
  var settings: RolloutSettings
  var seeds: [UInt64]
  var positionFloor: Double
  var runs: [RolloutRun]
  var rows: [AblationRow]
}

func runAblation(_ settings: RolloutSettings, seeds: [UInt64], folder: String) throws {
  let configurations = ScheduleChoice.allCases.flatMap { s in [false, true].map { (s, $0) } }
  let jobs = configurations.flatMap { c in seeds.map { (c.0, c.1, $0) } }
  print(
    "the ablation: \(configurations.count) configurations × \(seeds.count) seeds, \(settings.kind.withArticle) of H = \(settings.hidden), \(settings.iterations) windows each…"
  )
  let data = RolloutData()
  let progress = Counter(total: jobs.count)
  let runs = parallelMap(jobs.count) { k in
    let (schedule, residual, seed) = jobs[k]
    let run = Reference.rolloutRun(
      settings.kind, schedule: schedule, residual: residual, hiddenSize: settings.hidden,
      iterations: settings.iterations, seed: seed, data: data
    ).run
    progress.tick()
    return run
  }
  progress.finish()
  let rows = configurations.map { schedule, residual in
    let mine = runs.filter { $0.schedule == schedule && $0.residual == residual }.map(\.score)
    return AblationRow(schedule: schedule, residual: residual, mean: meanScore(mine))
  }
  let results = AblationResults(
    settings: settings, seeds: seeds, positionFloor: data.positionFloor, runs: runs, rows: rows)
  let table = ablationTable(results)
  try writeAtomically(table, to: folder + "/table.md")
  try writeAtomically(try json(results), to: folder + "/results.json")
  try writeAtomically(
    ablationHorizonChart(rows, floor: data.positionFloor, seeds: seeds),
    to: folder + "/horizon.svg")
  print(table)
  print("written: \(folder)/table.md, results.json, horizon.svg")
  try writePage(folder, command: "rollout")
}

func meanScore(_ scores: [RolloutScore]) -> RolloutScore {
  let n = Double(scores.count)
  func mean(_ values: [[Double]]) -> [Double] {
    values[0].indices.map { h in values.map { $0[h] }.reduce(0, +) / n }
  }
  return RolloutScore(
    oneStep: scores.map(\.oneStep).reduce(0, +) / n, latent: mean(scores.map(\.latent)),
    position: mean(scores.map(\.position)))
}

func ablationTable(_ r: AblationResults) -> String {
  let horizons = [1, 5, 20, 50]
  var lines = [
    "# Teacher forcing, scheduled sampling and rollouts", "",
    "\(r.settings.kind.title), H = \(r.settings.hidden), \(r.settings.iterations) windows of 20 steps (Adam at 0.003); means over seeds \(r.seeds.map(String.init).joined(separator: ", ")); 20 test episodes, rollouts after 10 true steps. The encoder's floor: \(String(format: "%.2f", r.positionFloor)) pixels.",
    "",
    "| schedule | prediction | one step (fed the truth) | "
      + horizons.map { "latent @\($0)" }.joined(separator: " | ") + " | "
      + horizons.map { "pixels @\($0)" }.joined(separator: " | ") + " |",
    "|---|---|---:|" + String(repeating: "---:|", count: 2 * horizons.count),
  ]
  for row in r.rows {
    let s = row.mean
    lines.append(
      "| \(row.schedule.title) | \(row.residual ? "residual" : "absolute") | "
        + String(format: "%.4f", s.oneStep) + " | "
        + horizons.map { String(format: "%.4f", s.latent[$0 - 1]) }.joined(separator: " | ")
        + " | "
        + horizons.map { String(format: "%.2f", s.position[$0 - 1]) }.joined(separator: " | ")
        + " |")
  }
  lines += ["", "## Where the loss and the task disagree", ""]
  for h in [1, 50] {
    let pairs = Reference.rankingDisagreements(
      latent: r.rows.map { $0.mean.latent[h - 1] }, position: r.rows.map { $0.mean.position[h - 1] }
    )
    lines.append(
      "- at horizon \(h): \(pairs.count) of \(r.rows.count * (r.rows.count - 1) / 2) pairs ranked the other way round by the latent error and by the pixels"
        + (strongest(pairs, r.rows, horizon: h).map { p in
          let (a, b) = (r.rows[p.first], r.rows[p.second])
          return String(
            format:
              "; the clearest: %@ (latent %.4f, %.2f pixels) against %@ (latent %.4f, %.2f pixels)",
            a.name, a.mean.latent[h - 1], a.mean.position[h - 1], b.name, b.mean.latent[h - 1],
            b.mean.position[h - 1])
        } ?? ""))
  }
  return lines.joined(separator: "\n") + "\n"
}

/// The disagreement that is clearest on both scales: the largest smaller of the two relative
/// differences.
func strongest(_ pairs: [Pair], _ rows: [AblationRow], horizon h: Int) -> Pair? {
  func relative(_ a: Double, _ b: Double) -> Double { abs(a - b) / ((a + b) / 2) }
  return pairs.max { x, y in
    func clarity(_ p: Pair) -> Double {
      let (a, b) = (rows[p.first].mean, rows[p.second].mean)
      return min(
        relative(a.latent[h - 1], b.latent[h - 1]), relative(a.position[h - 1], b.position[h - 1]))
    }
    return clarity(x) < clarity(y)
  }
}
