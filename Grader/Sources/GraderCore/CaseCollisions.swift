import Foundation

/// Paths under `root` that differ only in case, as one line each: on a Mac's default disk
/// (case-insensitive) a clone puts both in one folder, and the package no longer builds. The
/// files are git's (tracked, and untracked but not ignored) where `root` is a checkout, every
/// file outside dot-folders and `.build*` otherwise.
public func caseCollisions(root: URL) -> [String] {
  var byLowercase: [String: Set<String>] = [:]
  for file in repositoryFiles(root: root) {
    // Every folder on the way counts too: `Reference/RNN/a` and `Reference/rnn/b` collide.
    var prefix = ""
    for component in file.split(separator: "/") {
      prefix += (prefix.isEmpty ? "" : "/") + component
      byLowercase[prefix.lowercased(), default: []].insert(prefix)
    }
  }
  return byLowercase.values.filter { $0.count > 1 }.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    .map { paths in
      "\(paths.joined(separator: " and ")): paths that differ only in case (one folder on a Mac's disk): rename one"
    }
}

private func repositoryFiles(root: URL) -> [String] {
  if FileManager.default.fileExists(atPath: root.appendingPathComponent(".git").path),
    let git = findExecutable("git"),
    let listed = try? runProcess(
      git, ["ls-files", "-co", "--exclude-standard"], in: root, environment: [:]),
    listed.ending == .exited(0)
  {
    // Files deleted but not yet staged are still in git's list: only what is on disk counts.
    return listed.standardOutput.split(separator: "\n").map(String.init).filter {
      FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path)
    }
  }
  var files: [String] = []
  let base = root.standardizedFileURL.path
  let walker = FileManager.default.enumerator(
    at: root, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
  while let url = walker?.nextObject() as? URL {
    let path = String(url.standardizedFileURL.path.dropFirst(base.count + 1))
    if url.lastPathComponent.hasPrefix(".build") {
      walker?.skipDescendants()
    } else {
      files.append(path)
    }
  }
  return files
}
