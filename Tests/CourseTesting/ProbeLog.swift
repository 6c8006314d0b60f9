import CourseSupport
import Foundation
import Testing

/// What `grader compare` reads: named values a probe computed with the code under test, one
/// JSON line each, appended to the file in GRADER_PROBE_FILE (nothing is written without it).
/// Each line is flushed at once, so a crash loses nothing recorded before it.
public enum ProbeLog {
  /// Probes record values and assert nothing: they run only when `grader compare` gives them a
  /// file to record into, not on every `swift test`.
  public static var isRecording: Bool {
    ProcessInfo.processInfo.environment["GRADER_PROBE_FILE"] != nil
  }

  public static let skipReason: Comment =
    "records values for swift run grader compare, which runs it"

  public static func record(_ name: String, _ values: [Double], cols: Int = 1) {
    guard let path = ProcessInfo.processInfo.environment["GRADER_PROBE_FILE"] else { return }
    // Numbers as text: JSON has no NaN or infinity, and a learner's code may well produce them.
    let texts = values.map { "\"\($0.isNaN ? "nan" : String($0))\"" }.joined(separator: ",")
    let line = "{\"name\":\(quoted(name)),\"cols\":\(cols),\"values\":[\(texts)]}\n"
    guard let handle = FileHandle(forWritingAtPath: path) else { return }
    handle.seekToEndOfFile()
    handle.write(Data(line.utf8))
    try? handle.close()
  }

  public static func record(_ name: String, _ value: Double) { record(name, [value]) }
  public static func record(_ name: String, _ vector: Vector) { record(name, vector.scalars) }
  public static func record(_ name: String, _ matrix: Matrix) {
    record(name, matrix.scalars, cols: matrix.cols)
  }
  public static func record(_ name: String, indices: [Int]) {
    record(name, indices.map(Double.init))
  }

  /// Every tensor of a set (parameters, gradients, a state), as `prefix` + its name.
  public static func record<T: TensorSet>(_ prefix: String, _ tensors: T) {
    for slot in tensors.tensors {
      record(prefix + slot.name, tensors[keyPath: slot.values], cols: slot.isVector ? 1 : slot.cols)
    }
  }

  static func quoted(_ text: String) -> String {
    "\""
      + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
        of: "\"", with: "\\\"") + "\""
  }
}
