import Foundation

/// Runs one task's tests in a child process and turns what happened into a `TaskReport`.
///
/// One process per task: a trap in learner code (a `fatalError("TODO")` stub, an index out of
/// range) kills the whole test process, so isolating tasks is what lets every other task
/// still be graded.
struct TaskRunner: Sendable {
  let root: URL
  let mode: SourceMode
  let launcher: TestLauncher

  func run(_ task: ExerciseTask, of exercise: Exercise) -> TaskReport {
    let filter = "^\(exercise.testTarget)\\.\(task.suite)(/|$)"
    do {
      let (outcome, events) = try runTests(filter: filter, timeLimit: task.timeLimit)
      return classify(task, exercise, outcome, events)
    } catch {
      return report(task, .error, "\(error)", nil, 0)
    }
  }

  /// Runs the tests whose ids match `filter` in a child process, under the watchdog.
  func runTests(filter: String, timeLimit: Double, environment extra: [String: String] = [:]) throws
    -> (ProcessOutcome, TestRunEvents)
  {
    let eventsURL = FileManager.default.temporaryDirectory
      .appendingPathComponent("grader-events-\(UUID().uuidString).jsonl")
    defer { try? FileManager.default.removeItem(at: eventsURL) }
    let command = launcher.command(filter: filter, eventsPath: eventsURL.path)
    let outcome = try runProcess(
      command.executable, command.arguments, in: root,
      environment: launcher.environment.merging(extra) { _, new in new }, timeLimit: timeLimit,
      ownGroup: true)
    return (outcome, TestRunEvents(jsonLines: readText(eventsURL)))
  }

  func classify(
    _ task: ExerciseTask, _ exercise: Exercise, _ outcome: ProcessOutcome, _ events: TestRunEvents
  ) -> TaskReport {
    let stubs = StubLocator(root: root)
    let taskPlace = task.stubs.lazy.compactMap {
      stubs.locate($0, in: mode.sourceFolder + "/" + exercise.folder)
    }.first
    let seconds = outcome.duration

    if outcome.ending == .timedOut {
      let running = events.unfinished.map { "\"\(events.displayName($0))\"" }
      let which = running.isEmpty ? "" : " while running \(running.joined(separator: ", "))"
      return report(
        task, .timedOut,
        "stopped after \(formatSeconds(task.timeLimit))\(which). Look for a loop that never ends "
          + "(a while whose condition never changes, an index that is never advanced).",
        taskPlace, seconds)
    }
    if let crash = CrashReport(standardError: outcome.standardError) {
      let place = crashPlace(crash, exercise, stubs) ?? taskPlace
      if crash.isTODO {
        return report(
          task, .todo, "not implemented yet: replace the fatalError(\"TODO\")", place, seconds)
      }
      let test = events.unfinished.first.map { " in \"\(events.displayName($0))\"" } ?? ""
      return report(
        task, .crashed, "crashed\(test): \(crash.message)\(crashAdvice(crash.message))", place,
        seconds)
    }
    if events.functions.isEmpty {
      return report(
        task, .error,
        "no tests found for suite \(task.suite) in \(exercise.testsPath) "
          + "(check the suite name in \(Course.registryPath))", nil, seconds)
    }
    if !events.failures.isEmpty {
      return report(task, .failed, failureText(events), taskPlace, seconds)
    }
    if case .exited(0) = outcome.ending {
      return report(task, .passed, nil, taskPlace, seconds)
    }
    let how: String
    switch outcome.ending {
    case .exited(let code): how = "exited with code \(code)"
    case .signalled(let signal): how = "was killed by signal \(signal)"
    case .timedOut: how = "timed out"
    }
    return report(
      task, .crashed, "the test process \(how) without reporting a failure", taskPlace, seconds)
  }

  /// Each failing test once, by name, with its failures under it.
  func failureText(_ events: TestRunEvents) -> String {
    var order: [String] = []
    var messages: [String: [String]] = [:]
    for failure in events.failures {
      if messages[failure.testID] == nil { order.append(failure.testID) }
      messages[failure.testID, default: []].append(failure.message)
    }
    return order.map { id in
      (["✗ " + events.displayName(id)]
        + messages[id]!.map { "    " + $0.replacingOccurrences(of: "\n", with: "\n    ") })
        .joined(separator: "\n")
    }.joined(separator: "\n")
  }

