import Foundation

/// What a Swift Testing run reported through `--event-stream-output-path` (schema version 0,
/// the one every Swift 6 toolchain writes). The file is written as events happen, so it still
/// holds everything up to a crash.
public struct TestRunEvents: Sendable {
  public struct Failure: Sendable, Equatable {
    public let testID: String
    public let message: String
    public let file: String?
    public let line: Int?
  }

  /// Test functions (not suites) the run knew about, by id.
  public var functions: [String: String] = [:]
  public var started: [String] = []
  public var ended: Set<String> = []
  public var failures: [Failure] = []

  /// Test functions that started and did not end: the one running when the process died.
  public var unfinished: [String] {
    started.filter { functions[$0] != nil && !ended.contains($0) }
  }

  public func displayName(_ id: String) -> String { functions[id] ?? id }

  public init() {}

  public init(jsonLines text: String) {
    for line in text.split(separator: "\n") {
      guard let data = line.data(using: .utf8),
        let record = try? JSONDecoder().decode(Record.self, from: data)
      else { continue }  // a line cut short by a crash
      let p = record.payload
      switch (record.kind, p.kind) {
      case ("test", "function"):
        if let id = p.id { functions[id] = p.displayName ?? p.name ?? id }
      case ("event", "testStarted"):
        if let id = p.testID { started.append(id) }
      case ("event", "testEnded"):
        if let id = p.testID { ended.insert(id) }
      case ("event", "issueRecorded"):
        guard let issue = p.issue, issue.isFailure != false, issue.isKnown != true else { break }
        failures.append(
          Failure(
            testID: p.testID ?? "", message: Self.message(p.messages ?? []),
            file: issue.sourceLocation?.fileID, line: issue.sourceLocation?.line))
      default:
        break
      }
    }
  }

  /// The test's own comment first (the message written for the learner), then the
  /// expectation that failed, if it says more than "Issue recorded".
  static func message(_ messages: [Record.Message]) -> String {
    let details = messages.filter { $0.symbol == "details" }.map(\.text)
    let headline = messages.first { $0.symbol == "fail" }?.text
    var parts = details
    if let headline, headline != "Issue recorded" {
      parts.append(details.isEmpty ? headline : "(\(headline))")
    }
    return parts.joined(separator: "\n")
  }

  struct Record: Decodable {
    let kind: String
    let payload: Payload

    struct Payload: Decodable {
      let kind: String?
      let id: String?
      let testID: String?
      let name: String?
      let displayName: String?
      let messages: [Message]?
      let issue: IssueInfo?
    }
    struct Message: Decodable {
      let symbol: String
      let text: String
    }
    struct IssueInfo: Decodable {
      let isFailure: Bool?
      let isKnown: Bool?
      let sourceLocation: Location?
    }
    struct Location: Decodable {
      let fileID: String?
      let line: Int?
    }
  }
}
