import Foundation

/// Which commands wrote a folder, kept in its `page.json`: the page shows each command's line,
/// and the runs index its latest. A command run again replaces its own entry.
struct PageRecord: Codable {
  /// One command that wrote into the folder.
  struct Entry: Codable {
    /// The subcommand's name ("train", "saliency").
    var command: String
    /// The command line as typed, for the learner to run again.
    var line: String
    /// When it ran, ISO 8601 in UTC to the millisecond (sorts as text).
    var date: String
    /// What it printed of its measurements, for a command that writes no table of them.
    var printed: [String]? = nil

    /// The date as a reader reads it: "2026-12-05 22:03 UTC".
    var shownDate: String { date.prefix(16).replacingOccurrences(of: "T", with: " ") + " UTC" }
  }

  var entries: [Entry] = []

  static func file(_ folder: String) -> String { folder + "/page.json" }

  /// The folder's record, empty when it has none (or one that does not read).
  static func load(_ folder: String) -> PageRecord {
    FileManager.default.contents(atPath: file(folder)).flatMap {
      try? JSONDecoder().decode(PageRecord.self, from: $0)
    } ?? PageRecord()
  }

  /// Adds this process's command line as `command`'s entry, with the lines it `printed`, and
  /// saves the record.
  static func add(_ command: String, to folder: String, printed: [String] = []) throws {
    var record = load(folder)
    record.entries.removeAll { $0.command == command }
    // Fractions of a second: commands run one after another within a second still sort.
    let format = ISO8601DateFormatter()
    format.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    let date = format.string(from: Date())
    record.entries.append(
      Entry(
        command: command, line: commandLine(), date: date, printed: printed.isEmpty ? nil : printed)
    )
    try writeAtomically(try json(record), to: file(folder))
  }

  /// The latest entry: what the runs index names the folder by.
  var latest: Entry? { entries.max { $0.date < $1.date } }
}

/// `swift run -c release rnn` and this process's arguments, quoted where the shell needs it.
func commandLine() -> String {
  let words = CommandLine.arguments.dropFirst().map { word in
    word.isEmpty || word.contains(where: { " \"'$\\\n\t*?;&|<>()`".contains($0) })
      ? "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" : word
  }
  return (["swift run -c release rnn"] + words).joined(separator: " ")
}

/// The lines a command prints that also show on its page as what it measured.
struct Transcript {
  private(set) var lines: [String] = []

  /// Prints `line` and keeps it.
  mutating func say(_ line: String) {
    print(line)
    lines.append(line)
  }
}
