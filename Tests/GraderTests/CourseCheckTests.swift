import Foundation
import GraderCore
import Testing

/// `grader check` on a small sound course, and on a copy of it broken in the eight ways an
/// instructor most often breaks a course.
@Suite("grader check") struct CourseCheckTests {
  static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/TidyCourse")

  static func copy() throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tidy-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: fixture, to: root)
    return root
  }

  static func check(_ root: URL) throws -> CourseCheck.Outcome {
    try CourseCheck(grader: try Grader(root: root)).run(includeToolkitTests: false) { _ in }
  }

  static func edit(_ root: URL, _ path: String, _ change: (String) -> String) throws {
    let url = root.appendingPathComponent(path)
    try change(try String(contentsOf: url, encoding: .utf8)).write(
      to: url, atomically: true, encoding: .utf8)
  }

  @Test("a sound course passes every check")
  func soundCourse() throws {
    let outcome = try Self.check(try Self.copy())
    #expect(outcome.problems.isEmpty, "\(outcome.problems)")
    #expect(outcome.passed > 0)
  }

  @Test("each breakage is one line naming its file")
  func brokenCourse() throws {
    let root = try Self.copy()
    // 1. A stub out of sync: an edit outside the solution region, in Exercises only.
    try Self.edit(root, "Exercises/tidy/Double.swift") { $0 + "// stray\n" }
    // 2. A solution that fails its task.
    try Self.edit(root, "Solutions/tidy/Double.swift") {
      $0.replacingOccurrences(of: "2 * x", with: "3 * x")
    }
    // 3. A stub that passes: the region's replacement already does the work.
    try Self.edit(root, "Solutions/tidy/Negate.swift") {
      $0.replacingOccurrences(
        of: "  // END SOLUTION", with: "  // STUB: return -x\n  // END SOLUTION")
    }
    try Self.edit(root, "Exercises/tidy/Negate.swift") {
      $0.replacingOccurrences(of: "fatalError(\"TODO\")", with: "return -x")
    }
    // 4. An unbalanced marker.
    try Self.edit(root, "Solutions/tidy/Square.swift") {
      $0.replacingOccurrences(of: "  // END SOLUTION\n", with: "")
    }
    // 5. A missing lesson.
    try FileManager.default.removeItem(at: root.appendingPathComponent("Exercises/tidy/README.md"))
    // 6. Two folders whose names differ only in case (one folder on a Mac's disk).
    for folder in ["Notes", "notes"] {
      let url = root.appendingPathComponent("Reference/\(folder)")
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
      try Data("x".utf8).write(to: url.appendingPathComponent("\(folder).txt"))
    }
    // 7. A tool that imports an exercise: it would not build while that exercise does not.
    try Self.edit(root, "Package.swift") {
      $0.replacingOccurrences(
        of: "let package =",
        with: """
          targets.append(.executableTarget(name: "rnn", dependencies: ["Tidy"], path: "Reference/rnn"))
          let package =
          """)
    }
    // 8. A task without a probe for `grader compare`.
    try Self.edit(root, "Tests/TidyTests/TidyTests.swift") {
      $0.replacingOccurrences(of: "@Test func negate()", with: "@Test func negation()")
    }
    let tool = root.appendingPathComponent("Reference/rnn")
    try FileManager.default.createDirectory(at: tool, withIntermediateDirectories: true)
    try Data("import Tidy\n".utf8).write(to: tool.appendingPathComponent("main.swift"))

    let problems = try Self.check(root).problems
    func expectLine(_ start: String, _ containing: String) {
      #expect(
        problems.contains { $0.hasPrefix(start) && $0.contains(containing) },
        "no line \(start)…\(containing) in \(problems)")
    }
    expectLine("Exercises/tidy/Double.swift: out of sync", "swift run grader sync")
    expectLine("Solutions/tidy/Double.swift", "tidy · double is failed, should pass on Solutions")
    expectLine(
      "Exercises/tidy/Negate.swift", "tidy · negate is passed, should be TODO in Exercises")
    expectLine("Solutions/tidy/Square.swift:3:", "is never closed")
    expectLine("Exercises/tidy/README.md: missing lesson", "tidy")
    expectLine("Reference/Notes and Reference/notes: ", "differ only in case")
    expectLine("Package.swift: rnn depends on Tidy", "would stop building")
    expectLine("Tests/TidyTests: no probe for tidy · negate", "Probe suite")
    #expect(problems.allSatisfy { !$0.contains("\n") }, "one line each")
  }

  @Test("an import of the answers, in Exercises or Solutions, is one line at its place")
  func importsTheAnswers() throws {
    let root = try Self.copy()
    try Self.edit(root, "Exercises/tidy/Double.swift") {
      "import Foundation\nimport ReferenceRNN\n" + $0
    }
    try Self.edit(root, "Solutions/tidy/Negate.swift") { $0 + "@testable import\n  Answers\n" }
    let negate = try String(
      contentsOf: root.appendingPathComponent("Solutions/tidy/Negate.swift"), encoding: .utf8)
    let answersLine = negate.split(separator: "\n", omittingEmptySubsequences: false).count - 1
    #expect(
      CourseCheck(grader: try Grader(root: root)).importProblems() == [
        "Exercises/tidy/Double.swift:2: imports ReferenceRNN; exercises may import only CourseSupport and GradientCheck",
        "Solutions/tidy/Negate.swift:\(answersLine): imports Answers; exercises may import only CourseSupport and GradientCheck",
      ])
  }

  @Test("a stub that no task grades is reported")
  func ungradedStub() throws {
    let root = try Self.copy()
    try Self.edit(root, Course.registryPath) {
      $0.replacingOccurrences(of: "\"stubs\" : [\"square\"]", with: "\"stubs\" : []")
    }
    let sync = CourseSync(root: root, course: try Course.load(root: root))
    #expect(sync.outOfSync(try #require(sync.course.exercise("tidy"))).isEmpty)
    let problems = CourseCheck(grader: try Grader(root: root)).syncProblems()
    #expect(
      problems == [
        "Solutions/tidy/Square.swift:3: square is a stub no task grades (add it to a task's \"stubs\" in Grader/course.json)"
      ])
  }
}
