import CourseSupport
import Foundation
import ReferenceRNN

/// What one reset rule did over all seeds.
struct FreshStateRule: Codable {
  var resets: String
  var runs: Int
  var broken: Int
  /// Means over every run: from a zero state at the validation's start, and (the model's own
  /// quality, what a rule costs) from the state training carried.
  var meanValidationLoss: Double
  var meanCarriedLoss: Double
  var meanTrainingLoss: Double
  var meanSeconds: Double

  init(_ name: String, _ runs: [FreshStateRun]) {
    func mean(_ xs: [Double]) -> Double { xs.reduce(0, +) / Double(max(xs.count, 1)) }
    resets = name
    self.runs = runs.count
    broken = runs.filter { !$0.check.passed }.count
    meanValidationLoss = mean(runs.map(\.validationLoss))
    meanCarriedLoss = mean(runs.map { mean($0.check.carried) })
    meanTrainingLoss = mean(runs.map(\.trainingLoss))
    meanSeconds = mean(runs.map(\.seconds))
  }
}

struct FreshStateResults: Codable {
  var source: String
  var model: ModelSpec
  var iterations: Int
  var sequenceLength: Int
  var rules: [FreshStateRule]
  var runs: [FreshStateRun]
  /// The seed drawn in the pictures, when one broke under the first rule and not the last.
  var pictured: Int?
}

extension FreshStateStudy {
  func write(_ runs: [FreshStateRun], kept: [String: [Int: TrainedForStudy]]) throws {
    let rules = self.rules.map { rule in
      FreshStateRule(rule.name, runs.filter { $0.resets == rule.name })
    }
    let pictured = try drawPictures(runs, kept: kept)
    let results = FreshStateResults(
      source: text.source, model: model.spec(vocabularySize: corpus.vocabulary.count),
      iterations: iterations, sequenceLength: sequenceLength, rules: rules, runs: runs,
      pictured: pictured)
    let report = markdown(results)
    try writeAtomically(report, to: folder + "/report.md")
    try writeAtomically(try json(results), to: folder + "/results.json")
    print("")
    print(report)
    let pictures = pictured == nil ? "" : ", fresh-loss.svg, hidden-state.svg"
    print("written: \(folder)/report.md, results.json\(pictures)")
    try writePage(folder, command: "fresh-state")
  }

  func markdown(_ r: FreshStateResults) -> String {
    var lines = [
      "# Does the model work from a fresh state?", "",
      "\(r.model.description) trained on \(r.source) (\(corpus.training.count) characters), \(r.iterations) iterations of sequence \(r.sequenceLength), seeds 1–\(seeds.count). Each model is scored on \(FreshStateCheck.defaultSegments) stretches of the validation text (the last tenth), once from a zero state and once from the state training carried; it is **broken** when some stretch scores more than \(FreshStateCheck.tolerance) nats per character worse from zero.",
      "",
      "| windows from a zero state | broken runs | validation from zero (mean) | from the carried state (mean) | training (mean) | seconds per run |",
      "|---|---:|---:|---:|---:|---:|",
    ]
    for rule in r.rules {
      lines.append(
        String(
          format: "| %@ | %d of %d | %.3f | %.3f | %.3f | %.2f |", ruleTitle(rule.resets),
          rule.broken, rule.runs, rule.meanValidationLoss, rule.meanCarriedLoss,
          rule.meanTrainingLoss, rule.meanSeconds))
    }
    lines += [
      "",
      "The column \"from the carried state\" is the model's quality where it trained, broken or not: what a rule costs.",
    ]
    if let seed = r.pictured {
      lines += [
        "",
        "Pictured: seed \(seed), broken under \(ruleTitle(rules[0].name)) and healthy under \(ruleTitle(rules[rules.count - 1].name)), read from a zero state where the broken model is worst: `fresh-loss.svg` (the loss along the stretch) and `hidden-state.svg` (every hidden unit, character by character).",
      ]
    }
    return lines.joined(separator: "\n") + "\n"
  }

  func ruleTitle(_ name: String) -> String {
    switch name {
    case "never", "0", "0.0": "never (min-char-rnn)"
    case "paragraphs": "after a blank line"
    case "1", "1.0": "every window (no state carried)"
    default: Double(name).map { String(format: "%g%% of windows, at random", $0 * 100) } ?? name
    }
  }

