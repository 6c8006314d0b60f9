import Foundation
import GraderCore
import Testing

/// The grader executable itself, on the real course: bad input is one line and a non-zero exit.
@Suite("the grader command line") struct CommandLineTests {
  static let courseRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  /// The `grader` built with the tests.
  static let grader: URL? = builtExecutable("grader", packageRoot: courseRoot).map(
    URL.init(fileURLWithPath:))

  func run(_ arguments: [String]) throws -> ProcessOutcome {
    let grader = try #require(Self.grader, "the grader executable is built next to the tests")
    return try runProcess(grader.path, arguments, in: Self.courseRoot, timeLimit: 60)
  }

  @Test("an unknown exercise is one line and exit 2", arguments: [["ex99"], ["hint", "ex99"]])
  func unknownExercise(_ arguments: [String]) throws {
    let outcome = try run(arguments)
    #expect(outcome.ending == .exited(2))
    #expect(
      outcome.standardError.hasPrefix("error: unknown exercise \"ex99\": the course has ex01"),
      "\(outcome.standardError)")
    #expect(outcome.standardError.split(separator: "\n").count == 1)
  }

  @Test(
    "an unknown option or task is one line and exit 2",
    arguments: [
      ["--frobnicate"], ["hint", "ex01", "nosuchtask"],
      ["hint", "ex01", "forward", "--level", "0"],
    ])
  func badInput(_ arguments: [String]) throws {
    let outcome = try run(arguments)
    #expect(outcome.ending == .exited(2))
    #expect(outcome.standardError.hasPrefix("error: "), "\(outcome.standardError)")
    #expect(outcome.standardError.split(separator: "\n").count == 1)
  }

  /// On a copy of the small course: if asking failed, the files reset would not be the repository's.
  @Test("reset without a terminal asks for --yes and changes nothing; with --yes it resets")
  func resetAsks() throws {
    let grader = try #require(Self.grader, "the grader executable is built next to the tests")
    let root = try MiniCourse.copy()
    let file = root.appendingPathComponent("Exercises/mini/Mini.swift")
    try "// my work\n".write(to: file, atomically: true, encoding: .utf8)
    let refused = try runProcess(grader.path, ["reset", "mini"], in: root, timeLimit: 60)
    #expect(refused.ending == .exited(2))
    #expect(refused.standardError.contains("add --yes"), "\(refused.standardError)")
    #expect(try String(contentsOf: file, encoding: .utf8) == "// my work\n", "nothing changed")

    let done = try runProcess(grader.path, ["reset", "mini", "--yes"], in: root, timeLimit: 60)
    #expect(done.ending == .exited(0), "\(done.standardError)")
    #expect(try String(contentsOf: file, encoding: .utf8) != "// my work\n")
    #expect(
      done.standardOutput.contains("To get your files back: cp -R .course-state/backups/mini-"))
  }

  /// Through a pipe, as a learner's `| tee` or an editor's runner: the pad's prints come first
  /// (not lost in a buffer), then the crash as a task's is shown, with the learner's line.
  @Test("a crash in the scratch pad is its message and the learner's line, after its prints")
  func scratchCrash() throws {
    let grader = try #require(Self.grader, "the grader executable is built next to the tests")
    let root = try MiniCourse.copy()
    let folder = root.appendingPathComponent(ScratchPad.folder)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try "import Mini\nprint(\"before\")\nprint(trap([1, 2]))\n".write(
      to: root.appendingPathComponent(ScratchPad.file), atomically: true, encoding: .utf8)
    let run = try runProcess(grader.path, ["scratch"], in: root, timeLimit: 300)
    #expect(run.ending == .exited(1), "\(run.standardError)")
    let line = try #require(MiniCourse.line(of: "// TRAP"))
    let lines = run.standardOutput.split(separator: "\n").map(String.init)
    #expect(lines.first == "before", "\(run.standardOutput)")
    #expect(
      lines.dropFirst().first?.hasPrefix(
        "crashed: Index out of range. An index went past the end of an array") == true,
      "\(run.standardOutput)")
    #expect(lines.contains("  at Exercises/mini/Mini.swift:\(line)"), "\(run.standardOutput)")
    #expect(!(run.standardOutput + run.standardError).contains("Thread 0"), "no backtrace shown")
  }

  @Test("list and hint work without building anything")
  func listAndHint() throws {
    let list = try run(["list"])
    #expect(list.ending == .exited(0))
    #expect(list.standardOutput.contains("ex01  RNN from scratch"), "\(list.standardOutput)")
    let hint = try run(["hint", "ex01", "backward", "--level", "2"])
    #expect(hint.ending == .exited(0))
    #expect(hint.standardOutput.contains("2. "), "\(hint.standardOutput)")
  }

  @Test("outside the course it says so")
  func outsideTheCourse() throws {
    let grader = try #require(Self.grader)
    let outcome = try runProcess(
      grader.path, [], in: FileManager.default.temporaryDirectory, timeLimit: 60)
    #expect(outcome.ending == .exited(2))
    #expect(outcome.standardError.contains("not inside the course"), "\(outcome.standardError)")
  }

  @Test("the benchmark says whether each figure is within its target, and by how much not")
  func benchmarkVerdicts() {
    #expect(GraderBenchmark.verdict(42.8, target: 60) == "within the 60 s target")
    #expect(GraderBenchmark.verdict(2.0, target: 2) == "within the 2 s target")
    #expect(GraderBenchmark.verdict(64.3, target: 60) == "over the 60 s target by 4.3 s")
    #expect(GraderBenchmark.verdict(2.5, target: 2) == "over the 2 s target by 0.5 s")
  }
}
