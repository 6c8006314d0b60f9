import CourseSupport
import Foundation
import ReferenceRNN

/// What `rnn seq2seq` writes and prints: the accuracy table, the beam table, the pictures.
struct Seq2SeqFiles {
  let settings: Seq2SeqSettings
  let runs: [Seq2SeqRun]
  let beams: [Seq2SeqBeamResult]

  /// What results.json holds per trained model.
  struct RunRecord: Codable {
    var variant: Seq2SeqVariant
    var seed: UInt64
    var accuracyByLength: [Double]
    var finalLossPerToken: Double
    var seconds: Double
  }

  struct Results: Codable {
    var settings: Seq2SeqSettings
    var runs: [RunRecord]
    var beams: [Seq2SeqBeamResult]
    /// Per variant, the first length whose mean accuracy over the seeds is below one half.
    var failsAt: [String: Int]
  }

  func write(to folder: String) throws {
    let report = accuracyTable() + "\n" + beamTable()
    let results = Results(
      settings: settings,
      runs: runs.map {
        RunRecord(
          variant: $0.variant, seed: $0.seed, accuracyByLength: $0.accuracyByLength,
          finalLossPerToken: $0.finalLoss, seconds: $0.seconds)
      }, beams: beams,
      failsAt: Dictionary(
        uniqueKeysWithValues: Seq2SeqVariant.allCases.compactMap { v in
          failingLength(v).map { (v.rawValue, $0) }
        }))
    try writeAtomically(
      "# Sequence to sequence: digit words to digits\n\n" + report, to: folder + "/report.md")
    try writeAtomically(try json(results), to: folder + "/results.json")
    try writeAtomically(accuracyChart(), to: folder + "/accuracy.svg")
    let maps = attentionMaps()
    for (k, svg) in maps.enumerated() {
      try writeAtomically(svg, to: folder + "/attention-\(k + 1).svg")
    }
    print(report)
    print(
      "written: \(folder)/report.md, results.json, accuracy.svg\(maps.isEmpty ? "" : ", attention-1…\(maps.count).svg")"
    )
    try writePage(folder, command: "seq2seq")
  }

  /// Mean accuracy over the seeds, per variant and length.
  func meanAccuracy(_ v: Seq2SeqVariant) -> [Double] {
    let rows = runs.filter { $0.variant == v }.map(\.accuracyByLength)
    return (0..<settings.maxLength).map { n in
      rows.map { $0[n] }.reduce(0, +) / Double(max(rows.count, 1))
    }
  }

  /// The first length whose mean accuracy is below one half; nil when none is.
  func failingLength(_ v: Seq2SeqVariant) -> Int? {
    meanAccuracy(v).firstIndex { $0 < 0.5 }.map { $0 + 1 }
  }

  func accuracyTable() -> String {
    let variants = Seq2SeqVariant.allCases
    var lines = [
      settings.seeds.count == 1
        ? "Exact-match accuracy, greedy, seed \(settings.seeds[0]); \(settings.perLength) held-out examples per length."
        : "Exact-match accuracy, greedy, mean (lowest–highest) over seeds \(settings.seeds.map(String.init).joined(separator: ", ")); \(settings.perLength) held-out examples per length.",
      "",
      "| words | " + variants.map(\.title).joined(separator: " | ") + " |",
      "|---:|" + variants.map { _ in "---:|" }.joined(),
    ]
    for n in 0..<settings.maxLength {
      let cells = variants.map { v in
        let a = runs.filter { $0.variant == v }.map { $0.accuracyByLength[n] }
        let mean = a.reduce(0, +) / Double(max(a.count, 1))
        return a.count == 1
          ? String(format: "%.2f", mean)
          : String(format: "%.2f (%.2f–%.2f)", mean, a.min() ?? .nan, a.max() ?? .nan)
      }
      lines.append("| \(n + 1) | \(cells.joined(separator: " | ")) |")
    }
    lines.append("")
    for v in variants {
      lines.append(
        "- \(v.title): "
          + (failingLength(v).map {
            "mean accuracy falls below one half at \($0) word\($0 == 1 ? "" : "s")"
          }
            ?? "mean accuracy stays at or above one half up to \(settings.maxLength) words"))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  func beamTable() -> String {
    var lines = [
      "Greedy (width 1) against beam search: accuracy over all lengths, mean over seeds, and the time to decode the \(settings.perLength * settings.maxLength) held-out examples (mean per model).",
      "",
      "| width | "
        + Seq2SeqVariant.allCases.map { "\($0.title): accuracy, time" }.joined(separator: " | ")
        + " |",
      "|---:|" + Seq2SeqVariant.allCases.map { _ in "---:|" }.joined(),
    ]
    for width in settings.beams {
      let cells = Seq2SeqVariant.allCases.map { v in
        let rows = beams.filter { $0.variant == v && $0.width == width }
        let n = Double(max(rows.count, 1))
        return String(
          format: "%.3f, %.1f s", rows.map(\.accuracy).reduce(0, +) / n,
          rows.map(\.seconds).reduce(0, +) / n)
      }
      lines.append("| \(width) | \(cells.joined(separator: " | ")) |")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  func accuracyChart() -> String {
    var series: [LineChart.Series] = []
    for (k, v) in Seq2SeqVariant.allCases.enumerated() {
      series.append(
        .init(
          name: "\(v.title), mean over seeds",
          points: meanAccuracy(v).enumerated().map { (Double($0 + 1), $1) }, colour: k))
      series.append(
        .init(
          name: "\(v.title), each seed",
          points: runs.filter { $0.variant == v }.flatMap { run in
            run.accuracyByLength.enumerated().map { (Double($0 + 1), $1) }
          }, style: .dots, colour: k))
    }
    return LineChart(
      title: "Digit words to digits: exact matches against the source's length",
      xLabel: "source length (words)",
      yLabel: "exact-match accuracy (greedy, held out)", series: series,
      xRange: 1...Double(max(settings.maxLength, 2)), yRange: 0...1,
      xTicks: (1...settings.maxLength).map(Double.init)
    ).svg()
  }

  /// The attention model of the first seed on three held-out sources, short to long: α for each
  /// output token (rows) over the source's words (columns).
  func attentionMaps() -> [String] {
    guard let run = runs.first(where: { $0.variant == .attention }) else { return [] }
    let model = run.variant.model(hidden: settings.hidden)
    var rng = SeededGenerator(seed: 4242)
    let task = DigitWords(maxLength: settings.maxLength)
    let lengths = [4, settings.maxLength / 2, settings.maxLength].filter { $0 >= 1 }
    return lengths.map { n in
      let example = task.example(length: n, using: &rng)
      let out = model.greedy(example.source, parameters: run.parameters)
      let right = out.tokens == Array(example.target.dropLast())
      return Heatmap(
        title: "Where attention looked: \(DigitWords.sourceText(example.source))",
        xLabel: "source word", yLabel: "output token",
        values: out.attention.map(\.scalars),
        columnLabels: example.source.map { DigitWords.words[$0] }, range: 0...1,
        rowLabels: (out.tokens + [DigitWords.end]).prefix(out.attention.count).map {
          DigitWords.targetSymbols[$0]
        },
        note:
          "output \(DigitWords.targetText(out.tokens)) (\(right ? "right" : "wrong")); seed \(run.seed)"
      ).svg()
    }
  }
}
