/// What learner code printed, cut to a size a report can carry: the first and last lines, with
/// a count of what was cut between them, and every line cut to a readable width.
enum LearnerOutput {
  static let headLines = 15
  static let tailLines = 15
  static let lineWidth = 200

  /// nil when nothing was printed.
  static func trimmed(_ text: String) -> String? {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    while lines.last?.isEmpty == true { lines.removeLast() }
    guard !lines.isEmpty else { return nil }
    var kept = lines
    if lines.count > headLines + tailLines {
      let cut = lines.count - headLines - tailLines
      kept =
        Array(lines.prefix(headLines)) + ["… \(cut) lines cut …"] + Array(lines.suffix(tailLines))
    }
    return kept.map(shortened).joined(separator: "\n")
  }

  static func shortened(_ line: String) -> String {
    guard line.count > lineWidth else { return line }
    return String(line.prefix(lineWidth)) + " … (\(line.count - lineWidth) more characters)"
  }
}
