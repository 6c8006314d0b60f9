import CourseSupport
import Foundation
import ReferenceRNN

extension AuthorEvaluation {
  /// report.md, results.json and accuracy.svg in `folder`; the report printed.
  func write(to folder: String) throws {
    let report = markdown()
    try writeAtomically(report, to: folder + "/report.md")
    try writeAtomically(try json(self), to: folder + "/results.json")
    var series: [LineChart.Series] = []
    for (k, name) in Self.classifiers.enumerated() {
      let points = zip(Self.lengths, accuracy[name] ?? []).map { (x: Double($0), y: $1) }
      series.append(LineChart.Series(name: name, points: points, colour: k))
      series.append(LineChart.Series(name: "", points: points, style: .dots, colour: k))
    }
    let chance = 1 / Double(authors.count)
    series.append(
      LineChart.Series(
        name: "chance", points: [(0, chance), (Double(Self.lengths.last ?? 500), chance)],
        style: .dashed, colour: 5))
    try writeAtomically(
      LineChart(
        title: "Who wrote it? Accuracy on held-out passages", xLabel: "passage length (characters)",
        yLabel: "accuracy", series: series, yRange: 0...1
      ).svg(), to: folder + "/accuracy.svg")
    print(report)
    print("written: \(folder)/report.md, results.json, accuracy.svg, models/")
    try writePage(folder, command: "authors")
  }

  func markdown() -> String {
    var lines = ["# Who wrote it?", "", setup, ""]
    lines += problems.flatMap { [$0, ""] }
    lines += ["## Accuracy on held-out passages", ""]
    lines.append(
      "| classifier | " + Self.lengths.map { "\($0) characters" }.joined(separator: " | ") + " |")
    lines.append("|---|" + Self.lengths.map { _ in "---:|" }.joined())
    for name in Self.classifiers {
      lines.append(
        "| \(name) | "
          + (accuracy[name] ?? []).map { String(format: "%.3f", $0) }.joined(separator: " | ")
          + " |")
    }
    lines += ["", "Chance is \(String(format: "%.3f", 1 / Double(authors.count))).", ""]
    lines += [
      "## Confusion at \(passage) characters (rows: who wrote it; columns: who was named)", "",
    ]
    for name in Self.classifiers {
      lines += [
        "**\(name)**", "", "| | " + authors.joined(separator: " | ") + " |",
        "|---|" + authors.map { _ in "---:|" }.joined(),
      ]
      for (a, row) in (confusion[name] ?? []).enumerated() {
        lines.append("| \(authors[a]) | " + row.map(String.init).joined(separator: " | ") + " |")
      }
      lines.append("")
    }
    lines += modelHealth()
    lines += ["## Style, per author (mean over held-out passages of \(passage) characters)", ""]
    lines += [
      "| statistic | " + authors.joined(separator: " | ") + " |",
      "|---|" + authors.map { _ in "---:|" }.joined(),
    ]
    for (i, statistic) in StyleStatistics.names.enumerated() {
      lines.append(
        "| \(statistic) | " + style.map { String(format: "%.3f", $0[i]) }.joined(separator: " | ")
          + " |")
    }
    lines += [
      "", "## What the feature classifier leans on (the five largest weights toward each author)",
      "",
    ]
    for (k, author) in authors.enumerated() {
      lines.append(
        "- **\(author)**: "
          + strongest[k].map { String(format: "%@ (%.2f)", $0.name, $0.weight) }.joined(
            separator: "; "))
    }
    lines += ["", "## Can you tell which model wrote it?", ""]
    lines.append(
      "Passages of \(passage) characters that each author's model wrote (temperature 0.8), 20 per author: "
        + Self.classifiers.map { String(format: "%@ %.3f", $0, generated[$0] ?? .nan) }.joined(
          separator: ", ") + ".")
    return lines.joined(separator: "\n") + "\n"
  }

  /// Each model on each author's held-out text, and its fresh-state check.
  func modelHealth() -> [String] {
    var lines = [
      "## The models on each author's held-out text",
      "",
      "Loss per character from a fresh state on the first \(Self.healthCharacters) characters of each author's held-out text (a uniform guess scores \(String(format: "%.3f", uniform))). Down each column, the author's own model should score lowest: that is the comparison the likelihood classifier makes.",
      "",
      "| model | " + authors.joined(separator: " | ") + " | from a fresh state |",
      "|---|" + authors.map { _ in "---:|" }.joined() + "---|",
    ]
    for (k, row) in ownText.enumerated() {
      let check = freshState.indices.contains(k) ? freshState[k] : nil
      let fresh = check.map { $0.passed ? "works" : "BROKEN" } ?? "not checked"
      lines.append(
        "| \(authors[k]) | " + row.map { String(format: "%.3f", $0) }.joined(separator: " | ")
          + " | \(fresh) |")
    }
    return lines + [""]
  }
}
