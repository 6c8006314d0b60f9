/// A place in the course's files, relative to its root.
public struct SourcePlace: Sendable, Equatable, Codable, CustomStringConvertible {
  public let file: String
  public let line: Int
  public init(file: String, line: Int) {
    self.file = file
    self.line = line
  }
  public var description: String { "\(file):\(line)" }
}

public enum TaskStatus: String, Sendable, Codable {
  case passed
  case failed
  /// Reached a `fatalError("TODO")` stub.
  case todo
  /// Any other trap: index out of range, a failed precondition, …
  case crashed
  /// Stopped by the watchdog.
  case timedOut = "timed out"
  /// Not graded because the course did not compile.
  case notRun = "not run"
  /// Not graded yet: a task it builds on does not pass.
  case waiting
  /// The course itself is wrong (a task whose suite has no tests): for instructors.
  case error
}

public struct TaskReport: Sendable, Equatable, Codable {
  public let id: String
  public let title: String
  public let status: TaskStatus
  /// What was expected, what came, and where: written for the learner.
  public let message: String?
  /// Where to look: the TODO stub, the line that crashed, or the function the task grades.
  public let location: SourcePlace?
  public let durationSeconds: Double
  /// What the learner's code printed while the task ran: its first and last lines.
  public let output: String?
  /// Why a pass was not run again (`TaskRecords`): "passed at 20:41 with these sources".
  public let note: String?

  public init(
    id: String, title: String, status: TaskStatus, message: String?, location: SourcePlace?,
    durationSeconds: Double, output: String? = nil, note: String? = nil
  ) {
    self.id = id
    self.title = title
    self.status = status
    self.message = message
    self.location = location
    self.durationSeconds = durationSeconds
    self.output = output
    self.note = note
  }
}

public enum ExerciseStatus: String, Sendable, Codable {
  case notStarted = "not started"
  case inProgress = "in progress"
  case done
  case doesNotCompile = "does not compile"
  /// Another exercise does not compile, and with it the shared test binary.
  case blocked
}

public struct ExerciseReport: Sendable, Equatable, Codable {
  public let id: String
  public let title: String
  public let status: ExerciseStatus
  public let tasks: [TaskReport]
  public let compileErrors: [CompilerDiagnostic]

  public var passedCount: Int { tasks.filter { $0.status == .passed }.count }

  /// The first task that is not passing: what to work on next.
  public var nextTask: TaskReport? { tasks.first { $0.status != .passed } }

  enum CodingKeys: String, CodingKey {
    case id, title, status, tasks, compileErrors, passedTasks, totalTasks
  }

  public init(
    id: String, title: String, status: ExerciseStatus, tasks: [TaskReport],
    compileErrors: [CompilerDiagnostic]
  ) {
    self.id = id
    self.title = title
    self.status = status
    self.tasks = tasks
    self.compileErrors = compileErrors
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    id = try c.decode(String.self, forKey: .id)
    title = try c.decode(String.self, forKey: .title)
    status = try c.decode(ExerciseStatus.self, forKey: .status)
    tasks = try c.decode([TaskReport].self, forKey: .tasks)
    compileErrors = try c.decode([CompilerDiagnostic].self, forKey: .compileErrors)
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    try c.encode(title, forKey: .title)
    try c.encode(status, forKey: .status)
    try c.encode(passedCount, forKey: .passedTasks)
    try c.encode(tasks.count, forKey: .totalTasks)
    try c.encode(tasks, forKey: .tasks)
    try c.encode(compileErrors, forKey: .compileErrors)
  }

  /// The exercise's status from its tasks' statuses.
  static func status(of tasks: [TaskReport]) -> ExerciseStatus {
    if tasks.allSatisfy({ $0.status == .passed }) { return .done }
    if tasks.allSatisfy({ $0.status == .todo || $0.status == .waiting }) { return .notStarted }
    return .inProgress
  }
}

/// One grading run: which sources, and each exercise's report.
public struct GradingRun: Sendable, Codable {
  public let mode: SourceMode
  public let buildSeconds: Double
  public let exercises: [ExerciseReport]

  public init(mode: SourceMode, buildSeconds: Double, exercises: [ExerciseReport]) {
    self.mode = mode
    self.buildSeconds = buildSeconds
    self.exercises = exercises
  }
}
