import Foundation

/// What the grader remembers of each task between runs, in `.course-state/tasks.json`: how long
/// it last took, and the sources of its last pass. A slow task (one that trains models) that
/// passed with exactly the sources it has now is not run again, so grading an exercise stays
/// quick while the learner works on one of its other tasks.
public struct TaskRecords: Codable, Sendable, Equatable {
  public struct Record: Codable, Sendable, Equatable {
    /// How long its tests took the last time they ran.
    public var seconds: Double
    /// The fingerprint of the sources of its last pass (`SourceFingerprint`), and when.
    public var passedWith: String?
    public var passedAt: Date?
  }

  /// By "ex08/evolution".
  public var tasks: [String: Record] = [:]

  static let file = "tasks.json"
  /// Quicker tasks simply run again: remembering them would save less than it could cost.
  public static let slowSeconds = 1.0

  public init() {}

  static func key(_ exercise: Exercise, _ task: ExerciseTask) -> String {
    "\(exercise.id)/\(task.id)"
  }

  public func record(_ exercise: Exercise, _ task: ExerciseTask) -> Record? {
    tasks[Self.key(exercise, task)]
  }

  /// The remembered pass of a slow task whose sources are still `fingerprint`, as a report that
  /// says so; nil when it must run.
  func pass(_ exercise: Exercise, _ task: ExerciseTask, fingerprint: String) -> TaskReport? {
    guard let record = record(exercise, task), record.passedWith == fingerprint,
      record.seconds >= Self.slowSeconds, let date = record.passedAt
    else { return nil }
    return TaskReport(
      id: task.id, title: task.title, status: .passed, message: nil, location: nil,
      durationSeconds: 0,
      note: "not run again: it passed \(clockTime(date)) with these same sources, in "
        + formatSeconds(record.seconds.rounded()))
  }

  /// Notes how long `report`'s task took and, when it ran and passed, with which sources.
  mutating func note(
    _ report: TaskReport, of task: ExerciseTask, in exercise: Exercise, fingerprint: String,
    now: Date = Date()
  ) {
    guard report.note == nil, report.status != .waiting, report.status != .notRun else { return }
    let key = Self.key(exercise, task)
    var record = tasks[key] ?? Record(seconds: report.durationSeconds)
    record.seconds = report.durationSeconds
    if report.status == .passed {
      (record.passedWith, record.passedAt) = (fingerprint, now)
    } else {
      (record.passedWith, record.passedAt) = (nil, nil)
    }
    tasks[key] = record
  }

  /// The saved records; empty when there are none or they cannot be read (they are a cache).
  public static func load(root: URL) -> TaskRecords {
    let url = root.appendingPathComponent(CourseState.folder).appendingPathComponent(file)
    guard let data = FileManager.default.contents(atPath: url.path),
      let records = try? CourseState.decoder.decode(TaskRecords.self, from: data)
    else { return TaskRecords() }
    return records
  }

  public func save(root: URL) throws { try CourseState.write(self, to: Self.file, root: root) }
}

/// "at 20:41" today, "on 2026-12-04" before: when a remembered pass happened, in local time.
func clockTime(_ date: Date, now: Date = Date()) -> String {
  let formatter = DateFormatter()
  formatter.locale = Locale(identifier: "en_US_POSIX")
  let sameDay = Calendar.current.isDate(date, inSameDayAs: now)
  formatter.dateFormat = sameDay ? "HH:mm" : "yyyy-MM-dd"
  return (sameDay ? "at " : "on ") + formatter.string(from: date)
}
