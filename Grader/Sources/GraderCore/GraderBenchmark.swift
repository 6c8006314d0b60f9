import Foundation

/// `swift run grader benchmark`: the grader's two speed figures, measured on a fresh copy of the
/// course so nothing is already built.
///
/// 1. Cold: `swift run grader` in the copy (builds the grader and the course, grades everything).
/// 2. Edit loop: change the body of one stub in the first exercise, then `swift run grader exNN`;
///    `rounds` times, reporting the median and the range.
public struct GraderBenchmark: Sendable {
  public let root: URL
  public let course: Course
  public let rounds: Int

  public init(root: URL, course: Course, rounds: Int = 5) {
    self.root = root
    self.course = course
    self.rounds = rounds
  }

  public struct Result: Sendable {
    public let coldSeconds: Double
    public let editSeconds: [Double]
    public var median: Double { editSeconds.sorted()[editSeconds.count / 2] }
  }

  public func run(log: @Sendable (String) -> Void) throws -> Result {
    guard let swift = findExecutable("swift") else {
      throw GraderError("cannot find `swift` on PATH")
    }
    guard let exercise = course.exercises.first else {
      throw GraderError("the course has no exercises")
    }
    let copy = try freshCopy()
    defer { try? FileManager.default.removeItem(at: copy) }
    log("copied the course to \(copy.path)")

    let cold = try runProcess(swift, ["run", "grader"], in: copy)
    guard cold.ending == .exited(0) else {
      throw GraderError("`swift run grader` failed in the copy: \(cold.standardError.suffix(300))")
    }
    log(String(format: "cold `swift run grader`: %.1f s", cold.duration))

    let stubs = StubLocator(root: copy)
    guard
      let file = stubs.swiftFiles(in: exercise.exercisePath).first(where: {
        readText(copy.appendingPathComponent($0)).contains("fatalError(\"TODO\")")
      })
    else { throw GraderError("\(exercise.exercisePath) has no TODO stub to edit") }
    let url = copy.appendingPathComponent(file)
    let original = readText(url)
    var times: [Double] = []
    for round in 1...rounds {
      // A different body each round, so the compiler really has to rebuild the file.
      let edited = original.replacingOccurrences(
        of: "fatalError(\"TODO\")", with: "_ = \(round)\n  fatalError(\"TODO\")")
      try edited.write(to: url, atomically: true, encoding: .utf8)
      let graded = try runProcess(swift, ["run", "grader", exercise.id], in: copy)
      guard case .exited = graded.ending else {
        throw GraderError("`swift run grader \(exercise.id)` did not finish")
      }
      times.append(graded.duration)
      log(
        String(
          format: "edit %d of %@, then `swift run grader %@`: %.2f s", round, file, exercise.id,
          graded.duration))
    }
    return Result(coldSeconds: cold.duration, editSeconds: times)
  }

  /// The course's files without build folders or git metadata.
  func freshCopy() throws -> URL {
    let fm = FileManager.default
    let copy = fm.temporaryDirectory.appendingPathComponent("grader-benchmark-\(UUID().uuidString)")
    try fm.createDirectory(at: copy, withIntermediateDirectories: true)
    for item in try fm.contentsOfDirectory(atPath: root.path)
    where !item.hasPrefix(".build") && item != ".git" && item != ".swiftpm" {
      try fm.copyItem(at: root.appendingPathComponent(item), to: copy.appendingPathComponent(item))
    }
    return copy
  }
}
