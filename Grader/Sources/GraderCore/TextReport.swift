import Foundation

/// Turns reports into what a learner reads. Pure functions of their inputs, so they are tested
/// as text.
public struct TextReport: Sendable {
  public let style: Style
  public let course: Course
  /// In watch mode, where saving a file grades again.
  public var watching = false

  public init(course: Course, style: Style) {
    self.course = course
    self.style = style
  }

  // MARK: swift run grader

  public func overview(_ run: GradingRun, state: CourseState = CourseState()) -> String {
    var lines = [style.bold(course.title) + modeNote(run.mode), ""]
    let idWidth = course.exercises.map(\.id.count).max() ?? 4
    let titleWidth = course.exercises.map(\.title.count).max() ?? 10
    for report in run.exercises {
      let progress = "\(report.passedCount)/\(report.tasks.count)"
      var line =
        "  " + pad(report.id, idWidth) + "  " + pad(report.title, titleWidth) + "  "
        + exerciseStatus(report.status) + "  " + style.dim(progress)
      if let date = state.firstPassed[report.id] {
        line += style.dim("  first passed \(day(date))")
      }
      lines.append(line)
    }
    let total = run.exercises.reduce(0) { $0 + $1.tasks.count }
    let passed = run.exercises.reduce(0) { $0 + $1.passedCount }
    let done = run.exercises.filter { $0.status == .done }.count
    lines.append("")
    lines.append(
      "  " + progressBar(passed, of: total) + "  \(passed) of \(total) tasks · "
        + "\(done) of \(run.exercises.count) exercises done")
    lines.append("")
    lines.append(contentsOf: nextStep(run))
    return lines.joined(separator: "\n")
  }

  func nextStep(_ run: GradingRun) -> [String] {
    if let broken = run.exercises.first(where: { $0.status == .doesNotCompile })
      ?? run.exercises.first(where: { $0.status == .blocked })
    {
      let heading =
        broken.status == .doesNotCompile
          && run.exercises.contains { $0.id != broken.id && $0.status != .blocked }
        ? "\(broken.id) does not compile (the other exercises were graded without it):"
        : "The course does not compile."
      return [style.red(heading)] + compileErrors(broken.compileErrors)
        + ["", "Fix that, then run: swift run grader \(broken.id)"]
    }
    guard let report = run.exercises.first(where: { $0.status != .done }),
      let task = report.nextTask
    else {
      return [style.green("Every exercise passes. Well done!")]
    }
    var lines = [
      style.bold("Next: ")
        + "\(report.id) · \(task.id) (\(task.title)) — \(taskStatusWord(task.status))"
    ]
    if let place = task.location { lines.append("  " + place.description) }
    if report.status == .notStarted, let exercise = course.exercise(report.id) {
      lines.append("  Read the lesson first: \(exercise.lessonPath)")
    }
    lines.append("  Then run: swift run grader \(report.id)")
    return lines
  }

  // MARK: swift run grader exNN

  public func exercise(
    _ report: ExerciseReport, mode: SourceMode, state: CourseState = CourseState()
  ) -> String {
    var lines = [
      style.bold("\(report.id) · \(report.title)") + modeNote(mode) + "   "
        + style.dim("\(report.passedCount) of \(report.tasks.count) tasks pass"),
      "",
    ]
    if !report.compileErrors.isEmpty {
      lines.append(
        style.red(
          report.status == .doesNotCompile
            ? "\(report.id) does not compile:" : "The course does not compile:"))
      lines.append(contentsOf: compileErrors(report.compileErrors))
      lines.append("")
      lines.append(report.tasks.first?.message ?? "")
      return lines.joined(separator: "\n")
    }
    let idWidth = report.tasks.map(\.id.count).max() ?? 4
    let titleWidth = report.tasks.map(\.title.count).max() ?? 10
    for task in report.tasks {
      var line =
        "  " + mark(task.status) + " " + pad(task.id, idWidth) + "  " + pad(task.title, titleWidth)
      switch task.status {
      case .passed:
        line += "  " + style.dim(task.note ?? String(format: "%.2f s", task.durationSeconds))
      case .todo: line += "  " + style.dim(task.location?.description ?? "")
      case .waiting:
        let short = task.message?.components(separatedBy: ", which").first
        line += "  " + style.dim(short ?? "waiting")
      default: line += "  " + taskStatusWord(task.status)
      }
      lines.append(line)
    }
    lines.append("")
    if let task = report.nextTask {
      lines.append(contentsOf: details(of: task, in: report))
    } else {
      var done =
        report.tasks.count == 1 ? "The task passes." : "All \(report.tasks.count) tasks pass."
      if mode == .exercises, let date = state.firstPassed[report.id] {
        done += " First passed \(day(date))."
      }
      lines.append(style.green(done))
      if mode == .exercises, let exercise = course.exercise(report.id) {
        lines.append("Compare with the solution: \(exercise.solutionPath)")
        if let next = course.exercises.drop(while: { $0.id != report.id }).dropFirst().first {
          lines.append("Next: swift run grader \(next.id) (\(next.title))")
        }
      }
    }
    return lines.joined(separator: "\n")
  }

