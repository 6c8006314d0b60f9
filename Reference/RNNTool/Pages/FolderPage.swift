import CourseSupport
import Foundation

/// A folder's `index.html`, made from what is in it: the commands that wrote it (each with its
/// line and what the lesson says to look for), a training run's numbers, chart and samples, the
/// reports (table.md, report.md), every picture, and links to the other files. Any command that
/// writes into the folder writes the page again, so it always shows the folder as it is.
struct FolderPage {
  let folder: String
  /// A training still running: its page shows the run so far and reloads itself.
  var live: LiveTraining? = nil

  /// Seconds between reloads of a page whose run is still going.
  static let refreshSeconds = 4

  func document() -> String {
    let record = PageRecord.load(folder)
    let pictures = FolderPictures(folder: folder)
    var page = HTMLPage(title: folder, refresh: live == nil ? nil : Self.refreshSeconds)
    page.sections += record.entries.map(madeBy)
    let training = TrainingPart(folder: folder, live: live)
    if let section = training.section(pictures) { page.sections.append(section) }
    for report in pictures.files where report.hasSuffix(".md") {
      let text = String(decoding: read(report), as: UTF8.self)
      page.sections.append("<section>\(markdownHTML(text))</section>")
    }
    let shown = pictures.names.filter { !training.shows($0) }
    if !shown.isEmpty {
      page.sections.append(
        "<h2>Pictures</h2>\n" + shown.compactMap(pictures.figure).joined(separator: "\n"))
    }
    page.sections.append(fileLinks(pictures.files))
    return page.document()
  }

  /// Writes the page, atomically.
  func write() throws { try writeAtomically(document(), to: folder + "/index.html") }

  private func read(_ name: String) -> Data {
    FileManager.default.contents(atPath: folder + "/" + name) ?? Data()
  }

  private func madeBy(_ entry: PageRecord.Entry) -> String {
    let note = PageNote.of(entry.command)
    var out = "<h2>\(html(note.title))</h2>\n<pre class=\"command\">\(html(entry.line))</pre>"
    if !note.lookFor.isEmpty {
      let source = note.lesson.map { " <i>(from the lesson, \(html($0)))</i>" } ?? ""
      out += "\n<p class=\"lesson\"><b>What to look for.</b> \(html(note.lookFor))\(source)</p>"
    }
    if let printed = entry.printed {
      out +=
        "\n<h3>What it measured</h3>\n<pre class=\"columns\">\(html(printed.joined(separator: "\n")))</pre>"
    }
    return out + "\n<p><small>run \(html(entry.shownDate))</small></p>"
  }

  private func fileLinks(_ files: [String]) -> String {
    let links = files.filter { $0 != "index.html" }.map {
      "<a href=\"\(html($0))\">\(html($0))</a>"
    }
    return "<h2>Files in this folder</h2>\n<p class=\"files\">\(links.joined(separator: " "))</p>"
  }
}