  /// The loss along the stretch where the pictured seed's broken model is worst, and the hidden
  /// states of both models there. nil when no seed broke under the first rule only; then
  /// pictures of an earlier run in the folder are removed, since they no longer match it.
  func drawPictures(_ runs: [FreshStateRun], kept: [String: [Int: TrainedForStudy]]) throws
    -> Int?
  {
    let last = rules[rules.count - 1].name
    guard rules.count >= 2,
      let broken = runs.first(where: { run in
        run.resets == rules[0].name && !run.check.passed
          && runs.contains { $0.resets == last && $0.seed == run.seed && $0.check.passed }
      }),
      let worst = broken.check.worst, let bad = kept[rules[0].name]?[broken.seed],
      let good = kept[last]?[broken.seed]
    else {
      for file in ["fresh-loss.svg", "hidden-state.svg"] {
        try? FileManager.default.removeItem(atPath: "\(folder)/\(file)")
      }
      return nil
    }
    let start = broken.check.offsets[worst]
    let stretch = Array(corpus.validation[start..<(start + broken.check.length)])
    let badFresh = bad.trace(stretch, false)
    let goodFresh = good.trace(stretch, false)
    let badCarried = bad.trace(stretch, true)
    try writeAtomically(
      lossPicture(
        seed: broken.seed, start: start,
        [
          ("healthy (resets: \(rules[rules.count - 1].name)), from zero", goodFresh),
          ("broken (resets: \(rules[0].name)), from zero", badFresh),
          ("broken, from the state training carried", badCarried),
        ]), to: folder + "/fresh-loss.svg")
    try writeAtomically(
      hiddenPicture(
        seed: broken.seed, start: start, text: Array(stretch.prefix(120)), healthy: goodFresh,
        broken: badFresh, brokenCarried: badCarried), to: folder + "/hidden-state.svg")
    return broken.seed
  }

  private func lossPicture(seed: Int, start: Int, _ traces: [(String, StateTrace)]) -> String {
    // A running mean over 20 characters: single characters vary too much to read.
    func smoothed(_ xs: [Double]) -> [(x: Double, y: Double)] {
      xs.indices.map { i in
        let window = xs[max(0, i - 19)...i]
        return (x: Double(i + 1), y: window.reduce(0, +) / Double(window.count))
      }
    }
    return LineChart(
      title:
        "Seed \(seed): the loss along \(traces[0].1.losses.count + 1) characters of validation text",
      xLabel: "character after the start (offset \(start) of the validation text)",
      yLabel: "loss per character (mean of the last 20)",
      series: traces.map { LineChart.Series(name: $0.0, points: smoothed($0.1.losses)) },
      note: "the same text, two models of the same seed; the broken one never recovers from zero",
      yRange: 0...max(6, (traces.flatMap(\.1.losses).max() ?? 6).rounded(.up))
    ).svg()
  }

  /// Three panels over the same characters: the healthy model from zero, the broken one from
  /// zero, and how far the broken one's state from zero is from its state when it starts where
  /// training left it (units latched the wrong way show as bands that never fade).
  private func hiddenPicture(
    seed: Int, start: Int, text: [Int], healthy: StateTrace, broken: StateTrace,
    brokenCarried: StateTrace
  ) -> String {
    let labels = text.map { String(corpus.vocabulary.decode([$0])) }
    let width = max(760, Double(labels.count) * 9 + 150)
    let steps = labels.indices
    func map(_ title: String, _ range: ClosedRange<Double>, _ value: (Int, Int) -> Double) -> String
    {
      let units = healthy.hidden.first?.count ?? 0
      return Heatmap(
        title: title,
        xLabel:
          "character read: the first \(labels.count) of the stretch at offset \(start) of the validation text",
        yLabel: "hidden unit",
        values: (0..<units).map { u in steps.map { value($0, u) } }, columnLabels: labels,
        range: range
      ).svg(width: width, height: 380)
    }
    return stackedSVG(
      [
        map("Seed \(seed), healthy model: its hidden state from zero (−1 … 1)", -1...1) {
          healthy.hidden[$0][$1]
        },
        map("Seed \(seed), broken model: its hidden state from zero (−1 … 1)", -1...1) {
          broken.hidden[$0][$1]
        },
        map(
          "The broken model: |its state from zero − its state from where training left it| (0 … 2)",
          0...2
        ) {
          abs(broken.hidden[$0][$1] - brokenCarried.hidden[$0][$1])
        },
      ], width: width, height: 380)
  }
}

/// Pictures of the same size one above the other, as one SVG.
func stackedSVG(_ parts: [String], width: Double, height: Double) -> String {
  let total = height * Double(parts.count)
  var out = [
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(total))\" viewBox=\"0 0 \(Int(width)) \(Int(total))\">"
  ]
  for (k, part) in parts.enumerated() {
    out.append(
      part.replacingOccurrences(
        of: "<svg xmlns=\"http://www.w3.org/2000/svg\"",
        with: "<svg y=\"\(Int(height) * k)\"", options: .anchored))
  }
  out.append("</svg>")
  return out.joined(separator: "\n") + "\n"
}
