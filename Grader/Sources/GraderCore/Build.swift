import Foundation

/// A compiler or package-manager error, with its place when it has one.
public struct CompilerDiagnostic: Sendable, Equatable, Codable {
  /// Relative to the course root when inside it.
  public let file: String?
  public let line: Int?
  public let column: Int?
  public let message: String
  /// The line of source the error is on, as the compiler shows it above its caret.
  public var sourceLine: String? = nil

  public var location: String {
    guard let file else { return "" }
    return [file, line.map(String.init), column.map(String.init)].compactMap { $0 }.joined(
      separator: ":")
  }
}

public struct BuildOutcome: Sendable {
  public let succeeded: Bool
  /// Errors only, each once, in the order the compiler printed them.
  public let errors: [CompilerDiagnostic]
  public let output: String
  public let duration: Double
}

/// Builds the course's test suites for `mode` (the one test product, and what it needs), or,
/// with `everything`, every target (the tools too: `grader check` tests them).
///
/// SwiftPM's import check turns an import the package graph does not declare (an exercise
/// importing ReferenceRNN, say) into a build error instead of a lucky pass. It is asked for when
/// the exercises' sources (`course`'s, in `mode`) import anything beyond what they may, and for
/// `everything`.
public func buildCourse(
  root: URL, mode: SourceMode, course: Course, isolating: [Exercise] = [],
  everything: Bool = false
) throws -> BuildOutcome {
  var environment = mode.environment
  if !everything { environment["RNN_COURSE_TOOLKIT_TESTS"] = "no" }  // see Package.swift
  if !isolating.isEmpty {
    environment["RNN_COURSE_STUBBED"] = isolating.map(\.folder).joined(separator: ",")
  }
  let checkImports =
    everything
    || !disallowedImports(
      in: course.exercises.map { mode.sourceFolder + "/" + $0.folder }, root: root
    ).isEmpty
  return try swiftBuild(
    everything ? ["--build-tests"] : ["--product", testProduct(root: root)], root: root,
    scratchPath: mode.scratchPath, environment: environment, checkImports: checkImports)
}

/// `swift build` with `arguments` in `scratchPath`, undeclared imports as errors (unless
/// `checkImports` is false), and its errors read back: the one way the grader and the tools
/// build part of the course.
public func swiftBuild(
  _ arguments: [String], root: URL, scratchPath: String, environment: [String: String],
  checkImports: Bool = true
) throws -> BuildOutcome {
  guard let swift = findExecutable("swift") else {
    throw GraderError("cannot find `swift` on PATH: install the Swift 6 toolchain")
  }
  let outcome = try runProcess(
    swift,
    ["build"] + arguments + ["--scratch-path", scratchPath]
      + (checkImports ? ["--explicit-target-dependency-import-check", "error"] : []),
    in: root, environment: environment)
  let output = outcome.standardOutput + "\n" + outcome.standardError
  return BuildOutcome(
    succeeded: outcome.ending == .exited(0), errors: parseDiagnostics(output, root: root),
    output: output, duration: outcome.duration)
}

/// SwiftPM's name for the product holding every test target: the package's name + PackageTests.
func testProduct(root: URL) -> String {
  let manifest = readText(root.appendingPathComponent("Package.swift"))
  let name = manifest.range(of: #"Package\(\s*name:\s*"([^"]+)""#, options: .regularExpression)
    .map { manifest[$0].split(separator: "\"")[1] }
  return (name.map(String.init) ?? "") + "PackageTests"
}

/// The distinct errors in compiler/SwiftPM output: `path:line:col: error: message` lines and
/// SwiftPM's own `error: …` lines.
public func parseDiagnostics(_ output: String, root: URL) -> [CompilerDiagnostic] {
  var seen = Set<String>()
  var result: [CompilerDiagnostic] = []
  let rootPrefix = root.standardizedFileURL.path + "/"
  for rawLine in output.split(separator: "\n", omittingEmptySubsequences: true) {
    let line = String(rawLine).trimmingCharacters(in: .whitespaces)
    var diagnostic: CompilerDiagnostic?
    if let range = line.range(of: ": error: ") {
      let place = line[..<range.lowerBound].split(separator: ":", omittingEmptySubsequences: false)
      let message = String(line[range.upperBound...])
      if place.count >= 3, let l = Int(place[place.count - 2]), let c = Int(place[place.count - 1])
      {
        var file = place[0..<(place.count - 2)].joined(separator: ":")
        if file.hasPrefix(rootPrefix) { file.removeFirst(rootPrefix.count) }
        diagnostic = CompilerDiagnostic(file: file, line: l, column: c, message: message)
      } else if place.count == 1, !place[0].contains(" ") {
        var file = String(place[0])
        if file.hasPrefix(rootPrefix) { file.removeFirst(rootPrefix.count) }
        diagnostic = CompilerDiagnostic(file: file, line: nil, column: nil, message: message)
      }
    } else if line.hasPrefix("error: ") {
      let message = String(line.dropFirst("error: ".count))
      // "fatalError" etc. are the compiler's echo of the source; SwiftPM's summary lines are noise.
      if !message.hasPrefix("fatalError") && !message.contains("emit-module command failed")
        && !message.hasPrefix("compile command failed")
      {
        diagnostic = CompilerDiagnostic(file: nil, line: nil, column: nil, message: message)
      }
    }
    if var diagnostic, seen.insert(diagnostic.location + diagnostic.message).inserted {
      diagnostic.sourceLine = sourceLine(diagnostic, root: root)
      result.append(diagnostic)
    }
  }
  return result
}

/// The source line a diagnostic points at, read from its file.
func sourceLine(_ d: CompilerDiagnostic, root: URL) -> String? {
  guard let file = d.file, let line = d.line, line >= 1 else { return nil }
  let url = file.hasPrefix("/") ? URL(fileURLWithPath: file) : root.appendingPathComponent(file)
  let lines = readText(url).split(separator: "\n", omittingEmptySubsequences: false)
  return line <= lines.count ? String(lines[line - 1]) : nil
}

extension CompilerDiagnostic {
  /// The source line and a caret under the column, as the compiler draws them. The column counts
  /// UTF-8 bytes; the caret is placed by characters, and tabs are kept so it lines up.
  public var sourceWithCaret: [String]? {
    guard let sourceLine, let column, column >= 1 else { return nil }
    let bytes = Array(sourceLine.utf8.prefix(column - 1))
    let before = String(decoding: bytes, as: UTF8.self)
    let padding = String(before.map { $0 == "\t" ? "\t" : " " })
    return [sourceLine, padding + "^"]
  }
}

extension CompilerDiagnostic {
  /// Whether this error belongs to `exercise`: in its sources (either mode), in its suite, or a
  /// SwiftPM error that names its module.
  public func belongs(to exercise: Exercise) -> Bool {
    if let file {
      return file.hasPrefix(exercise.exercisePath + "/")
        || file.hasPrefix(exercise.solutionPath + "/")
        || file.hasPrefix(exercise.testsPath + "/")
    }
    return message.hasPrefix("Target \(exercise.module) ")
      || message.hasPrefix("Target \(exercise.testTarget) ")
  }
}
