import Foundation
import Testing

@testable import GraderCore

/// `grader mistakes`' judgement and `grader check`'s rule for a plant, on values: no build.
@Suite("planted mistakes") struct PlantedMistakeTests {
  static let mistake = PlantedMistake(
    exercise: "ex01", task: "first", mistake: "a sign flipped", file: "First.swift",
    find: "a + b", replace: "a - b", says: ["the sign of b"], never: ["check loop bounds"])

  static func report(_ status: TaskStatus) -> ExerciseReport {
    ExerciseReport(
      id: "ex01", title: "", status: .inProgress,
      tasks: [
        TaskReport(
          id: "first", title: "", status: status, message: nil, location: nil,
          durationSeconds: 0)
      ], compileErrors: [])
  }

  @Test("a message that names the cause and blames nothing right is accepted")
  func accepted() {
    #expect(Self.mistake.judge(Self.report(.failed), message: "flip the sign of b").isEmpty)
  }

  @Test("a task that passes, a cause not named, a blaming line: each is a verdict")
  func verdicts() {
    #expect(
      Self.mistake.judge(Self.report(.passed), message: "the sign of b")
        == ["the task passes with the mistake in it"])
    #expect(
      Self.mistake.judge(Self.report(.failed), message: "wrong; check loop bounds (0..<T)")
        == ["does not say \"the sign of b\"", "says \"check loop bounds\""])
  }

  @Test("a plant whose text is not found exactly once in its solution is a problem for check")
  func applicability() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "planted-\(UUID().uuidString)")
    let folder = root.appendingPathComponent("Solutions/ex01-mini")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    let course = Course(title: "Mini", exercises: [TaskScheduleTests.exercise])
    let file = folder.appendingPathComponent("First.swift")
    try "return a + b".write(to: file, atomically: true, encoding: .utf8)
    #expect(Self.mistake.problems(in: course, root: root).isEmpty)
    try "return a + b + (a + b)".write(to: file, atomically: true, encoding: .utf8)
    #expect(
      Self.mistake.problems(in: course, root: root).first?.hasSuffix(
        "occurs 2 times in Solutions/ex01-mini/First.swift") == true)
    var unknown = Self.mistake
    unknown.task = "fourth"
    #expect(
      unknown.problems(in: course, root: root).first?.contains("no such exercise or task") == true)
  }

  @Test("an index out of range on a line reading [t - 1] is explained as t = 0's index −1")
  func previousStepAdvice() {
    #expect(
      crashAdvice("Fatal error: Index out of range", line: "  g.add(dh, pass.hs[t - 1])")
        .contains("at t = 0 that is index −1"))
    #expect(
      crashAdvice("Fatal error: Index out of range", line: "  g.add(dh, pass.hs[t + 1])")
        .contains("check loop bounds"))
  }
}
