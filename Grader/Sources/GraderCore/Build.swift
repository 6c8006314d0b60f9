import Foundation

/// A compiler or package-manager error, with its place when it has one.
public struct CompilerDiagnostic: Sendable, Equatable, Codable {
  /// Relative to the course root when inside it.
  public let file: String?
  public let line: Int?
  public let column: Int?
  public let message: String

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

/// Builds the course and its test suites for `mode`.
///
/// `--explicit-target-dependency-import-check error` turns an import the package graph does not
/// declare (an exercise importing ReferenceRNN, say) into a build error instead of a lucky pass.
public func buildCourse(root: URL, mode: SourceMode, isolating: [Exercise] = []) throws
  -> BuildOutcome
{
  guard let swift = findExecutable("swift") else {
    throw GraderError("cannot find `swift` on PATH: install the Swift 6 toolchain")
  }
  var environment = mode.environment
  if !isolating.isEmpty {
    environment["RNN_COURSE_STUBBED"] = isolating.map(\.folder).joined(separator: ",")
  }
  let outcome = try runProcess(
    swift,
    [
      "build", "--build-tests",
      "--scratch-path", mode.scratchPath,
      "--explicit-target-dependency-import-check", "error",
    ],
    in: root, environment: environment)
  let output = outcome.standardOutput + "\n" + outcome.standardError
  let succeeded = outcome.ending == .exited(0)
  return BuildOutcome(
    succeeded: succeeded, errors: parseDiagnostics(output, root: root), output: output,
    duration: outcome.duration)
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
    if let diagnostic, seen.insert(diagnostic.location + diagnostic.message).inserted {
      result.append(diagnostic)
    }
  }
  return result
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