  /// The first task that does not pass, in full: message, place, and where to get help.
  public func details(of task: TaskReport, in report: ExerciseReport) -> [String] {
    var lines: [String] = []
    let heading = "\(task.id): \(taskStatusWord(task.status))"
    lines.append(style.bold(heading))
    if let message = task.message {
      lines.append(contentsOf: message.split(separator: "\n").map { "  " + $0 })
    }
    if let place = task.location { lines.append("  at " + place.description) }
    if let output = task.output {
      lines.append("  What your code printed:")
      lines.append(contentsOf: output.split(separator: "\n").map { "  │ " + $0 })
    }
    if task.status == .todo {
      lines.append(
        watching
          ? "  Read the task in the lesson, write it, and save: it is graded again."
          : "  Read the task in the lesson, write it, and run `swift run grader \(report.id)` again."
      )
    }
    lines.append(style.dim("  Stuck? swift run grader hint \(report.id) \(task.id)"))
    return lines
  }

  public func compileErrors(_ errors: [CompilerDiagnostic]) -> [String] {
    let shown = errors.prefix(8).map { e in
      var line = e.file == nil ? "  " + e.message : "  \(e.location): \(e.message)"
      if let source = e.sourceWithCaret {
        line += "\n" + source.map { "    " + $0 }.joined(separator: "\n")
      }
      if e.message.contains("imports another target") {
        line +=
          "\n  Exercises may import CourseSupport and GradientCheck only: the reference answers are off limits."
      }
      return line
    }
    return shown + (errors.count > 8 ? ["  … and \(errors.count - 8) more"] : [])
  }

  // MARK: swift run grader compare

  /// - Parameter solutionPlaces: where each task's solution is (task id → place), shown only
  ///   when the exercise has passed.
  public func comparison(
    _ exercise: Exercise, _ results: [ExerciseComparer.TaskComparison], passed: Bool,
    solutionPlaces: [String: SourcePlace] = [:]
  ) -> String {
    var lines = [
      style.bold("\(exercise.id) · your code and the solution, on the same inputs and seed"), "",
    ]
    let width = exercise.tasks.map(\.id.count).max() ?? 4
    for result in results {
      let name = pad(result.task.id, width)
      switch result.outcome {
      case .same(let count):
        lines.append(
          "  " + style.green("=")
            + " \(name)  same results (\(count == 1 ? "1 value agrees" : "\(count) values agree") to 1e-12)"
        )
        if passed, let place = solutionPlaces[result.task.id] {
          lines.append("      " + style.dim("the solution: \(place)"))
        }
      case .differs(let location, let yours, let solution, let note):
        lines.append(
          "  " + style.red("≠")
            + " \(name)  first difference at \(location)\(note.map { " (\($0))" } ?? "")")
        lines.append("      " + pad("yours", 10) + (yours.map(formatNumber) ?? "—"))
        lines.append("      " + pad("solution", 10) + (solution.map(formatNumber) ?? "—"))
        if let cause = earlierCause(of: result.task, in: exercise, results) {
          lines.append(
            "      "
              + style.dim(
                "\(result.task.id) uses the functions of \(cause), which differ above: look there first"
              ))
        }
        if passed, let place = solutionPlaces[result.task.id] {
          lines.append("      " + style.dim("the solution: \(place)"))
        }
      case .stopped(let report):
        let place = report.location.map { " at \($0)" } ?? ""
        lines.append(
          "  " + style.yellow("·")
            + " \(name)  your code stops (\(taskStatusWord(report.status)))\(place); nothing differs before that"
        )
      case .noProbe(let why):
        lines.append("  " + style.magenta("?") + " \(name)  \(why)")
      }
    }
    lines.append("")
    if passed {
      lines.append("The solution: \(exercise.solutionPath)/")
    } else {
      lines.append(
        style.dim(
          "Where each task's solution is (file:line) shows here once \(exercise.id) passes."))
    }
    return lines.joined(separator: "\n")
  }

  /// The first task `task` builds on whose own functions already differ or stop: where a
  /// difference in `task` most likely comes from.
  func earlierCause(
    of task: ExerciseTask, in exercise: Exercise, _ results: [ExerciseComparer.TaskComparison]
  ) -> String? {
    let foundations = Set(exercise.foundations(of: task).map(\.id))
    return results.first { result in
      guard foundations.contains(result.task.id) else { return false }
      switch result.outcome {
      case .differs, .stopped: return true
      case .same, .noProbe: return false
      }
    }?.task.id
  }

