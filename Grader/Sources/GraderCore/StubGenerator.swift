import Foundation

/// Turns a solution file into its exercise file: every region between `// BEGIN SOLUTION` and
/// `// END SOLUTION` becomes `fatalError("TODO")` at the marker's indentation, or, when the
/// region holds `// STUB: code` lines, those lines (without the prefix). Everything outside the
/// regions is kept byte for byte.
///
///     public func clip(_ g: inout RNNParameters, limit: Double = 5) {
///       // BEGIN SOLUTION
///       for tensor in RNNTensor.allCases { … }
///       // END SOLUTION
///     }
public enum StubGenerator {
  public static let begin = "// BEGIN SOLUTION"
  public static let end = "// END SOLUTION"
  public static let stub = "// STUB:"
  /// What an unfinished stub traps with, and the line that traps: the one spelling of "TODO".
  public static let todoMessage = "TODO"
  public static let todoLine = "fatalError(\"\(todoMessage)\")"

  /// A solution region: the function it sits in and the marker's line (1-based).
  public struct Region: Sendable, Equatable {
    public let function: String?
    public let line: Int

    public init(function: String?, line: Int) {
      self.function = function
      self.line = line
    }
  }

  /// The exercise text for `solution` (from `file`, for error messages), and its regions.
  public static func exercise(from solution: String, file: String) throws -> (
    text: String, regions: [Region]
  ) {
    let lines = solution.split(separator: "\n", omittingEmptySubsequences: false)
    var out: [Substring] = []
    var regions: [Region] = []
    var open: (line: Int, indent: Substring, stubs: [Substring])?
    var lastFunction: String?
    for (index, line) in lines.enumerated() {
      let number = index + 1
      let trimmed = line.drop { $0 == " " || $0 == "\t" }
      if let name = functionName(in: trimmed) { lastFunction = name }
      if trimmed.hasPrefix(begin) {
        if let region = open {
          throw GraderError(
            "\(file):\(number): nested \(begin) (the region opened at line \(region.line) is not closed)"
          )
        }
        open = (number, line.prefix { $0 == " " || $0 == "\t" }, [])
        regions.append(Region(function: lastFunction, line: number))
      } else if trimmed.hasPrefix(end) {
        guard let region = open else {
          throw GraderError("\(file):\(number): \(end) without a \(begin) before it")
        }
        if region.stubs.isEmpty {
          out.append(region.indent + todoLine)
        } else {
          out.append(contentsOf: region.stubs)
        }
        open = nil
      } else if trimmed.hasPrefix(stub) {
        guard open != nil else {
          throw GraderError("\(file):\(number): \(stub) outside a \(begin) … \(end) region")
        }
        var code = trimmed.dropFirst(stub.count)
        if code.hasPrefix(" ") { code = code.dropFirst() }
        open!.stubs.append(open!.indent + code)
      } else if open == nil {
        out.append(line)
      }
    }
    if let region = open {
      throw GraderError("\(file):\(region.line): \(begin) is never closed by \(end)")
    }
    return (out.joined(separator: "\n"), regions)
  }

  /// `public func forward(` → "forward".
  static func functionName(in line: Substring) -> String? {
    guard let range = line.range(of: "func ") else { return nil }
    let rest = line[range.upperBound...]
    let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
    return name.isEmpty ? nil : String(name)
  }
}

/// What `grader sync` writes, or `grader check` compares: for each exercise, every Swift file of
/// its solution turned into its stub file.
public struct CourseSync: Sendable {
  public let root: URL
  public let course: Course

  public init(root: URL, course: Course) {
    self.root = root
    self.course = course
  }

  public struct Plan: Sendable {
    /// Exercise file (relative) → the text it should have.
    public var files: [(path: String, text: String)] = []
    public var regions: [(file: String, region: StubGenerator.Region)] = []
    /// Broken markers, one line each with file:line; their files are left out of `files`.
    public var errors: [String] = []
  }

  /// The stub files `exercise` should have.
  public func plan(_ exercise: Exercise) -> Plan {
    var plan = Plan()
    let locator = StubLocator(root: root)
    for file in locator.swiftFiles(in: exercise.solutionPath) {
      let relative = String(file.dropFirst(exercise.solutionPath.count + 1))
      do {
        let (text, regions) = try StubGenerator.exercise(
          from: readText(root.appendingPathComponent(file)), file: file)
        plan.files.append((exercise.exercisePath + "/" + relative, text))
        plan.regions += regions.map { (file, $0) }
      } catch {
        plan.errors.append("\(error)")
      }
    }
    return plan
  }

  /// Exercise files whose text differs from the plan (or that are missing).
  public func outOfSync(_ exercise: Exercise) -> [String] {
    plan(exercise).files.filter { file in
      let url = root.appendingPathComponent(file.path)
      return !FileManager.default.fileExists(atPath: url.path) || readText(url) != file.text
    }.map(\.path)
  }

  /// Writes every out-of-sync stub file (atomically) and returns their paths. A broken marker
  /// anywhere in the exercise stops it before anything is written. With `folder`, the stubs go
  /// there (relative to the root) instead of the exercise's own folder.
  @discardableResult
  public func write(_ exercise: Exercise, into folder: String? = nil) throws -> [String] {
    let plan = plan(exercise)
    if let error = plan.errors.first { throw GraderError(error) }
    var written: [String] = []
    for var file in plan.files {
      if let folder { file.path = folder + file.path.dropFirst(exercise.exercisePath.count) }
      let url = root.appendingPathComponent(file.path)
      if FileManager.default.fileExists(atPath: url.path) && readText(url) == file.text { continue }
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(file.text.utf8).write(to: url, options: .atomic)
      written.append(file.path)
    }
    return written
  }
}
