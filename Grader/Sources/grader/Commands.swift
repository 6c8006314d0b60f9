import Foundation
import GraderCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The grader's subcommands. Each returns the process's exit status.
struct Commands {
  let grader: Grader
  let options: CommandLineOptions
  let text: TextReport

  var mode: SourceMode {
    options.has("solution") || options.has("solutions") ? .solutions : .exercises
  }

  func overview() throws -> Int32 {
    let run = try gradeLearner(grader.course.exercises, mode: mode)
    let state = remember(run)
    try emit(run) { text.overview(run, state: state) }
    return 0
  }

  func grade(_ name: String) throws -> Int32 {
    let exercise = try grader.exercise(named: name)
    let run = try gradeLearner([exercise], mode: mode)
    let report = run.exercises[0]
    let state = remember(run)
    try emit(run) { text.exercise(report, mode: mode, state: state) }
    return report.status == .done ? 0 : 1
  }

  /// Grades as the learner's commands do: a task once those it builds on pass, and a slow task
  /// that passed with the same sources not again (the learner's code only), saying why they wait.
  func gradeLearner(_ exercises: [Exercise], mode: SourceMode) throws -> GradingRun {
    try grader.grade(
      exercises, mode: mode, remembering: mode == .exercises, onBuild: announceBuild,
      onSlowTask: announceSlowTask)
  }

  /// Records first passes; a state that cannot be saved costs a warning, never the report.
  func remember(_ run: GradingRun) -> CourseState {
    var state = CourseState.load(root: grader.root)
    do {
      try state.record(run, root: grader.root)
    } catch {
      FileHandle.standardError.write(Data("warning: could not save progress: \(error)\n".utf8))
    }
    return state
  }

  func list() -> Int32 {
    print(text.list())
    return 0
  }

  /// `hint exNN [task]`: without a task, the first one that does not pass yet.
  func hint(_ words: [String]) throws -> Int32 {
    guard let name = words.first else {
      throw GraderError("which exercise? e.g. `swift run grader hint ex01`")
    }
    let exercise = try grader.exercise(named: name)
    let task: ExerciseTask
    if words.count > 1 {
      guard let named = exercise.task(words[1]) else {
        let known = exercise.tasks.map(\.id).joined(separator: ", ")
        throw GraderError("\(exercise.id) has no task \"\(words[1])\": its tasks are \(known)")
      }
      task = named
    } else {
      let run = try gradeLearner([exercise], mode: .exercises)
      let next = run.exercises[0].nextTask?.id
      task = exercise.tasks.first { $0.id == next } ?? exercise.tasks[0]
    }
    print(text.hint(exercise, task, level: try options.int("level", default: 1)))
    return 0
  }

  func check() throws -> Int32 {
    let outcome = try CourseCheck(grader: grader).run { line in
      print(line)
      fflush(nil)  // each line as it comes, also through a pipe
    }
    print("")
    print("check: \(outcome.passed) passed, \(outcome.problems.count) failed")
    return outcome.problems.isEmpty ? 0 : 1
  }

  /// `sync [exNN]`: writes the Exercises' stubs from the Solutions' marked regions.
  func sync(_ words: [String]) throws -> Int32 {
    let exercises =
      try words.isEmpty ? grader.course.exercises : words.map { try grader.exercise(named: $0) }
    let sync = CourseSync(root: grader.root, course: grader.course)
    var written: [String] = []
    for exercise in exercises { written += try sync.write(exercise) }
    if written.isEmpty {
      print("Every stub file already matches its solution.")
    } else {
      for path in written { print("wrote \(path)") }
    }
    return 0
  }

  /// `compare exNN`: your code and the solution, side by side, where they first differ.
  func compare(_ words: [String]) throws -> Int32 {
    guard words.count == 1 else {
      throw GraderError("which exercise? e.g. `swift run grader compare ex01`")
    }
    let exercise = try grader.exercise(named: words[0])
    let solutionsBuilt = FileManager.default.fileExists(
      atPath: grader.root.appendingPathComponent(SourceMode.solutions.scratchPath).path)
    FileHandle.standardError.write(
      Data(
        (solutionsBuilt
          ? "building your code and the Solutions…\n"
          : "building your code and, the first time, the Solutions (about a minute on two cores)…\n")
          .utf8))
    let comparer = ExerciseComparer(grader: grader)
    let results = try comparer.compare(exercise)
    let passed = CourseState.load(root: grader.root).firstPassed[exercise.id] != nil
    print(
      text.comparison(
        exercise, results, passed: passed, solutionPlaces: comparer.solutionPlaces(exercise)))
    return 0
  }

  /// `new exNN-name [--title "..."]`: scaffold an exercise.
  func new(_ words: [String]) throws -> Int32 {
    guard words.count == 1 else {
      throw GraderError("usage: swift run grader new ex02-short-name --title \"Title\"")
    }
    let outcome = try ExerciseScaffold(root: grader.root, course: grader.course)
      .create(name: words[0], title: options.string("title"))
    for path in outcome.created { print("created \(path)") }
    let id = outcome.exercise.id
    print("")
    print("Next: swift run grader \(id) --solution   (the example task passes)")
    print("Then write the real tasks: see \"Adding an exercise\" in Grader/README.md.")
    return 0
  }