  // MARK: swift run grader scratch

  /// A crash of the scratch pad as a task's is shown: the runtime's message, the learner's line
  /// (`place`, with its text), and what to try; the trap's own place when it is elsewhere.
  public func scratchCrash(_ crash: CrashReport, at place: SourcePlace?, sourceLine: String?)
    -> String
  {
    var lines = [
      crash.isTODO
        ? style.yellow("stopped at a TODO: ")
          + "your pad called a function that is not written yet (finish its task first)"
        : style.red("crashed: ") + crash.message + crashAdvice(crash.message)
    ]
    if let place {
      lines.append("  at \(place)")
      if let sourceLine {
        lines.append(
          style.dim("  \(place.line) │ ") + sourceLine.trimmingCharacters(in: .whitespaces))
      }
    }
    if let fileID = crash.fileID, let line = crash.line,
      place.map({ !$0.file.hasSuffix("/" + (fileID.split(separator: "/").last ?? "")) }) ?? true
    {
      lines.append(style.dim("  (the trap itself is in \(fileID):\(line), which your line called)"))
    }
    return lines.joined(separator: "\n")
  }

  // MARK: swift run grader list

  public func list() -> String {
    var lines = [style.bold(course.title), ""]
    for exercise in course.exercises {
      lines.append("  \(exercise.id)  \(exercise.title)  " + style.dim(exercise.lessonPath))
      for task in exercise.tasks {
        lines.append("        · \(task.id) — \(task.title)")
      }
    }
    return lines.joined(separator: "\n")
  }

  // MARK: swift run grader hint

  public func hint(_ exercise: Exercise, _ task: ExerciseTask, level: Int) -> String {
    let shown = min(max(level, 1), task.hints.count)
    var lines = [style.bold("Hints for \(exercise.id) · \(task.id) (\(task.title))"), ""]
    for (i, hint) in task.hints.prefix(shown).enumerated() {
      lines.append("  \(i + 1). \(hint)")
    }
    lines.append("")
    if shown < task.hints.count {
      lines.append(
        style.dim(
          "More (\(task.hints.count - shown) left): swift run grader hint \(exercise.id) \(task.id) --level \(shown + 1)"
        ))
    } else {
      lines.append(style.dim("That is every hint. The lesson: \(exercise.lessonPath)"))
    }
    return lines.joined(separator: "\n")
  }

  // MARK: pieces

  func modeNote(_ mode: SourceMode) -> String {
    mode == .solutions ? style.dim("  (graded against Solutions/)") : ""
  }

  func mark(_ status: TaskStatus) -> String {
    switch status {
    case .passed: style.green("✓")
    case .failed, .crashed, .timedOut, .error: style.red("✗")
    case .todo: style.yellow("·")
    case .notRun: style.dim("-")
    case .waiting: style.dim("…")
    }
  }

  func taskStatusWord(_ status: TaskStatus) -> String {
    switch status {
    case .passed: style.green("passed")
    case .failed: style.red("failed")
    case .todo: style.yellow("TODO")
    case .crashed: style.red("crashed")
    case .timedOut: style.red("timed out")
    case .notRun: style.dim("not run")
    case .waiting: style.dim("waiting")
    case .error: style.magenta("course error")
    }
  }

  func exerciseStatus(_ status: ExerciseStatus) -> String {
    let word = pad(status.rawValue, 16)
    switch status {
    case .done: return style.green(word)
    case .inProgress: return style.yellow(word)
    case .notStarted: return style.dim(word)
    case .doesNotCompile, .blocked: return style.red(word)
    }
  }

  func progressBar(_ value: Int, of total: Int, width: Int = 24) -> String {
    let filled = total == 0 ? 0 : (value * width) / total
    return "[" + style.green(String(repeating: "█", count: filled))
      + style.dim(String(repeating: "░", count: width - filled)) + "]"
  }
}

/// Enough digits to see where two nearly equal numbers part.
func formatNumber(_ x: Double) -> String {
  if x.isNaN { return "nan" }
  if x.isInfinite { return x > 0 ? "inf" : "-inf" }
  return String(format: "%.15g", x)
}

/// 2026-11-21, in UTC so the same state reads the same everywhere.
func day(_ date: Date) -> String {
  let formatter = DateFormatter()
  formatter.locale = Locale(identifier: "en_US_POSIX")
  formatter.timeZone = TimeZone(identifier: "UTC")
  formatter.dateFormat = "yyyy-MM-dd"
  return formatter.string(from: date)
}

func pad(_ text: String, _ width: Int) -> String {
  text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}
