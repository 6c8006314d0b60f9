import Foundation

/// The modules a Swift source imports, each with the line its name is on. `//` comments are
/// removed first, and an import split over lines (`import` then `ReferenceRNN` below it) is
/// still found. A block comment or a string that reads `import X` is found too: for what this is
/// used for, one import too many costs a slower build or a line to read, one too few a check
/// that misses.
public func importedModules(in text: String) -> [(line: Int, module: String)] {
  let code = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
    line.range(of: "//").map { line[..<$0.lowerBound] } ?? line
  }.joined(separator: "\n")
  let pattern =
    #/(?:^|[^\w.])import\s+(?:(?:typealias|struct|class|enum|protocol|let|var|func)\s+)?([A-Za-z_]\w*)/#
  return code.matches(of: pattern).map { match in
    let line = code[..<match.output.1.startIndex].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
    return (line, String(match.output.1))
  }
}

/// Every import of a module exercises may not use (`CourseCheck.allowedImports`) in the Swift
/// files under `folders`: what `grader check` lints, and what makes a build ask SwiftPM to check
/// imports against the package graph (that check costs about 0.3 s on every build, even one with
/// nothing to compile: 0.9 against 0.55 s here).
func disallowedImports(in folders: [String], root: URL) -> [(
  file: String, line: Int, module: String
)] {
  let locator = StubLocator(root: root)
  return folders.flatMap(locator.swiftFiles).flatMap { file in
    importedModules(in: readText(root.appendingPathComponent(file)))
      .filter { !CourseCheck.allowedImports.contains($0.module) }
      .map { (file, $0.line, $0.module) }
  }
}
