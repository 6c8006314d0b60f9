import Foundation

/// What a trap printed: Swift's `file:line: Fatal error: message` line and, where the runtime's
/// backtracer ran, the frames of the crashed thread with their source locations.
public struct CrashReport: Sendable, Equatable {
  /// The runtime's message: "TODO", "Index out of range", …
  public let message: String
  /// Where it trapped, as the runtime names it: `Ex01/Forward.swift` (module/file) or
  /// `Swift/ContiguousArrayBuffer.swift` for a trap inside the standard library.
  public let fileID: String?
  public let line: Int?
  /// Absolute `path:line` of every frame the backtracer printed for the crashed thread.
  public let frames: [(path: String, line: Int)]

  public static func == (a: CrashReport, b: CrashReport) -> Bool {
    a.message == b.message && a.fileID == b.fileID && a.line == b.line
      && a.frames.map(\.path) == b.frames.map(\.path)
      && a.frames.map(\.line) == b.frames.map(\.line)
  }

  /// nil when `stderr` holds no trap.
  public init?(standardError stderr: String) {
    var message: String?
    var fileID: String?
    var line: Int?
    var frames: [(path: String, line: Int)] = []
    var inCrashedThread = false
    for raw in stderr.split(separator: "\n", omittingEmptySubsequences: false) {
      let text = String(raw)
      if message == nil, let trap = Self.trapLine(text) {
        message = trap.message
        fileID = trap.fileID
        line = trap.line
      } else if message == nil, text.hasPrefix("Fatal error: ") {
        message = String(text.dropFirst("Fatal error: ".count))  // the runtime's own, no place
      }
      if text.hasPrefix("Thread ") { inCrashedThread = text.hasSuffix(" crashed:") }
      if inCrashedThread, let frame = Self.frameLocation(text) { frames.append(frame) }
    }
    guard let message else {
      if frames.isEmpty { return nil }
      self.init(message: "the program crashed", fileID: nil, line: nil, frames: frames)
      return
    }
    self.init(message: message, fileID: fileID, line: line, frames: frames)
  }

  init(message: String, fileID: String?, line: Int?, frames: [(path: String, line: Int)]) {
    self.message = message
    self.fileID = fileID
    self.line = line
    self.frames = frames
  }

  public var isTODO: Bool { message == StubGenerator.todoMessage }

  /// The runtime could not get memory: the process's limit was reached.
  public var isOutOfMemory: Bool {
    message.hasPrefix("failed to allocate") || message.contains("Could not allocate memory")
  }

  private static let trapKinds = [
    "Fatal error", "Precondition failed", "Assertion failed", "Unexpectedly found nil",
  ]

  /// `Ex01/Forward.swift:20: Fatal error: TODO` → (Ex01/Forward.swift, 20, "TODO").
  static func trapLine(_ text: String) -> (fileID: String, line: Int, message: String)? {
    for kind in trapKinds {
      guard let range = text.range(of: ": \(kind)") else { continue }
      let place = text[..<range.lowerBound]
      guard let colon = place.lastIndex(of: ":"),
        let line = Int(place[place.index(after: colon)...])
      else { continue }
      var message = String(text[range.upperBound...])
      if message.hasPrefix(": ") { message.removeFirst(2) }
      if message.isEmpty { message = kind }
      if kind != "Fatal error" { message = "\(kind): \(message)" }
      return (String(place[..<colon]), line, message)
    }
    return nil
  }

  /// `  3 [ra] 0x… g() + 109 in X at /path/File.swift:2:68` → (/path/File.swift, 2).
  static func frameLocation(_ text: String) -> (path: String, line: Int)? {
    guard let range = text.range(of: " at /", options: .backwards) else { return nil }
    let location = text[text.index(range.upperBound, offsetBy: -1)...]
    let parts = location.split(separator: ":")
    guard parts.count >= 2, let line = Int(parts[1]) else { return nil }
    return (String(parts[0]), line)
  }
}
