import Foundation

/// `swift run grader benchmark`: the grader's speed figures, measured on a fresh copy of the
/// course so nothing is already built.
///
/// 1. Cold: `swift run grader` in the copy with a fresh, empty home folder, so SwiftPM's and the
///    compiler's caches (module caches under ~/.cache) are empty too: a new learner's first run.
/// 2. Warm: the build folders removed, `swift run grader` again; the caches are now filled.
/// 3. Edit loop: add a statement to the first task's function, then `swift run grader exNN`;
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

  /// The course's targets on a fresh 2-core machine: a cold first run, and an edit then a run.
  public static let coldTarget = 60.0
  public static let editTarget = 2.0

  public struct Result: Sendable {
    public let coldSeconds: Double
    public let warmSeconds: Double
    public let editSeconds: [Double]
    public var median: Double { editSeconds.sorted()[editSeconds.count / 2] }
  }

  /// "within the 60 s target" or "over the 60 s target by 4.2 s".
  public static func verdict(_ seconds: Double, target: Double) -> String {
    seconds <= target
      ? String(format: "within the %g s target", target)
      : String(format: "over the %g s target by %.1f s", target, seconds - target)
  }

  public func run(log: @Sendable (String) -> Void) throws -> Result {
    guard let swift = findExecutable("swift") else {
      throw GraderError("cannot find `swift` on PATH")
    }
    guard let exercise = course.exercises.first else {
      throw GraderError("the course has no exercises")
    }
    let copy = try freshCopy()
    let home = copy.deletingLastPathComponent().appendingPathComponent(
      copy.lastPathComponent + "-home")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    defer {
      try? FileManager.default.removeItem(at: copy)
      try? FileManager.default.removeItem(at: home)
    }
    log("copied the course to \(copy.path); home and caches: \(home.path) (empty)")
    let environment = [
      "HOME": home.path, "XDG_CACHE_HOME": home.appendingPathComponent(".cache").path,
    ]
    func gradeAll(_ what: String) throws -> Double {
      let run = try runProcess(swift, ["run", "grader"], in: copy, environment: environment)
      guard run.ending == .exited(0) else {
        throw GraderError("`swift run grader` failed in the copy: \(run.standardError.suffix(300))")
      }
      log(String(format: "%@ `swift run grader`: %.1f s", what, run.duration))
      return run.duration
    }
    let cold = try gradeAll("cold (empty caches)")
    try removeBuildFolders(in: copy)
    let warm = try gradeAll("warm (build folders removed, caches kept)")

    let (file, line) = try placeToEdit(exercise, in: copy)
    let url = copy.appendingPathComponent(file)
    let lines = readText(url).split(separator: "\n", omittingEmptySubsequences: false).map(
      String.init)
    var times: [Double] = []
    for round in 1...rounds {
      // A statement with a different value each round, inside a function body, as a learner's
      // edit is: the object code changes, so the compiler and the linker both have work to do.
      var edited = lines
      edited.insert("  print(\"benchmark edit \(round)\", terminator: \"\")", at: line)
      try edited.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
      let graded = try runProcess(
        swift, ["run", "grader", exercise.id], in: copy, environment: environment)
      guard case .exited = graded.ending else {
        throw GraderError("`swift run grader \(exercise.id)` did not finish")
      }
      times.append(graded.duration)
      log(
        String(
          format: "edit %d of %@, then `swift run grader %@`: %.2f s", round, file, exercise.id,
          graded.duration))
    }
    return Result(coldSeconds: cold, warmSeconds: warm, editSeconds: times)
  }

  /// The line after the opening brace of the first task's function: where a learner edits first,
  /// done or not.
  func placeToEdit(_ exercise: Exercise, in copy: URL) throws -> (file: String, line: Int) {
    let stubs = StubLocator(root: copy)
    guard let function = exercise.tasks.first?.stubs.first,
      let place = stubs.locate(function, in: exercise.exercisePath)
    else { throw GraderError("\(exercise.exercisePath): cannot find the first task's function") }
    let lines = readText(copy.appendingPathComponent(place.file)).split(
      separator: "\n", omittingEmptySubsequences: false)
    guard
      let brace = lines.indices.first(where: {
        $0 >= place.line - 1 && lines[$0].trimmingCharacters(in: .whitespaces).hasSuffix("{")
      })
    else { throw GraderError("\(place.file): cannot find the body of \(function)") }
    return (place.file, brace + 1)
  }

  func removeBuildFolders(in copy: URL) throws {
    let fm = FileManager.default
    for item in try fm.contentsOfDirectory(atPath: copy.path) where item.hasPrefix(".build") {
      try fm.removeItem(at: copy.appendingPathComponent(item))
    }
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
