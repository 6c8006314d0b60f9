import Foundation
import GraderCore

/// The fixture course, copied to a fresh temporary folder and graded once per mode for all the
/// tests that read its reports.
enum MiniCourse {
  static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/MiniCourse")

  /// A private copy, so builds never write into the repository, with the course's
  /// LineBufferedOutput (the scratch pad links it).
  static func copy() throws -> URL {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("mini-course-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: fixture, to: root)
    try FileManager.default.copyItem(
      at: fixture.appendingPathComponent("../../../../Grader/Sources/LineBufferedOutput")
        .standardizedFileURL,
      to: root.appendingPathComponent("LineBufferedOutput"))
    return root
  }

  static let root = Result { try copy() }

  static let exercises = Result { try grade(.exercises) }
  static let solutions = Result { try grade(.solutions) }

  static func grade(_ mode: SourceMode) throws -> ExerciseReport {
    let grader = try Grader(root: try root.get())
    return try grader.grade(grader.course.exercises, mode: mode).exercises[0]
  }

  /// A copy with `code` appended to the exercise (and `prefix` before it), graded.
  static func gradeWithExtraCode(_ code: String, prepending prefix: String = "") throws
    -> ExerciseReport
  {
    let root = try copy()
    let file = root.appendingPathComponent("Exercises/mini/Mini.swift")
    let text = try prefix + String(contentsOf: file, encoding: .utf8) + code
    try text.write(to: file, atomically: true, encoding: .utf8)
    let grader = try Grader(root: root)
    return try grader.grade(grader.course.exercises, mode: .exercises).exercises[0]
  }

  static var exerciseText: String {
    (try? String(
      contentsOf: fixture.appendingPathComponent("Exercises/mini/Mini.swift"), encoding: .utf8))
      ?? ""
  }

  /// How many lines the fixture's exercise has (it ends with a newline).
  static var lineCount: Int { exerciseText.filter { $0 == "\n" }.count }

  /// The 1-based line of the first line of the fixture's exercise containing `marker`.
  static func line(of marker: String) -> Int? {
    exerciseText.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
      $0.contains(marker)
    }.map { $0 + 1 }
  }
}

extension ExerciseReport {
  func task(_ id: String) -> TaskReport? { tasks.first { $0.id == id } }
}
