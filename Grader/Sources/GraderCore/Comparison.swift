import Foundation

/// `grader compare exNN`: each task's probe (a test named as the task in the exercise's `Probe`
/// suite) runs with the learner's code and with the solution on the same inputs and seed; the
/// values they record are compared in order, and the first difference is shown.
public struct ExerciseComparer: Sendable {
  public let grader: Grader

  public init(grader: Grader) { self.grader = grader }

  /// One named value a probe recorded: a scalar, a vector, or a row-major matrix.
  public struct Record: Sendable, Equatable {
    public let name: String
    public let cols: Int
    public let values: [Double]

    func label(_ i: Int) -> String {
      if values.count == 1 { return name }
      return cols <= 1 ? "\(name)[\(i)]" : "\(name)[\(i / cols), \(i % cols)]"
    }
  }

  public enum Outcome: Sendable, Equatable {
    /// Every recorded value agrees (to 1e-12 relative).
    case same(values: Int)
    /// The first value that differs, with both sides; nil where one side has no such value.
    case differs(location: String, yours: Double?, solution: Double?, note: String?)
    /// The learner's code stopped (TODO, crash, time-out) before recording a difference.
    case stopped(TaskReport)
    /// The solution's probe did not run or record anything: a course problem.
    case noProbe(String)
  }

  public struct TaskComparison: Sendable {
    public let task: ExerciseTask
    public let outcome: Outcome

    public init(task: ExerciseTask, outcome: Outcome) {
      self.task = task
      self.outcome = outcome
    }
  }

  public static let tolerance = 1e-12

  /// Where each task's first stub is solved: task id → place in Solutions/.
  public func solutionPlaces(_ exercise: Exercise) -> [String: SourcePlace] {
    let locator = StubLocator(root: grader.root)
    var places: [String: SourcePlace] = [:]
    for task in exercise.tasks {
      places[task.id] =
        task.stubs.lazy.compactMap { locator.locate($0, in: exercise.solutionPath) }.first
    }
    return places
  }

  public func compare(_ exercise: Exercise) throws -> [TaskComparison] {
    for mode in [SourceMode.exercises, .solutions] {
      let build = try buildCourse(root: grader.root, mode: mode, course: grader.course)
      guard build.succeeded else {
        let first =
          build.errors.first.map { "\($0.location): \($0.message)" } ?? "see `swift build`"
        throw GraderError("\(mode.sourceFolder) does not compile: \(first)")
      }
    }
    let runners = try [SourceMode.exercises, .solutions].map {
      TaskRunner(
        root: grader.root, mode: $0, launcher: try TestLauncher(root: grader.root, mode: $0))
    }
    return parallelMap(exercise.tasks.count) { i in
      compare(exercise.tasks[i], of: exercise, learner: runners[0], solution: runners[1])
    }
  }

  func compare(
    _ task: ExerciseTask, of exercise: Exercise, learner: TaskRunner, solution: TaskRunner
  ) -> TaskComparison {
    let filter = "^\(exercise.testTarget)\\.Probe/\(task.id)\\("
    guard let theirs = try? probe(solution, filter, task), !theirs.records.isEmpty else {
      return TaskComparison(
        task: task,
        outcome: .noProbe(
          "no probe recorded anything: add `@Test func \(task.id)()` to a `Probe` suite in \(exercise.testsPath)"
        ))
    }
    guard let mine = try? probe(learner, filter, task) else {
      return TaskComparison(task: task, outcome: .noProbe("the probe could not be run"))
    }
    if let difference = Self.firstDifference(
      mine.records, theirs.records, complete: mine.stop == nil)
    {
      return TaskComparison(task: task, outcome: difference)
    }
    if let stop = mine.stop { return TaskComparison(task: task, outcome: .stopped(stop)) }
    return TaskComparison(
      task: task, outcome: .same(values: theirs.records.reduce(0) { $0 + $1.values.count }))
  }

  /// Runs one probe; `stop` is set when the code under test did not get to the end.
  func probe(_ runner: TaskRunner, _ filter: String, _ task: ExerciseTask) throws -> (
    records: [Record], stop: TaskReport?
  ) {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "probe-\(UUID().uuidString).jsonl")
    _ = FileManager.default.createFile(atPath: file.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: file) }
    let (outcome, events) = try runner.runTests(
      filter: filter, timeLimit: task.timeLimit, environment: ["GRADER_PROBE_FILE": file.path])
    let records = Self.parse(readText(file))
    guard let exercise = grader.course.exercises.first(where: { $0.tasks.contains(task) }) else {
      return (records, nil)
    }
    let report = runner.classify(task, exercise, outcome, events)
    let stopped: Set<TaskStatus> = [.todo, .crashed, .timedOut]
    return (records, stopped.contains(report.status) ? report : nil)
  }

  /// The first place where the learner's records differ from the solution's.
  static func firstDifference(_ mine: [Record], _ theirs: [Record], complete: Bool) -> Outcome? {
    for (i, expected) in theirs.enumerated() {
      guard i < mine.count else {
        return complete
          ? .differs(
            location: expected.name, yours: nil, solution: expected.values.first,
            note: "your code recorded nothing here")
          : nil
      }
      let got = mine[i]
      if got.name != expected.name {
        return .differs(
          location: expected.name, yours: nil, solution: expected.values.first,
          note: "your code recorded \(got.name) instead")
      }
      if got.values.count != expected.values.count {
        return .differs(
          location: expected.name, yours: Double(got.values.count),
          solution: Double(expected.values.count),
          note: "number of values")
      }
      for j in expected.values.indices where !close(got.values[j], expected.values[j]) {
        return .differs(
          location: expected.label(j), yours: got.values[j], solution: expected.values[j], note: nil
        )
      }
    }
    return nil
  }

  static func close(_ a: Double, _ b: Double) -> Bool {
    if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
    if a.isInfinite || b.isInfinite { return a == b }
    return abs(a - b) <= tolerance * max(1, abs(b))
  }

  static func parse(_ text: String) -> [Record] {
    struct Line: Decodable {
      let name: String
      let cols: Int
      let values: [String]
    }
    return text.split(separator: "\n").compactMap { line in
      guard let data = line.data(using: .utf8),
        let parsed = try? JSONDecoder().decode(Line.self, from: data)
      else { return nil }
      return Record(
        name: parsed.name, cols: parsed.cols, values: parsed.values.map { Double($0) ?? .nan })
    }
  }
}