  /// `reset exNN`: back up the learner's files, then restore the stubs.
  func reset(_ words: [String]) throws -> Int32 {
    guard words.count == 1 else {
      throw GraderError("which exercise? e.g. `swift run grader reset ex01`")
    }
    let exercise = try grader.exercise(named: words[0])
    guard try confirmed("Put back the stubs of \(exercise.id)? Your files are backed up first.")
    else {
      print("Nothing changed.")
      return 1
    }
    let outcome = try ExerciseReset(root: grader.root, course: grader.course).reset(exercise)
    print("Your files are saved in \(outcome.backup)/")
    for path in outcome.removed { print("removed \(path) (you added it; it is in the backup)") }
    print(
      "Restored \(outcome.restored.count) stub files of \(exercise.id). Start again with: swift run grader \(exercise.id)"
    )
    print("To get your files back: cp -R \(outcome.backup)/. \(exercise.exercisePath)/")
    return 0
  }

  /// `--yes`, or a yes typed at the terminal; without a terminal to ask, a one-line refusal.
  func confirmed(_ question: String) throws -> Bool {
    if options.has("yes") { return true }
    guard isatty(STDIN_FILENO) != 0 else {
      throw GraderError("\(question) There is no terminal to ask on: add --yes to confirm")
    }
    print("\(question) [y/N] ", terminator: "")
    fflush(nil)
    let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
    return answer == "y" || answer == "yes"
  }

  /// Builds the scratch pad with the exercises it imports, then runs it on the learner's
  /// terminal (its output and Ctrl-C are theirs); a crash is shown as a task's is.
  func scratch(_ arguments: [String]) throws -> Int32 {
    let pad = ScratchPad(root: grader.root, course: grader.course)
    FileHandle.standardError.write(Data("building \(ScratchPad.file)…\n".utf8))
    let (build, executable) = try pad.build()
    guard build.succeeded else {
      print(text.style.red("\(ScratchPad.file) does not compile:"))
      print(text.compileErrors(build.errors).joined(separator: "\n"))
      return 1
    }
    let outcome = try pad.run(executable, arguments: arguments)
    if !outcome.standardError.isEmpty {
      FileHandle.standardError.write(Data((outcome.standardError + "\n").utf8))
    }
    if let crash = outcome.crash {
      let source = outcome.place.flatMap { place in
        (try? String(
          contentsOf: grader.root.appendingPathComponent(place.file), encoding: .utf8))?
          .split(separator: "\n", omittingEmptySubsequences: false)
          .dropFirst(place.line - 1).first.map(String.init)
      }
      print(text.scratchCrash(crash, at: outcome.place, sourceLine: source))
      return 1
    }
    switch outcome.ending {
    case .exited(let code): return code
    case .signalled(let signal): return 128 + signal
    case .timedOut: return 1
    }
  }

  func benchmark() throws -> Int32 {
    let result = try GraderBenchmark(root: grader.root, course: grader.course).run { line in
      print(line)
      fflush(nil)
    }
    let sorted = result.editSeconds.sorted()
    let cold = GraderBenchmark.verdict(result.coldSeconds, target: GraderBenchmark.coldTarget)
    let edit = GraderBenchmark.verdict(result.median, target: GraderBenchmark.editTarget)
    print("")
    print(
      String(
        format: "cold swift run grader (empty caches): %.1f s, %@", result.coldSeconds, cold))
    print(String(format: "warm swift run grader (fresh build):  %.1f s", result.warmSeconds))
    print(
      String(
        format:
          "edit a file, then swift run grader %@: median %.2f s (%.2f–%.2f s over %d edits), %@",
        grader.course.exercises.first?.id ?? "", result.median, sorted.first ?? 0, sorted.last ?? 0,
        sorted.count, edit))
    print("")
    print("each exercise, its other tasks solved and graded once, editing its first task:")
    for (id, seconds) in result.loops {
      let sorted = seconds.sorted()
      let median = GraderBenchmark.median(seconds)
      print(
        String(
          format: "  swift run grader %@: median %.2f s (%.2f–%.2f s), %@", id, median,
          sorted.first ?? 0, sorted.last ?? 0,
          GraderBenchmark.verdict(median, target: GraderBenchmark.editTarget)))
    }
    print(
      "(the targets are for a fresh machine with 2 cores; this one has \(ProcessInfo.processInfo.activeProcessorCount))"
    )
    return 0
  }

  func emit(_ run: GradingRun, _ render: () -> String) throws {
    if options.has("json") {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      print(String(decoding: try encoder.encode(run), as: UTF8.self))
    } else {
      print(render())
    }
  }
}

/// A line on standard error before a task that took a while last time, so the wait is explained.
func announceSlowTask(_ exercise: Exercise, _ task: ExerciseTask, _ seconds: Double) {
  FileHandle.standardError.write(
    Data(
      "running \(exercise.id) · \(task.id) (\(task.title)): it took \(Int(seconds.rounded())) s last time…\n"
        .utf8))
}

/// A word on standard error while the course compiles, only for a person at a terminal.
@Sendable func announceBuild() {
  if isatty(STDERR_FILENO) != 0 {
    FileHandle.standardError.write(Data("Compiling the course…\r".utf8))
  }
}
