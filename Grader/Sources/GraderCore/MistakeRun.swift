import Foundation

/// `swift run grader mistakes [exNN]`: every planted mistake of the chosen exercises, each in
/// a copy of the course with that one mistake in the solution, graded as `--solution` grades,
/// its message judged (`PlantedMistake.judge`). The learner's files are never touched.
public struct MistakeRun: Sendable {
  public let root: URL
  public let course: Course
  public let mistakes: [PlantedMistake]

  public init(root: URL, course: Course, mistakes: [PlantedMistake]) {
    self.root = root
    self.course = course
    self.mistakes = mistakes
  }

  /// One planted mistake's outcome: the message the learner reads and what is wrong with it.
  public struct Outcome: Sendable {
    public let mistake: PlantedMistake
    public let message: String
    public let verdicts: [String]
  }

  /// Plants, grades and judges each mistake in turn; `log` hears each outcome as it comes.
  public func run(log: (Outcome) -> Void) throws -> [Outcome] {
    let copy = try courseCopy(of: root, named: "grader-mistakes")
    defer { try? FileManager.default.removeItem(at: copy) }
    let grader = try Grader(root: copy)
    let text = TextReport(course: course, style: Style(colors: false))
    var outcomes: [Outcome] = []
    for mistake in mistakes {
      guard let exercise = course.exercise(mistake.exercise) else { continue }
      let url = copy.appendingPathComponent(exercise.solutionPath + "/" + mistake.file)
      let original = try String(contentsOf: url, encoding: .utf8)
      try mistake.planted(in: original).write(to: url, atomically: true, encoding: .utf8)
      defer { try? original.write(to: url, atomically: true, encoding: .utf8) }
      let graded = try grader.grade([exercise], mode: .solutions)
      let report = graded.exercises[0]
      let message = text.exercise(report, mode: .solutions)
      let outcome = Outcome(
        mistake: mistake, message: message, verdicts: mistake.judge(report, message: message))
      log(outcome)
      outcomes.append(outcome)
    }
    return outcomes
  }
}

/// A copy of the course under `root` in the temporary folder, without build folders, git
/// metadata or the learner's state: somewhere to build and change things safely.
func courseCopy(of root: URL, named prefix: String) throws -> URL {
  let fm = FileManager.default
  let copy = fm.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
  try fm.createDirectory(at: copy, withIntermediateDirectories: true)
  for item in try fm.contentsOfDirectory(atPath: root.path)
  where !item.hasPrefix(".build") && ![".git", ".swiftpm", CourseState.folder].contains(item) {
    try fm.copyItem(at: root.appendingPathComponent(item), to: copy.appendingPathComponent(item))
  }
  return copy
}