  /// The learner's line: the trap's own place when it is in the exercise, otherwise the
  /// innermost frame inside the exercise's sources (for traps inside the standard library).
  func crashPlace(_ crash: CrashReport, _ exercise: Exercise, _ stubs: StubLocator) -> SourcePlace?
  {
    if let fileID = crash.fileID, let line = crash.line,
      let file = stubs.file(forFileID: fileID, exercise: exercise, mode: mode)
    {
      return SourcePlace(file: file, line: line)
    }
    let prefix =
      root.standardizedFileURL.path + "/" + mode.sourceFolder + "/" + exercise.folder + "/"
    for frame in crash.frames where frame.path.hasPrefix(prefix) {
      return SourcePlace(
        file: String(frame.path.dropFirst(root.standardizedFileURL.path.count + 1)),
        line: frame.line)
    }
    return nil
  }

  func crashAdvice(_ message: String) -> String {
    if message.contains("Index out of range") {
      return
        ". An index went past the end of an array: check loop bounds (0..<T) and the sizes of what you index."
    }
    if message.contains("Unexpectedly found nil") { return ". A force-unwrap (!) met nil." }
    if message.contains("lengths differ") || message.contains("times length") {
      return ". Two shapes do not fit: compare them with the formula's (H, V)."
    }
    return "."
  }

  func report(
    _ task: ExerciseTask, _ status: TaskStatus, _ message: String?, _ place: SourcePlace?,
    _ seconds: Double
  ) -> TaskReport {
    TaskReport(
      id: task.id, title: task.title, status: status, message: message, location: place,
      durationSeconds: seconds)
  }
}

func formatSeconds(_ s: Double) -> String {
  s == s.rounded() ? "\(Int(s)) s" : String(format: "%.1f s", s)
}

/// How to start the test binary for one filter: directly where SwiftPM leaves a plain
/// executable (Linux), through `swift test --skip-build` elsewhere (macOS bundles).
struct TestLauncher: Sendable {
  let root: URL
  let mode: SourceMode
  let binary: String?
  let swift: String

  var environment: [String: String] {
    var env = mode.environment
    env["NO_COLOR"] = "1"
    // The runtime's backtracer names the learner's file:line for traps in the standard library.
    env["SWIFT_BACKTRACE"] = "enable=yes,interactive=no,color=no,sanitize=no,threads=crashed"
    return env
  }

  /// Where the test binary was built: `mode`'s scratch path, or the isolated build's.
  let scratchPath: String

  init(root: URL, mode: SourceMode, scratchPath: String? = nil) throws {
    guard let swift = findExecutable("swift") else {
      throw GraderError("cannot find `swift` on PATH: install the Swift 6 toolchain")
    }
    self.root = root
    self.mode = mode
    self.swift = swift
    self.scratchPath = scratchPath ?? mode.scratchPath
    let debug = root.appendingPathComponent(self.scratchPath).appendingPathComponent("debug")
    let candidates = (try? FileManager.default.contentsOfDirectory(atPath: debug.path)) ?? []
    binary = candidates.filter { $0.hasSuffix("PackageTests.xctest") }
      .map { debug.appendingPathComponent($0).path }
      .first { path in
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
          && !isDirectory.boolValue && FileManager.default.isExecutableFile(atPath: path)
      }
  }

  func command(filter: String, eventsPath: String) -> (executable: String, arguments: [String]) {
    let common = [
      "--filter", filter, "--event-stream-output-path", eventsPath, "--event-stream-version", "0",
    ]
    if let binary {
      return (binary, ["--testing-library", "swift-testing", "--no-parallel"] + common)
    }
    return (
      swift,
      [
        "test", "--skip-build", "--scratch-path", scratchPath, "--disable-xctest",
        "--no-parallel",
      ]
        + common
    )
  }
}
