import CourseSupport
import Foundation

/// saliency.json, saliency.md, saliency.svg and a saliency-text-RUN.svg per model, in `folder`;
/// the table printed.
func writeSaliency(_ runs: [SaliencyRun], text: String, shown: Int, to folder: String) throws {
  struct Results: Codable {
    var text: String
    var runs: [SaliencyRun]
  }
  let table = saliencyTable(runs, text: text)
  try writeAtomically(try json(Results(text: text, runs: runs)), to: folder + "/saliency.json")
  try writeAtomically(table, to: folder + "/saliency.md")
  try writeAtomically(saliencyChart(runs), to: folder + "/saliency-by-distance.svg")
  let characters = text.unicodeScalars.map { String($0) }
  // The page shows every picture in the folder: an earlier run's models must not stay in it.
  let earlier = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
  for name in earlier where name.hasPrefix("saliency-text-") && name.hasSuffix(".svg") {
    try FileManager.default.removeItem(atPath: folder + "/" + name)
  }
  var names: [String] = []
  for run in runs {
    let name = names.contains(run.run) ? "\(run.run)-\(names.count + 1)" : run.run
    names.append(name)
    try writeAtomically(
      saliencyRows(run, characters: characters, shown: shown),
      to: "\(folder)/saliency-text-\(name).svg")
  }
  print(table)
  print(
    "written: \(folder)/saliency.md, saliency.json, saliency-by-distance.svg, saliency-text-*.svg")
}

/// The distances the table shows, up to the reach.
private func shownDistances(_ reach: Int) -> [Int] {
  Array(Set([1, 2, 3, 5, 10, 20, reach].filter { $0 <= reach })).sorted()
}

private func saliencyTable(_ runs: [SaliencyRun], text: String) -> String {
  guard let reach = runs.first?.saliency.reach else { return "" }
  let ks = shownDistances(reach)
  let far = min(10, reach)
  var lines = [
    "## How far back each model looks", "",
    "Each prediction of \(runs[0].saliency.positions.count) characters, \(reach) back: the mean over positions of ‖∂ ln p(x_t | x_<t) / ∂ x_{t−k}‖, its ratio to k = 1, and the share of each row's total at k ≥ \(far) (mean over positions); the loss is the model's −ln p on the same predictions, in nats per character.",
    "",
    "| run | model | loss | " + ks.map { "k = \($0)" }.joined(separator: " | ")
      + " | k = \(far) / k = 1 | k = \(reach) / k = 1 | share at k ≥ \(far) |",
    "|---|---|---:|" + String(repeating: "---:|", count: ks.count + 3),
  ]
  for run in runs {
    let mean = run.meanByDistance
    let share = run.meanShareByDistance[(far - 1)...].reduce(0, +)
    let cells = ks.map { String(format: "%.3g", mean[$0 - 1]) }
    lines.append(
      String(format: "| %@ | %@ | %.3f | ", run.run, run.model, run.saliency.meanLoss)
        + cells.joined(separator: " | ")
        + String(
          format: " | %.3g | %.3g | %.3f |", mean[far - 1] / max(mean[0], 1e-300),
          mean[reach - 1] / max(mean[0], 1e-300), share))
  }
  return lines.joined(separator: "\n") + "\n"
}

/// The mean size against k for every model, on a log scale: how far back each looks.
private func saliencyChart(_ runs: [SaliencyRun]) -> String {
  let series = runs.enumerated().map { i, run in
    LineChart.Series(
      name: "\(run.run): \(run.model)",
      points: run.meanByDistance.enumerated().map { (x: Double($0.offset + 1), y: $0.element) },
      colour: i)
  }
  return LineChart(
    title: "How far back the model looks", xLabel: "k, characters back",
    yLabel: "mean ‖∂ ln p(x_t) / ∂ x_{t−k}‖", series: series, logY: true,
    note: "mean over every position of the text"
  ).svg()
}

/// The first `shown` rows of the matrix over the text: each row is one prediction.
private func saliencyRows(_ run: SaliencyRun, characters: [String], shown: Int) -> String {
  let s = run.saliency
  let rows = zip(s.positions, s.rows).prefix(shown).map { t, row in
    WeightedText.Row(
      label: "t = \(t)", characters: Array(characters[(t - s.reach)...t]),
      weights: row.reversed() + [0], boxed: s.reach)
  }
  return WeightedText(
    title: "What each prediction depended on: \(run.run) (\(run.model))",
    note: "darker: a larger ‖∂ ln p(boxed) / ∂ input‖, each row scaled to its largest",
    rows: rows
  ).svg()
}
