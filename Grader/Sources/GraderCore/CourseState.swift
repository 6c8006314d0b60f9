import Foundation

/// What the grader remembers between runs, in `.course-state/` (ignored by git): when each
/// exercise first passed. Progress itself is always recomputed from the code.
public struct CourseState: Codable, Sendable, Equatable {
  public var firstPassed: [String: Date] = [:]

  public static let folder = ".course-state"
  static let file = "progress.json"

  public init() {}

  /// The saved state; empty if there is none. An unreadable file is kept aside as
  /// `progress.json.unreadable` rather than lost, and the state starts afresh.
  public static func load(root: URL) -> CourseState {
    let url = root.appendingPathComponent(folder).appendingPathComponent(file)
    guard let data = FileManager.default.contents(atPath: url.path) else { return CourseState() }
    if let state = try? decoder.decode(CourseState.self, from: data) { return state }
    let aside = url.appendingPathExtension("unreadable")
    try? FileManager.default.removeItem(at: aside)
    try? FileManager.default.moveItem(at: url, to: aside)
    return CourseState()
  }

  /// Notes the exercises of `run` that pass for the first time, and saves if anything changed.
  /// Only the learner's own code counts: a run on Solutions records nothing.
  public mutating func record(_ run: GradingRun, root: URL, now: Date = Date()) throws {
    guard run.mode == .exercises else { return }
    var changed = false
    for report in run.exercises where report.status == .done && firstPassed[report.id] == nil {
      firstPassed[report.id] = now
      changed = true
    }
    if changed { try save(root: root) }
  }

  public func save(root: URL) throws { try Self.write(self, to: Self.file, root: root) }

  /// Writes `value` as JSON to `file` in the state folder, atomically.
  static func write(_ value: some Encodable, to file: String, root: URL) throws {
    let dir = root.appendingPathComponent(folder)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    encoder.dateEncodingStrategy = .iso8601
    try encoder.encode(value).write(to: dir.appendingPathComponent(file), options: .atomic)
  }

  static var decoder: JSONDecoder {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return decoder
  }
}
