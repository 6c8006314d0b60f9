import Foundation

/// `runs/index.html`: every run in a `runs` folder, newest first, with the command that made
/// it, its model and final losses where it trained one, and a thumbnail of its first picture.
struct RunsIndex {
  let folder: String

  /// The runs folder around `run`: its parent, when that is named `runs` (a run written
  /// anywhere else has no index to join).
  static func around(_ run: String) -> RunsIndex? {
    let parent = URL(fileURLWithPath: run).standardizedFileURL.deletingLastPathComponent()
    return parent.lastPathComponent == "runs" ? RunsIndex(folder: folderHolding(run)) : nil
  }

  /// Each subfolder with a page, and its record, newest first.
  var runs: [(name: String, record: PageRecord)] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.compactMap { name -> (String, PageRecord)? in
      let record = PageRecord.load(folder + "/" + name)
      return record.latest == nil ? nil : (name, record)
    }.sorted { ($0.1.latest?.date ?? "", $1.0) > ($1.1.latest?.date ?? "", $0.0) }
  }

  func document() -> String {
    var page = HTMLPage(title: "Runs in \(folder)")
    page.sections.append("<p>Every run in this folder, newest first; each name opens its page.</p>")
    page.sections += runs.map { card($0.name, $0.record) }
    return page.document()
  }

  /// Writes the index, atomically.
  func write() throws { try writeAtomically(document(), to: folder + "/index.html") }

  /// One run: its thumbnail beside its name, date, command, model and final losses.
  private func card(_ name: String, _ record: PageRecord) -> String {
    let path = folder + "/" + name
    let summary = RunFolder(path: path).summary()
    let pictures = FolderPictures(folder: path)
    let first = pictures.names.contains("loss.svg") ? "loss.svg" : pictures.names.first
    let thumbnail = first.flatMap(pictures.dataURI).map {
      "<a href=\"\(html(name))/index.html\"><img src=\"\($0)\" alt=\"\(html(first ?? ""))\"></a>"
    }
    // The command that made the run: its training, else the first that wrote there.
    let maker =
      record.entries.first { $0.command == "train" } ?? record.entries.min { $0.date < $1.date }
    var lines = [
      "<h3><a href=\"\(html(name))/index.html\">\(html(name))</a> <small>\(html(record.latest?.shownDate ?? ""))</small></h3>",
      "<code>\(html(maker?.line ?? ""))</code>",
    ]
    if let s = summary {
      let validation = s.validationLossPerCharacter.map { String(format: ", validation %.3f", $0) }
      lines.append(
        "<p>\(html(s.model.description)): final loss per character "
          + String(format: "training %.3f", s.smoothLossPerCharacter) + (validation ?? "") + "</p>")
    }
    return
      "<div class=\"run\"><div class=\"thumb\">\(thumbnail ?? "")</div><div>\(lines.joined(separator: "\n"))</div></div>"
  }
}

/// What every command that writes a folder ends with: records its command line there, writes
/// the folder's page and the runs index around it, and names the page. `printed`: the lines it
/// printed of what it measured, when it writes no table of them.
func writePage(_ folder: String, command: String, printed: [String] = []) throws {
  try PageRecord.add(command, to: folder, printed: printed)
  try FolderPage(folder: folder).write()
  try RunsIndex.around(folder)?.write()
  print("open \(folder.hasSuffix("/") ? String(folder.dropLast()) : folder)/index.html")
}
