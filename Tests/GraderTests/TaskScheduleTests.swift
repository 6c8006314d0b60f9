import Foundation
import Testing

@testable import GraderCore

/// The order of grading, on a course of files in a temporary folder and a runner that only
/// records what it was asked to run: no build, no process.
@Suite("waiting tasks and remembered passes") struct TaskScheduleTests {
  /// Task 2 builds on 1, 3 on 2; 4 on nothing; `slow` sits in a file of its own.
  static let exercise = Exercise(
    id: "ex01", title: "Mini", module: "Ex01", folder: "ex01-mini",
    tasks: [
      ExerciseTask(id: "first", title: "", suite: "First", stubs: ["first"], hints: []),
      ExerciseTask(
        id: "second", title: "", suite: "Second", stubs: ["second"], hints: [],
        buildsOn: ["first"]),
      ExerciseTask(
        id: "third", title: "", suite: "Third", stubs: ["third"], hints: [],
        buildsOn: ["second"]),
      ExerciseTask(id: "slow", title: "", suite: "Slow", stubs: ["slow"], hints: []),
    ])

  /// Records the tasks it runs and answers with the status given for each (passed if none).
  final class Runner: @unchecked Sendable {
    let statuses: [String: TaskStatus]
    let seconds: Double
    private let lock = NSLock()
    private(set) var ran: [String] = []

    init(_ statuses: [String: TaskStatus] = [:], seconds: Double = 0.01) {
      (self.statuses, self.seconds) = (statuses, seconds)
    }

    func run(_ job: TaskSchedule.Job) -> TaskReport {
      lock.withLock { ran.append(job.task.id) }
      return TaskReport(
        id: job.task.id, title: "", status: statuses[job.task.id] ?? .passed, message: nil,
        location: nil, durationSeconds: job.task.id == "slow" ? 20 : seconds)
    }
  }

  func schedule(
    respecting: Bool = true, fingerprint: SourceFingerprint? = nil,
    records: TaskRecords = TaskRecords()
  ) -> TaskSchedule {
    TaskSchedule(
      jobs: Self.exercise.tasks.map { (Self.exercise, $0) }, respectingDependencies: respecting,
      fingerprint: fingerprint, records: records)
  }

  @Test("a task whose foundation does not pass waits, and says for which; the others run")
  func waits() {
    let runner = Runner(["first": .failed])
    var plan = schedule()
    let reports = plan.run(runner.run) { _, _ in }
    #expect(Set(runner.ran) == ["first", "slow"])
    #expect(reports.map(\.status) == [.failed, .waiting, .waiting, .passed])
    #expect(
      reports[1].message
        == "waiting for task 1 (first), which does not pass yet: this task's tests use its functions, so it is graded once that one passes."
    )
    #expect(reports[2].message?.hasPrefix("waiting for task 2 (second)") == true)
  }

  @Test("with dependencies ignored (grader check), every task runs")
  func ignoringDependencies() {
    let runner = Runner(["first": .todo])
    var plan = schedule(respecting: false)
    let reports = plan.run(runner.run) { _, _ in }
    #expect(Set(runner.ran) == ["first", "second", "third", "slow"])
    #expect(!reports.contains { $0.status == .waiting })
  }

  @Test("an exercise that waits is not started; the registry refuses a later or unknown foundation")
  func registry() throws {
    let waiting = TaskReport(
      id: "a", title: "", status: .waiting, message: nil, location: nil, durationSeconds: 0)
    let todo = TaskReport(
      id: "b", title: "", status: .todo, message: nil, location: nil, durationSeconds: 0)
    #expect(ExerciseReport.status(of: [todo, waiting]) == .notStarted)

    var exercise = Self.exercise
    exercise.tasks[0].buildsOn = ["second"]
    let error = #expect(throws: GraderError.self) {
      try Course(title: "", exercises: [exercise]).validate()
    }
    #expect(
      error?.description.contains("first builds on \"second\", which is not an earlier task")
        == true)
    #expect(Self.exercise.foundations(of: Self.exercise.tasks[2]).map(\.id) == ["first", "second"])
  }

  /// The exercise's files: one per task, a helper with no task's function, and a test file.
  func courseFolder() throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "schedule-\(UUID().uuidString)")
    let files = [
      "Exercises/ex01-mini/First.swift": "func first() {}\n",
      "Exercises/ex01-mini/Second.swift": "func second() {}\nfunc third() {}\n",
      "Exercises/ex01-mini/Slow.swift": "func slow() {}\n",
      "Exercises/ex01-mini/Helper.swift": "func helper() {}\n",
      "Tests/Ex01Tests/SlowTests.swift": "// tests\n",
      "Package.swift": "// package\n", "Grader/course.json": "{}\n",
    ]
    for (path, text) in files {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return root
  }

  /// Grades once more with the records the last grade left, after `edit`; which tasks ran.
  func regrade(_ root: URL, _ records: inout TaskRecords, after edit: String?) throws -> [String] {
    if let edit {
      let url = root.appendingPathComponent(edit)
      try (String(contentsOf: url, encoding: .utf8) + "// edited\n").write(
        to: url, atomically: true, encoding: .utf8)
    }
    let runner = Runner(["first": .failed])
    var plan = schedule(
      fingerprint: SourceFingerprint(root: root, mode: .exercises), records: records)
    let reports = plan.run(runner.run) { _, _ in }
    records = plan.records
    if !runner.ran.contains("slow") {
      #expect(reports[3].status == .passed)
      #expect(reports[3].note?.contains("not run again: it passed at ") == true)
      #expect(reports[3].note?.hasSuffix("with these same sources, in 20 s") == true)
    }
    return runner.ran
  }

  @Test(
    "a slow task that passed is not run again until its own files, a helper or the tests change")
  func rememberedPasses() throws {
    let root = try courseFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    var records = TaskRecords()
    #expect(try regrade(root, &records, after: nil).contains("slow"), "nothing remembered yet")
    #expect(try !regrade(root, &records, after: nil).contains("slow"))
    #expect(try !regrade(root, &records, after: "Exercises/ex01-mini/First.swift").contains("slow"))
    #expect(
      try !regrade(root, &records, after: "Exercises/ex01-mini/Second.swift").contains("slow"))
    for changed in [
      "Exercises/ex01-mini/Slow.swift", "Exercises/ex01-mini/Helper.swift",
      "Tests/Ex01Tests/SlowTests.swift", "Package.swift",
    ] {
      #expect(try regrade(root, &records, after: changed).contains("slow"), "after \(changed)")
      #expect(try !regrade(root, &records, after: nil).contains("slow"))
    }
  }

  @Test("a slow task that failed is run again, and a quick one always is")
  func failuresAndQuickTasks() throws {
    let root = try courseFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    let fingerprint = SourceFingerprint(root: root, mode: .exercises)
    var plan = schedule(fingerprint: fingerprint)
    _ = plan.run(Runner(["slow": .failed]).run) { _, _ in }
    let again = Runner()
    var next = schedule(fingerprint: fingerprint, records: plan.records)
    var announced: [String] = []
    _ = next.run(again.run) { job, _ in announced.append(job.task.id) }
    #expect(again.ran.contains("slow") && again.ran.contains("first"))
    #expect(announced == ["slow"], "the slow task is announced before it runs")
  }
}
