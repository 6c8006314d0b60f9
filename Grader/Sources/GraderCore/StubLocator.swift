import Foundation

/// Finds `func name(` in an exercise's sources: where a task's work is, for learners' messages.
struct StubLocator {
  let root: URL

  func locate(_ function: String, in folder: String) -> SourcePlace? {
    for file in swiftFiles(in: folder) {
      let text = readText(root.appendingPathComponent(file))
      for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
        .enumerated()
      where line.contains("func \(function)(") || line.contains("func \(function)<") {
        return SourcePlace(file: file, line: index + 1)
      }
    }
    return nil
  }

  /// The `.swift` files under `folder` (relative to the root), sorted, as relative paths.
  func swiftFiles(in folder: String) -> [String] {
    let base = root.appendingPathComponent(folder)
    guard let walker = FileManager.default.enumerator(atPath: base.path) else { return [] }
    var files: [String] = []
    while let item = walker.nextObject() as? String {
      if item.hasSuffix(".swift") { files.append(folder + "/" + item) }
    }
    return files.sorted()
  }

  /// `Ex01/Forward.swift` (module/file, as the runtime names a trap's place) → the file on disk.
  func file(forFileID fileID: String, exercise: Exercise, mode: SourceMode) -> String? {
    let parts = fileID.split(separator: "/", maxSplits: 1)
    guard parts.count == 2, parts[0] == exercise.module else { return nil }
    let folder = mode.sourceFolder + "/" + exercise.folder
    return swiftFiles(in: folder).first { $0.hasSuffix("/" + parts[1]) }
  }
}
