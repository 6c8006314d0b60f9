import Foundation

/// `swift run grader scratch`: the learner's own file, built with only the exercises it imports
/// (Package.swift adds the `scratch` target when RNN_COURSE_SCRATCH lists them), then run.
public struct ScratchPad: Sendable {
  public static let folder = "Exercises/Scratch"
  public static let file = folder + "/main.swift"

  public let root: URL
  public let course: Course

  public init(root: URL, course: Course) {
    self.root = root
    self.course = course
  }

  var url: URL { root.appendingPathComponent(Self.file) }

  /// The exercise modules the file imports, in course order; an import it may not use is one
  /// line naming it.
  public func exerciseImports() throws -> [String] {
    let text = readText(url)
    var imported = Set<String>()
    for line in text.split(separator: "\n") {
      let words = line.split(separator: "//", maxSplits: 1).first?.split(separator: " ") ?? []
      guard let at = words.firstIndex(of: "import"), at + 1 < words.count,
        words[..<at].allSatisfy({ $0.hasPrefix("@") })
      else { continue }
      imported.insert(String(words[at + 1]))
    }
    let exercises = course.exercises.map(\.module)
    // Besides the exercises, what exercise code may import (the support layer and the platform).
    let allowed = Set(exercises).union(CourseCheck.allowedImports)
    if let wrong = imported.subtracting(allowed).sorted().first {
      throw GraderError(
        "\(Self.file): the scratch pad cannot import \(wrong); it may import the exercises "
          + "(\(exercises.first ?? "")…\(exercises.last ?? "")), CourseSupport and GradientCheck")
    }
    return exercises.filter(imported.contains)
  }

  /// Builds the scratch pad; its executable's path when it compiles.
  public func build() throws -> (outcome: BuildOutcome, executable: String) {
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw GraderError(
        "\(Self.file) is missing: `git checkout \(Self.file)` brings the original back")
    }
    var environment = SourceMode.exercises.environment
    environment["RNN_COURSE_SCRATCH"] = try exerciseImports().joined(separator: ",")
    environment["RNN_COURSE_TOOLKIT_TESTS"] = "no"  // the grader's builds' graph, see Package.swift
    let scratchPath = SourceMode.exercises.scratchPath
    let outcome = try swiftBuild(
      ["--product", "scratch"], root: root, scratchPath: scratchPath, environment: environment)
    let executable = root.appendingPathComponent(scratchPath).appendingPathComponent(
      "debug/scratch")
    return (outcome, executable.path)
  }
}

extension ScratchPad {
  /// How a run of the scratch pad ended: a crash with the learner's line where there was one,
  /// and what it wrote to stderr of its own (before any crash).
  public struct Outcome: Sendable {
    public let ending: ProcessOutcome.Ending
    public let crash: CrashReport?
    /// The innermost line of the learner's own code in the crashed thread.
    public let place: SourcePlace?
    public let standardError: String
  }

  /// Runs the built scratch pad on the learner's terminal, the way a task runs: the runtime's
  /// backtracer not interactive (it would wait 30 s for a key) and kept off the screen, so a
  /// crash is shown as its message and the learner's line, after everything the pad printed.
  public func run(_ executable: String, arguments: [String]) throws -> Outcome {
    let (ending, stderr) = try runAttached(
      executable, arguments, in: root,
      environment: ["SWIFT_BACKTRACE": "enable=yes,interactive=no,color=no,output-to=stderr"])
    guard case .signalled = ending, let crash = CrashReport(standardError: stderr) else {
      return Outcome(ending: ending, crash: nil, place: nil, standardError: stderr)
    }
    let lines = stderr.split(separator: "\n", omittingEmptySubsequences: false)
    let own = lines.prefix {
      CrashReport.trapLine(String($0)) == nil && !$0.hasPrefix("Fatal error")
        && !$0.hasPrefix("💣")
    }
    return Outcome(
      ending: ending, crash: crash, place: learnersLine(crash),
      standardError: own.joined(separator: "\n"))
  }

  /// The trap's own place when it is the learner's (the pad or an exercise), else the innermost
  /// frame in their files: a trap inside the course's code (`Vector +`) points at their call.
  func learnersLine(_ crash: CrashReport) -> SourcePlace? {
    if let fileID = crash.fileID, let line = crash.line {
      if fileID.hasPrefix("scratch/") {
        return SourcePlace(file: Self.folder + "/" + fileID.dropFirst("scratch/".count), line: line)
      }
      let locator = StubLocator(root: root)
      if let file = course.exercises.lazy.compactMap({
        locator.file(forFileID: fileID, exercise: $0, mode: .exercises)
      }).first {
        return SourcePlace(file: file, line: line)
      }
    }
    let base = root.standardizedFileURL.path + "/"
    return crash.frames.first { $0.path.hasPrefix(base + "Exercises/") }.map {
      SourcePlace(file: String($0.path.dropFirst(base.count)), line: $0.line)
    }
  }
}
