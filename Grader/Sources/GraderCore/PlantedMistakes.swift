import Foundation

/// A realistic mistake, planted in a copy of a solution, and what the learner must then read:
/// the instructor's record that a task's messages name the first cause and blame nothing that is
/// right. `grader mistakes` plants each one and judges the message; `grader check` keeps each
/// plant applicable to its solution.
public struct PlantedMistake: Codable, Sendable, Equatable {
  /// The exercise and the task whose message is judged.
  public var exercise: String
  public var task: String
  /// What the learner did, in a few words: "df computed with c_t instead of c_{t−1}".
  public var mistake: String
  /// The solution file (relative to the exercise's folder) and the text replaced in it, which
  /// must occur exactly once.
  public var file: String
  public var find: String
  public var replace: String
  /// Phrases the task's message must contain: the first cause.
  public var says: [String]
  /// Phrases no message of the exercise may contain: lines that would blame what is right.
  public var never: [String]?

  public static let registryPath = "Grader/mistakes.json"

  /// The planted mistakes of the course under `root`; none when the file does not exist.
  public static func load(root: URL) throws -> [PlantedMistake] {
    let url = root.appendingPathComponent(registryPath)
    guard let data = FileManager.default.contents(atPath: url.path) else { return [] }
    do {
      return try JSONDecoder().decode([PlantedMistake].self, from: data)
    } catch let error as DecodingError {
      throw GraderError("\(registryPath) is not a valid list of mistakes: \(describe(error))")
    }
  }

  /// Where this plant cannot be applied to the course: unknown names, or `find` not found
  /// exactly once.
  public func problems(in course: Course, root: URL) -> [String] {
    let name = "\(Self.registryPath): \(exercise) · \(task) (\(mistake))"
    guard let owner = course.exercise(exercise), owner.task(task) != nil else {
      return ["\(name): no such exercise or task in \(Course.registryPath)"]
    }
    let path = owner.solutionPath + "/" + file
    guard let text = try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    else { return ["\(name): cannot read \(path)"] }
    let count = text.components(separatedBy: find).count - 1
    return count == 1 ? [] : ["\(name): the text to replace occurs \(count) times in \(path)"]
  }

  /// `text` with the mistake planted.
  func planted(in text: String) -> String {
    text.replacingOccurrences(of: find, with: replace)
  }

  /// What is wrong with the learner's view of this mistake: the task passes, a phrase the
  /// message must say is missing, or a phrase it must never say is there. Empty when right.
  func judge(_ report: ExerciseReport, message: String) -> [String] {
    guard let taskReport = report.tasks.first(where: { $0.id == task }) else {
      return ["the exercise was not graded (\(report.status))"]
    }
    var verdicts: [String] = []
    if taskReport.status == .passed { verdicts.append("the task passes with the mistake in it") }
    verdicts += says.filter { !message.contains($0) }.map { "does not say \"\($0)\"" }
    verdicts += (never ?? []).filter { message.contains($0) }.map { "says \"\($0)\"" }
    return verdicts
  }
}
