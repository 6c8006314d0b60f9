import Foundation

/// `grader reset exNN`: puts an exercise's stubs back, after copying the learner's files to a
/// timestamped folder under `.course-state/backups/`, so no work is ever lost, and forgets when
/// the exercise first passed.
public struct ExerciseReset: Sendable {
  public let root: URL
  public let course: Course

  public init(root: URL, course: Course) {
    self.root = root
    self.course = course
  }

  public struct Outcome: Sendable {
    /// Where the learner's files went, relative to the root.
    public let backup: String
    public let restored: [String]
    /// Swift files the learner added, removed from the exercise (they are in the backup).
    public let removed: [String]
  }

  public func reset(_ exercise: Exercise, now: Date = Date()) throws -> Outcome {
    let sync = CourseSync(root: root, course: course)
    let plan = sync.plan(exercise)
    if let error = plan.errors.first { throw GraderError(error) }

    let fm = FileManager.default
    let source = root.appendingPathComponent(exercise.exercisePath)
    let backup = try backupFolder(for: exercise, now: now)
    try fm.createDirectory(
      at: root.appendingPathComponent(backup).deletingLastPathComponent(),
      withIntermediateDirectories: true)
    if fm.fileExists(atPath: source.path) {
      try fm.copyItem(at: source, to: root.appendingPathComponent(backup))
    }

    let planned = Set(plan.files.map(\.path))
    let removed = StubLocator(root: root).swiftFiles(in: exercise.exercisePath).filter {
      !planned.contains($0)
    }
    for path in removed { try fm.removeItem(at: root.appendingPathComponent(path)) }
    var restored: [String] = []
    for file in plan.files {
      let url = root.appendingPathComponent(file.path)
      try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(file.text.utf8).write(to: url, options: .atomic)
      restored.append(file.path)
    }
    // Started afresh: the exercise's TODOs are not a regression of its earlier pass.
    var state = CourseState.load(root: root)
    if state.firstPassed.removeValue(forKey: exercise.id) != nil { try? state.save(root: root) }
    return Outcome(backup: backup, restored: restored, removed: removed)
  }

  /// `.course-state/backups/ex01-20261121-234700`, with -2, -3 … if that exists already.
  func backupFolder(for exercise: Exercise, now: Date) throws -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyyMMdd-HHmmss"
    let base = "\(CourseState.folder)/backups/\(exercise.id)-\(formatter.string(from: now))"
    var candidate = base
    var n = 2
    while FileManager.default.fileExists(atPath: root.appendingPathComponent(candidate).path) {
      candidate = "\(base)-\(n)"
      n += 1
    }
    return candidate
  }
}
