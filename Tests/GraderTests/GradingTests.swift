import Foundation
import GraderCore
import Testing

/// Untrusted learner code, graded for real: the fixture's stubs fail in every way the grader
/// must report without crashing, hanging or losing the other tasks' results.
@Suite("grading learner code that goes wrong") struct GradingTests {
  let file = "Exercises/mini/Mini.swift"

  func report() throws -> ExerciseReport { try MiniCourse.exercises.get() }

  @Test("a right answer passes")
  func right() throws {
    let task = try #require(try report().task("right"))
    #expect(task.status == .passed, "\(task)")
  }

  @Test("a wrong value fails with the test's message")
  func wrongValue() throws {
    let task = try #require(try report().task("wrong"))
    #expect(task.status == .failed)
    #expect(
      task.message?.contains("wrongValue(): expected 42, got 41") == true,
      "\(task.message ?? "nil")")
    #expect(
      task.message?.contains("the answer is 42") == true,
      "the failing test is named: \(task.message ?? "nil")")
    // The task grades right() and wrongValue(); the message names wrongValue: it is there.
    #expect(
      task.location
        == SourcePlace(file: file, line: try #require(MiniCourse.line(of: "func wrongValue"))))
  }

  @Test("a TODO stub is reported as TODO at its file:line")
  func todo() throws {
    let task = try #require(try report().task("todo"))
    #expect(task.status == .todo, "\(task)")
    #expect(
      task.location == SourcePlace(file: file, line: try #require(MiniCourse.line(of: "// TODO"))))
  }

  @Test("an index out of range is a crash, with its message and the learner's line")
  func trap() throws {
    let task = try #require(try report().task("trap"))
    #expect(task.status == .crashed, "\(task)")
    #expect(task.message?.contains("Index out of range") == true, "\(task.message ?? "nil")")
    #if os(Linux)
      // The runtime's backtracer (on by default on Linux) names the frame in learner code.
      #expect(
        task.location == SourcePlace(file: file, line: try #require(MiniCourse.line(of: "// TRAP")))
      )
    #endif
  }

  @Test("a failed precondition is a crash with its message")
  func precondition() throws {
    let task = try #require(try report().task("precondition"))
    #expect(task.status == .crashed, "\(task)")
    #expect(task.message?.contains("n must be positive") == true, "\(task.message ?? "nil")")
  }

  @Test("an endless loop is stopped by the watchdog and reported as timed out")
  func loop() throws {
    let task = try #require(try report().task("loop"))
    #expect(task.status == .timedOut, "\(task)")
    #expect(task.durationSeconds < 10, "the 2 s limit was enforced, took \(task.durationSeconds) s")
    #expect(task.message?.contains("stopped after 2 s") == true, "\(task.message ?? "nil")")
  }

  @Test("a NaN result is a failure with a clear message")
  func nan() throws {
    let task = try #require(try report().task("nan"))
    #expect(task.status == .failed, "\(task)")
    #expect(task.message?.contains("got nan") == true, "\(task.message ?? "nil")")
  }

  @Test("what learner code printed is kept, its first and last lines, with a count of the cut")
  func prints() throws {
    let task = try #require(try report().task("chatty"))
    #expect(task.status == .failed, "\(task)")
    let output = try #require(task.output, "the prints are in the report")
    let lines = output.split(separator: "\n")
    #expect(lines.first == "step 0" && lines.last == "step 999", "\(output)")
    #expect(output.contains("… 970 lines cut …"), "\(output)")
    let json = String(decoding: try JSONEncoder().encode(task), as: UTF8.self)
    #expect(json.contains("step 999"), "--json carries the output: \(json)")
    let text = TextReport(
      course: try Grader(root: try MiniCourse.root.get()).course, style: Style(colors: false)
    ).details(of: task, in: try report()).joined(separator: "\n")
    #expect(text.contains("  │ step 999"), "\(text)")
  }

  @Test("a print in an endless loop is stopped at the output limit; the report stays small")
  func flood() throws {
    let task = try #require(try report().task("flood"))
    #expect(task.status == .crashed, "\(task)")
    #expect(task.message?.contains("printed more than 64 MB") == true, "\(task.message ?? "nil")")
    #expect((task.output?.count ?? 0) < 10_000, "\(task.output?.count ?? 0) characters kept")
  }

  @Test("an array that grows without end is stopped at the task's memory limit")
  func hoard() throws {
    let task = try #require(try report().task("hoard"))
    #if os(Linux)  // macOS does not enforce the data limit
      #expect(task.status == .crashed, "\(task)")
      #expect(
        task.message?.contains("used more than its 128 MB of memory") == true,
        "\(task.message ?? "nil")")
    #endif
  }

  @Test("the exercise is in progress: one task of ten passes")
  func summary() throws {
    let report = try report()
    #expect(report.status == .inProgress)
    #expect(report.passedCount == 1)
  }

  @Test("--solution grades Solutions/: every task passes")
  func solutions() throws {
    let report = try MiniCourse.solutions.get()
    #expect(
      report.tasks.map(\.status) == Array(repeating: .passed, count: 10),
      "\(report.tasks.map { "\($0.id): \($0.status)" })")
    #expect(report.status == .done)
  }

  @Test("a compile error is shown as file:line: message and no task runs")
  func compileError() throws {
    let report = try MiniCourse.gradeWithExtraCode("func broken() -> Int { return \"text\" }\n")
    #expect(report.status == .doesNotCompile)
    let error = try #require(report.compileErrors.first)
    #expect(error.file == file)
    #expect(error.line == MiniCourse.lineCount + 1, "the appended line: \(error.location)")
    #expect(error.message.contains("String"), "\(error.message)")
    // The line and a caret under the column, as the compiler draws them.
    let source = try #require(error.sourceWithCaret, "\(error)")
    #expect(source[0] == "func broken() -> Int { return \"text\" }")
    #expect(source[1].count == (error.column ?? 0) && source[1].hasSuffix("^"), "\(source)")
    #expect(report.tasks.allSatisfy { $0.status == .notRun })
  }

  /// All suites link into one test binary: the grader builds again with the broken exercise's
  /// sources replaced by its stubs, in a scratch path of its own, and grades the rest.
  @Test("a compile error in one exercise does not stop the others: they are graded without it")
  func isolation() throws {
    let root = try MiniCourse.copy()
    let file = root.appendingPathComponent("Exercises/mini/Mini.swift")
    let text = try String(contentsOf: file, encoding: .utf8)
    try (text + "func broken() -> Int { return \"text\" }\n").write(
      to: file, atomically: true, encoding: .utf8)
    let grader = try Grader(root: root)
    let run = try grader.grade(grader.course.exercises, mode: .exercises)
    let (mini, other) = (run.exercises[0], run.exercises[1])
    #expect(mini.status == .doesNotCompile)
    #expect(mini.compileErrors.first?.file == "Exercises/mini/Mini.swift", "\(mini.compileErrors)")
    #expect(other.tasks.map(\.status) == [.passed], "\(other.tasks)")
  }

  /// The scratch pad builds only the exercises it imports: Mini does not compile, and the
  /// scratch pad, which uses Other, still runs.
  @Test("the scratch pad runs while an exercise it does not import does not compile")
  func scratchPad() throws {
    let root = try MiniCourse.copy()
    let mini = root.appendingPathComponent("Exercises/mini/Mini.swift")
    try (try String(contentsOf: mini, encoding: .utf8) + "func broken() -> Int { \"text\" }\n")
      .write(to: mini, atomically: true, encoding: .utf8)
    let folder = root.appendingPathComponent(ScratchPad.folder)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try "import Other  // the second exercise\nprint(\"answer\", answer())\n".write(
      to: root.appendingPathComponent(ScratchPad.file), atomically: true, encoding: .utf8)
    let pad = ScratchPad(root: root, course: try Course.load(root: root))
    #expect(try pad.exerciseImports() == ["Other"])
    let (build, executable) = try pad.build()
    #expect(build.succeeded, "\(build.errors)")
    let run = try runProcess(executable, [], in: root)
    #expect(run.standardOutput == "answer 42\n", "\(run.standardOutput)")

    try "import Answers\n".write(
      to: root.appendingPathComponent(ScratchPad.file), atomically: true, encoding: .utf8)
    #expect(throws: GraderError.self) { try pad.exerciseImports() }
  }

  @Test("importing the answers (a module the exercise does not depend on) is a compile error")
  func undeclaredImport() throws {
    let report = try MiniCourse.gradeWithExtraCode("", prepending: "import Answers\n")
    #expect(report.status == .doesNotCompile)
    #expect(
      report.compileErrors.contains { $0.message.contains("imports another target (Answers)") },
      "\(report.compileErrors)")
  }
}
