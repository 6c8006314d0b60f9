import Foundation

/// Builds the course once and grades the chosen exercises' tasks, in parallel processes.
public struct Grader: Sendable {
  public let root: URL
  public let course: Course

  public init(root: URL) throws {
    self.root = root
    course = try Course.load(root: root)
  }

  /// `Ex01/Forward.swift` (as the runtime names a trap's place) → the file in `mode`'s folder,
  /// relative to the root; nil when no exercise has that module or file.
  public func sourceFile(forFileID fileID: String, mode: SourceMode) -> String? {
    let locator = StubLocator(root: root)
    return course.exercises.lazy.compactMap {
      locator.file(forFileID: fileID, exercise: $0, mode: mode)
    }.first
  }

  /// Resolves what a user typed (`ex01`, `EX01`, `1`) to an exercise, or a one-line error.
  public func exercise(named name: String) throws -> Exercise {
    let lowered = name.lowercased()
    if let exercise = course.exercise(lowered) { return exercise }
    if let n = Int(lowered), let exercise = course.exercise(String(format: "ex%02d", n)) {
      return exercise
    }
    let known = course.exercises.map(\.id).joined(separator: ", ")
    throw GraderError(
      "unknown exercise \"\(name)\": the course has \(known) (see `swift run grader list`)")
  }

  /// - Parameters:
  ///   - respectingDependencies: grade a task only once the tasks it builds on pass (else it is
  ///     `waiting`); `grader check` runs every task regardless.
  ///   - remembering: skip a slow task whose last pass had the sources it has now, and remember
  ///     this run's (`TaskRecords`); only for the learner's own code.
  ///   - onBuild: called before the build starts, to tell the user why they wait.
  ///   - onSlowTask: called before a task that took a while last time starts (with that time).
  public func grade(
    _ exercises: [Exercise], mode: SourceMode, respectingDependencies: Bool = true,
    remembering: Bool = false, onBuild: @Sendable () -> Void = {},
    onSlowTask: (Exercise, ExerciseTask, Double) -> Void = { _, _, _ in }
  ) throws -> GradingRun {
    onBuild()
    let build = try buildCourse(root: root, mode: mode, course: course)
    var broken: [Exercise] = []
    var seconds = build.duration
    if !build.succeeded {
      // One exercise that does not compile must not stop the others: build again without it.
      guard let culprits = Isolation.culprits(of: build, in: course, mode: mode) else {
        return GradingRun(
          mode: mode, buildSeconds: seconds, exercises: exercises.map { notCompiled($0, build) })
      }
      try Isolation.writeStubs(culprits, root: root, course: course)
      let isolated = try buildCourse(
        root: root, mode: mode, course: course, isolating: culprits)
      seconds += isolated.duration
      guard isolated.succeeded else {
        return GradingRun(
          mode: mode, buildSeconds: seconds, exercises: exercises.map { notCompiled($0, build) })
      }
      broken = culprits
    }
    let runner = TaskRunner(
      root: root, mode: mode,
      launcher: try TestLauncher(root: root, mode: mode))
    let gradable = exercises.filter { e in !broken.contains { $0.id == e.id } }
    let jobs = gradable.flatMap { exercise in exercise.tasks.map { (exercise, $0) } }
    let remember = remembering && mode == .exercises
    var schedule = TaskSchedule(
      jobs: jobs, respectingDependencies: respectingDependencies,
      fingerprint: remember ? SourceFingerprint(root: root, mode: mode) : nil,
      records: TaskRecords.load(root: root))
    let results = schedule.run({ runner.run($0.task, of: $0.exercise) }) {
      onSlowTask($0.exercise, $0.task, $1)
    }
    // A cache: one that cannot be saved costs the next run time, never this run's report.
    if remember { try? schedule.records.save(root: root) }
    var reports: [ExerciseReport] = []
    for exercise in exercises {
      if broken.contains(where: { $0.id == exercise.id }) {
        reports.append(notCompiled(exercise, build))
        continue
      }
      let tasks = zip(jobs, results).filter { $0.0.0.id == exercise.id }.map(\.1)
      reports.append(
        ExerciseReport(
          id: exercise.id, title: exercise.title, status: ExerciseReport.status(of: tasks),
          tasks: tasks, compileErrors: []))
    }
    return GradingRun(mode: mode, buildSeconds: seconds, exercises: reports)
  }

  /// With a failed build no test runs. An exercise gets its own errors; the others are
  /// blocked by them, since all suites link into one test binary.
  func notCompiled(_ exercise: Exercise, _ build: BuildOutcome) -> ExerciseReport {
    let own = build.errors.filter { $0.belongs(to: exercise) }
    let culprits = course.exercises.filter { other in
      other.id != exercise.id && build.errors.contains { $0.belongs(to: other) }
    }
    let blame: String
    if !own.isEmpty {
      blame = "\(exercise.id) does not compile: fix the errors shown"
    } else if !culprits.isEmpty {
      let names = culprits.map(\.id).joined(separator: ", ")
      blame =
        "\(names) does not compile, and every suite builds into one test binary: fix that first"
    } else {
      blame = "the course does not compile: fix the errors shown"
    }
    var shown = own.isEmpty ? build.errors : own
    if shown.isEmpty {
      // SwiftPM failed without a diagnostic we recognise: show the end of what it said.
      let tail = build.output.split(separator: "\n").suffix(5).joined(separator: "\n")
      shown = [CompilerDiagnostic(file: nil, line: nil, column: nil, message: tail)]
    }
    let tasks = exercise.tasks.map {
      TaskReport(
        id: $0.id, title: $0.title, status: .notRun, message: blame, location: nil,
        durationSeconds: 0)
    }
    return ExerciseReport(
      id: exercise.id, title: exercise.title, status: own.isEmpty ? .blocked : .doesNotCompile,
      tasks: tasks, compileErrors: shown)
  }
}
