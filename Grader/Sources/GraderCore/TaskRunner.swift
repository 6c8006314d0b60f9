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
      let limits = ResourceLimits(
        memoryMegabytes: task.memoryLimit, outputMegabytes: Self.outputLimitMB)
      // The runtime's backtracer costs a quarter of a second per trap, and a TODO's own message
      // already names its line: run without it, and again with it only for a trap it must place.
      var (outcome, events) = try runTests(
        filter: filter, timeLimit: task.timeLimit, limits: limits,
        environment: ["SWIFT_BACKTRACE": "enable=no"])
      if let crash = CrashReport(standardError: outcome.standardError), !crash.isTODO,
        !crash.isOutOfMemory
      {
        (outcome, events) = try runTests(filter: filter, timeLimit: task.timeLimit, limits: limits)
      }
      return classify(task, exercise, outcome, events)
        .with(output: LearnerOutput.trimmed(outcome.standardOutput))
    } catch {
      return report(task, .error, "\(error)", nil, 0)
    }
  }

  /// A print in a loop writes about this much in a second; no lesson needs a tenth of it.
  static let outputLimitMB = 64

  /// Runs the tests whose ids match `filter` in a child process, under the watchdog, whose
  /// clock starts when the test run does (the events file appears).
  func runTests(
    filter: String, timeLimit: Double, limits: ResourceLimits? = nil,
    environment extra: [String: String] = [:], parallel: Bool = false
  ) throws -> (ProcessOutcome, TestRunEvents) {
    let eventsURL = FileManager.default.temporaryDirectory
      .appendingPathComponent("grader-events-\(UUID().uuidString).jsonl")
    defer { try? FileManager.default.removeItem(at: eventsURL) }
    let command = launcher.command(filter: filter, eventsPath: eventsURL.path, parallel: parallel)
    let outcome = try runProcess(
      command.executable, command.arguments, in: root,
      environment: launcher.environment.merging(extra) { _, new in new }, timeLimit: timeLimit,
      ownGroup: true, limits: limits, clockStartsWith: eventsURL.path)
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

    // At the cap, writes fail: SIGXFSZ stops the process, or (where the test process ignores
    // it) the loop goes on printing nothing until the watchdog stops it.
    if outcome.ending == .signalled(SIGXFSZ)
      || outcome.standardOutput.utf8.count >= Self.outputLimitMB << 20
    {
      return report(
        task, .crashed,
        "printed more than \(Self.outputLimitMB) MB and was stopped. Is there a print inside a "
          + "loop? Print less, or only every so many steps.", taskPlace, seconds)
    }
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
      if crash.isOutOfMemory {
        return report(
          task, .crashed,
          "used more than its \(task.memoryLimit) MB of memory and was stopped. Look for an "
            + "array that grows without end (an append in a loop that never stops) or a size "
            + "far larger than the formula's.", place, seconds)
      }
      if crash.isTODO {
        return report(
          task, .todo, "not implemented yet: replace the \(StubGenerator.todoLine)", place, seconds)
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
      let place = failurePlace(events, task, exercise, stubs) ?? taskPlace
      return report(task, .failed, failureText(events), place, seconds)
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

  /// The function the first failure is about: of the task's functions, the one its message (or
  /// else its test's name) names first, as `forward: …`, `train(…)` or `validationLoss over …`.
  func failurePlace(
    _ events: TestRunEvents, _ task: ExerciseTask, _ exercise: Exercise, _ stubs: StubLocator
  ) -> SourcePlace? {
    guard let failure = events.failures.first else { return nil }
    for text in [failure.message, events.displayName(failure.testID)] {
      let named = task.stubs.compactMap { stub in
        firstMention(of: stub, in: text).map { ($0, stub) }
      }
      if let (_, stub) = named.min(by: { $0.0 < $1.0 }) {
        return stubs.locate(stub, in: mode.sourceFolder + "/" + exercise.folder)
      }
    }
    return nil
  }

  /// Where `name` first appears in `text` as a whole word, followed by `:`, `(` or a space.
  func firstMention(of name: String, in text: String) -> String.Index? {
    var searchFrom = text.startIndex
    while let range = text.range(of: name, range: searchFrom..<text.endIndex) {
      let before =
        range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
      let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
      let startsWord =
        before.map { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == ".") } ?? true
      if startsWord, let after, after == ":" || after == "(" || after == " " {
        return range.lowerBound
      }
      searchFrom = range.upperBound
    }
    return nil
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

  func report(
    _ task: ExerciseTask, _ status: TaskStatus, _ message: String?, _ place: SourcePlace?,
    _ seconds: Double
  ) -> TaskReport {
    TaskReport(
      id: task.id, title: task.title, status: status, message: message, location: place,
      durationSeconds: seconds)
  }
}

extension TaskReport {
  func with(output: String?) -> TaskReport {
    TaskReport(
      id: id, title: title, status: status, message: message, location: location,
      durationSeconds: durationSeconds, output: output)
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
    // `swift test` (macOS) reads the manifest again: the same graph as the build's.
    if !withToolkitTests { env["RNN_COURSE_TOOLKIT_TESTS"] = "no" }
    env["NO_COLOR"] = "1"
    // The runtime's backtracer names the learner's file:line for traps in the standard library.
    env["SWIFT_BACKTRACE"] = "enable=yes,interactive=no,color=no,sanitize=no,threads=crashed"
    return env
  }

  /// Whether the build included the toolkit's own tests (`buildCourse(everything:)`).
  let withToolkitTests: Bool

  init(root: URL, mode: SourceMode, withToolkitTests: Bool = false) throws {
    self.withToolkitTests = withToolkitTests
    guard let swift = findExecutable("swift") else {
      throw GraderError("cannot find `swift` on PATH: install the Swift 6 toolchain")
    }
    self.root = root
    self.mode = mode
    self.swift = swift
    let debug = root.appendingPathComponent(mode.scratchPath).appendingPathComponent("debug")
    let candidates = (try? FileManager.default.contentsOfDirectory(atPath: debug.path)) ?? []
    binary = candidates.filter { $0.hasSuffix("PackageTests.xctest") }
      .map { debug.appendingPathComponent($0).path }
      .first { path in
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
          && !isDirectory.boolValue && FileManager.default.isExecutableFile(atPath: path)
      }
  }

  /// A task's tests run one at a time (`parallel` false), so its time limit and memory cap are
  /// its own.
  func command(filter: String, eventsPath: String, parallel: Bool = false) -> (
    executable: String, arguments: [String]
  ) {
    let common =
      (parallel ? [] : ["--no-parallel"]) + [
        "--filter", filter, "--event-stream-output-path", eventsPath, "--event-stream-version",
        "0",
      ]
    if let binary {
      return (binary, ["--testing-library", "swift-testing"] + common)
    }
    return (
      swift,
      ["test", "--skip-build", "--scratch-path", mode.scratchPath, "--disable-xctest"] + common
    )
  }
}

/// What a trap's message suggests trying, as a sentence to follow it ("." when nothing fits).
func crashAdvice(_ message: String) -> String {
  if message.contains("Index out of range") {
    return
      ". An index went past the end of an array: check loop bounds (0..<T) and the sizes of what you index."
  }
  if message.contains("Unexpectedly found nil") { return ". A force-unwrap (!) met nil." }
  return "."
}
