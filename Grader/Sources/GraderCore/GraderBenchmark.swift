import Foundation

/// `swift run grader benchmark`: the grader's speed figures, measured on a fresh copy of the
/// course so nothing is already built.
///
/// 1. Cold: `swift run grader` in the copy with a fresh, empty home folder, so SwiftPM's and the
///    compiler's caches (module caches under ~/.cache) are empty too: a new learner's first run.
/// 2. Warm: the build folders removed, `swift run grader` again; the caches are now filled.
/// 3. Edit loop: add a statement to the first task's function, then `swift run grader exNN`;
///    `rounds` times, reporting the median and the range.
/// 4. The same loop in every exercise, its other tasks solved and graded once before
///    (`ExerciseLoop`).
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
    public var median: Double { GraderBenchmark.median(editSeconds) }
    /// Per exercise, the edit loop while its first task is being worked on (`ExerciseLoop`).
    public let loops: [(exercise: String, seconds: [Double])]
  }

  public static func median(_ values: [Double]) -> Double {
    values.isEmpty ? .nan : values.sorted()[values.count / 2]
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
    let copy = try courseCopy(of: root, named: "grader-benchmark")
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

    let times = try ExerciseLoop(
      copy: copy, exercise: exercise, swift: swift, environment: environment
    ).edits(rounds, log: log)
    // Then every exercise as a learner back at its first task finds it (`ExerciseLoop`).
    let loops = try course.exercises.map { exercise in
      let loop = ExerciseLoop(
        copy: copy, exercise: exercise, swift: swift, environment: environment)
      try loop.solveAllButFirstTask(log: log)
      return (exercise.id, try loop.edits(rounds, log: log))
    }
    return Result(coldSeconds: cold, warmSeconds: warm, editSeconds: times, loops: loops)
  }

  func removeBuildFolders(in copy: URL) throws {
    let fm = FileManager.default
    for item in try fm.contentsOfDirectory(atPath: copy.path) where item.hasPrefix(".build") {
      try fm.removeItem(at: copy.appendingPathComponent(item))
    }
  }
}
