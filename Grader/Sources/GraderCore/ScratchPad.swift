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
