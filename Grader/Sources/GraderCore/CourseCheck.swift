import Foundation

/// `swift run grader check`: proves the course is sound. Every task passes on Solutions, every
/// stub in Exercises is still reported as TODO, the registry agrees with Package.swift and the
/// files, exercise code imports only what learners may use, and the grader's own tests pass.
public struct CourseCheck: Sendable {
  public let grader: Grader
  /// What exercise and solution code may import: the support layer, the gradient checker and
  /// the platform. Never ReferenceRNN (the answers) or the test helpers.
  public static let allowedImports: Set<String> = [
    "CourseSupport", "GradientCheck", "Foundation", "Swift", "Dispatch", "Glibc", "Darwin",
  ]

  public init(grader: Grader) { self.grader = grader }

  public struct Outcome: Sendable {
    public var passed = 0
    /// One line per problem, each naming its file.
    public var problems: [String] = []
  }

  /// Runs every check, calling `log` with a line as each one finishes.
  public func run(includeToolkitTests: Bool = true, log: @Sendable (String) -> Void) throws
    -> Outcome
  {
    var outcome = Outcome()
    var stepStart = Date()
    // Each step's time shows where a slow check spends it (building or running).
    func record(_ name: String, _ problems: [String], passes: Int = 1, buildSeconds: Double? = nil)
    {
      let seconds = Date().timeIntervalSince(stepStart)
      stepStart = Date()
      let time =
        seconds < 1
        ? ""
        : buildSeconds.map { String(format: " (%.0f s: %.0f s building)", seconds, $0) }
          ?? String(format: " (%.0f s)", seconds)
      if problems.isEmpty {
        outcome.passed += passes
        log("✓ \(name)\(time)")
      } else {
        outcome.problems += problems
        log("✗ \(name)\(time)")
        for p in problems { log("    \(p)") }
      }
    }
    record("registry agrees with Package.swift", try packageAgreement())
    record(
      "every exercise has its folders, lesson, suite, hints, probes and stubs", layoutProblems())
    record("no two paths differ only in case", caseCollisions(root: grader.root))
    record("Exercises are exactly what `grader sync` makes of Solutions", syncProblems())
    record(
      "exercise and solution code imports only CourseSupport and GradientCheck", importProblems())

    let course = grader.course
    let solutions = try grader.grade(
      course.exercises, mode: .solutions, respectingDependencies: false)
    record(
      "Solutions: every task passes",
      problems(in: solutions, expecting: .passed, "should pass on Solutions"),
      passes: solutions.exercises.reduce(0) { $0 + $1.tasks.count },
      buildSeconds: solutions.buildSeconds)
    let exercises = try grader.grade(
      course.exercises, mode: .exercises, respectingDependencies: false)
    record(
      "Exercises: every task is still TODO",
      problems(in: exercises, expecting: .todo, "should be TODO in Exercises"),
      passes: exercises.exercises.reduce(0) { $0 + $1.tasks.count },
      buildSeconds: exercises.buildSeconds)
    record(
      "every task stops first at its own stub or one of a task it builds on",
      foundationProblems(exercises))

    if includeToolkitTests {
      let (count, problems, buildSeconds) = try toolkitTests()
      record(
        "the grader's, the Reference toolkit's and the trainer's own tests (\(count))", problems,
        passes: max(count, 1), buildSeconds: buildSeconds)
    }
    return outcome
  }

  func problems(in run: GradingRun, expecting wanted: TaskStatus, _ words: String) -> [String] {
    var lines: [String] = []
    for report in run.exercises {
      if !report.compileErrors.isEmpty {
        lines += report.compileErrors.prefix(5).map {
          "\($0.file == nil ? "" : $0.location + ": ")\(run.mode.sourceFolder) does not compile: \($0.message)"
        }
        continue
      }
      for task in report.tasks where task.status != wanted {
        let place =
          task.location.map { "\($0): " }
          ?? "\(grader.course.exercise(report.id)?.testsPath ?? report.id): "
        let why =
          task.message.map { " — " + ($0.split(separator: "\n").first.map(String.init) ?? "") }
          ?? ""
        lines.append("\(place)\(report.id) · \(task.id) is \(task.status.rawValue), \(words)\(why)")
      }
    }
    return lines
  }

  /// A task whose tests reach another task's stub first must build on that task in the
  /// registry: otherwise the grader would run it, and blame a stub the learner is not on, while
  /// that task does not pass.
  func foundationProblems(_ run: GradingRun) -> [String] {
    let locator = StubLocator(root: grader.root)
    var problems: [String] = []
    for report in run.exercises {
      guard let exercise = grader.course.exercise(report.id) else { continue }
      let stubs = exercise.tasks.flatMap { task in
        task.stubs.compactMap { stub in
          locator.locate(stub, in: exercise.exercisePath).map { (task: task, place: $0) }
        }
      }
      for result in report.tasks where result.status == .todo {
        guard let task = exercise.task(result.id), let todo = result.location,
          let owner = stubs.filter({ $0.place.file == todo.file && $0.place.line <= todo.line })
            .max(by: { $0.place.line < $1.place.line })?.task
        else { continue }
        let allowed = Set(([task] + exercise.foundations(of: task)).map(\.id))
        if !allowed.contains(owner.id) {
          problems.append(
            "\(Course.registryPath): \(exercise.id) · \(task.id) reaches \(owner.id)'s stub first (\(todo)): add \"\(owner.id)\" to its buildsOn"
          )
        }
      }
    }
    return problems
  }

  /// Package.swift's exercise targets (read back from SwiftPM) against the registry.
  func packageAgreement() throws -> [String] {
    guard let swift = findExecutable("swift") else {
      throw GraderError("cannot find `swift` on PATH")
    }
    let outcome = try runProcess(
      swift, ["package", "dump-package"], in: grader.root,
      environment: SourceMode.exercises.environment)
    guard outcome.ending == .exited(0), let data = outcome.standardOutput.data(using: .utf8),
      let package = try? JSONDecoder().decode(DumpedPackage.self, from: data)
    else {
      return [
        "Package.swift: `swift package dump-package` failed: \(outcome.standardError.split(separator: "\n").first ?? "")"
      ]
    }
    let inPackage = Dictionary(
      package.targets.compactMap { t -> (String, String)? in
        guard let path = t.path, path.hasPrefix("Exercises/") else { return nil }
        return (t.name, String(path.dropFirst("Exercises/".count)))
      }, uniquingKeysWith: { a, _ in a })
    var problems: [String] = []
    for exercise in grader.course.exercises {
      if let folder = inPackage[exercise.module] {
        if folder != exercise.folder {
          problems.append(
            "Package.swift: \(exercise.module) uses folder \(folder), \(Course.registryPath) says \(exercise.folder)"
          )
        }
      } else {
        problems.append(
          "Package.swift: no target \(exercise.module) for \(exercise.id) in \(Course.registryPath)"
        )
      }
      if !package.targets.contains(where: { $0.name == exercise.testTarget }) {
        problems.append("Package.swift: no test target \(exercise.testTarget) for \(exercise.id)")
      }
    }
    for module in inPackage.keys.sorted()
    where !grader.course.exercises.contains(where: { $0.module == module }) {
      problems.append("Package.swift: exercise target \(module) is not in \(Course.registryPath)")
    }
    // The tools must build while a learner's exercise does not compile.
    for tool in ["grader", "rnn"] {
      let learner = package.closure(of: tool).intersection(grader.course.exercises.map(\.module))
      if !learner.isEmpty {
        problems.append(
          "Package.swift: \(tool) depends on \(learner.sorted().joined(separator: ", ")): it would stop building when that exercise does not compile"
        )
      }
    }
    return problems
  }

  struct DumpedPackage: Decodable {
    struct Target: Decodable {
      let name: String
      let path: String?
      let dependencies: [Dependency]?
    }

    /// `{"byName": ["Ex01", null]}` and the like: the name is the first element.
    struct Dependency: Decodable {
      let name: String?

      init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        var first: String?
        for key in c.allKeys {
          var list = try c.nestedUnkeyedContainer(forKey: key)
          first = first ?? (try? list.decode(String.self))
        }
        name = first
      }
    }

    struct AnyKey: CodingKey {
      let stringValue: String
      let intValue: Int? = nil
      init(stringValue: String) { self.stringValue = stringValue }
      init?(intValue: Int) { nil }
    }

    /// Every target `name` depends on, directly or not.
    func closure(of name: String) -> Set<String> {
      var seen = Set<String>()
      var queue = [name]
      while let next = queue.popLast() {
        for d in targets.first(where: { $0.name == next })?.dependencies ?? [] {
          if let n = d.name, seen.insert(n).inserted { queue.append(n) }
        }
      }
      return seen
    }
    let targets: [Target]
  }

  /// A task's probe (`@Test func <task id>()` in a Probe suite) must call each of the task's
  /// functions: `grader compare` then shows a difference at the function it starts in, not under a
  /// later task that uses it.
  func probeProblems(_ task: ExerciseTask, of exercise: Exercise, _ probes: [String]) -> [String] {
    guard let body = probes.lazy.compactMap({ functionBody("func \(task.id)(", in: $0) }).first
    else {
      return [
        "\(exercise.testsPath): no probe for \(exercise.id) · \(task.id) (grader compare runs `@Test func \(task.id)()` in a Probe suite)"
      ]
    }
    return task.stubs.filter { stub in
      !body.contains(".\(stub)(") && !body.contains(" \(stub)(") && !body.contains(".\(stub)<")
    }.map {
      "\(exercise.testsPath): the probe for \(exercise.id) · \(task.id) does not call \($0)(…): grader compare would show its differences only under a later task"
    }
  }

  func layoutProblems() -> [String] {
    let fm = FileManager.default
    let root = grader.root
    let stubs = StubLocator(root: root)
    var problems: [String] = []
    func exists(_ path: String) -> Bool {
      fm.fileExists(atPath: root.appendingPathComponent(path).path)
    }
    for exercise in grader.course.exercises {
      for path in [exercise.exercisePath, exercise.solutionPath, exercise.testsPath]
      where !exists(path) {
        problems.append("\(path): missing (\(exercise.id))")
      }
      if !exists(exercise.lessonPath) {
        problems.append("\(exercise.lessonPath): missing lesson for \(exercise.id)")
      }
      let suites = stubs.swiftFiles(in: exercise.testsPath).map {
        readText(root.appendingPathComponent($0))
      }
      let probes = suites.filter { $0.contains("struct Probe") }
      for task in exercise.tasks {
        if task.hints.isEmpty {
          problems.append("\(Course.registryPath): \(exercise.id) · \(task.id) has no hints")
        }
        if exists(exercise.testsPath) { problems += probeProblems(task, of: exercise, probes) }
        for stub in task.stubs {
          for folder in [exercise.exercisePath, exercise.solutionPath]
          where exists(folder) && stubs.locate(stub, in: folder) == nil {
            problems.append("\(folder): no func \(stub)( for \(exercise.id) · \(task.id)")
          }
        }
      }
      for file in stubs.swiftFiles(in: exercise.solutionPath) {
        let lines = readText(root.appendingPathComponent(file)).split(
          separator: "\n", omittingEmptySubsequences: false)
        for (i, line) in lines.enumerated() {
          let code =
            line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
          if code.contains(StubGenerator.todoLine) {
            problems.append("\(file):\(i + 1): a solution still contains \(StubGenerator.todoLine)")
          }
        }
      }
    }
    return problems
  }

  /// Stub files that drifted from their solutions, broken markers, and solution regions that no
  /// task grades.
  public func syncProblems() -> [String] {
    let sync = CourseSync(root: grader.root, course: grader.course)
    var problems: [String] = []
    for exercise in grader.course.exercises {
      let plan = sync.plan(exercise)
      problems += plan.errors
      problems += sync.outOfSync(exercise).map {
        "\($0): out of sync with \(exercise.solutionPath) (run `swift run grader sync`)"
      }
      let graded = Set(exercise.tasks.flatMap(\.stubs))
      for (file, region) in plan.regions {
        guard let function = region.function else {
          problems.append("\(file):\(region.line): a solution region outside any function")
          continue
        }
        if !graded.contains(function) {
          problems.append(
            "\(file):\(region.line): \(function) is a stub no task grades (add it to a task's \"stubs\" in \(Course.registryPath))"
          )
        }
      }
    }
    return problems
  }

  /// One line per import, in Exercises or Solutions, of a module exercises may not use.
  public func importProblems() -> [String] {
    let folders = grader.course.exercises.flatMap { [$0.exercisePath, $0.solutionPath] }
    return disallowedImports(in: folders, root: grader.root).map {
      "\($0.file):\($0.line): imports \($0.module); exercises may import only CourseSupport and GradientCheck"
    }
  }

  /// Runs `Tests/GraderTests` and `Tests/ReferenceTests` from the learner-mode build.
  func toolkitTests() throws -> (count: Int, problems: [String], buildSeconds: Double) {
    // Grading builds the test product only; the trainer's tests run the tools too.
    let build = try buildCourse(
      root: grader.root, mode: .exercises, course: grader.course, everything: true)
    guard build.succeeded else {
      return (
        0, ["Tests: the tools do not build: \(build.errors.first?.message ?? "see swift build")"],
        build.duration
      )
    }
    let runner = TaskRunner(
      root: grader.root, mode: .exercises,
      launcher: try TestLauncher(root: grader.root, mode: .exercises, withToolkitTests: true))
    // In parallel (Swift Testing's default): most of their time is the grader's fixture builds,
    // which leave a core idle much of the time. One at a time they took 172 s; in parallel 107 s.
    let (outcome, events) = try runner.runTests(
      filter: "^(GraderTests|ReferenceTests|TrainerTests)\\.", timeLimit: 1200, parallel: true)
    var problems = events.failures.map { f in
      "\(f.file.map { "Tests/" + $0 } ?? "Tests")\(f.line.map { ":\($0)" } ?? ""): \(events.displayName(f.testID)): \(f.message.split(separator: "\n").first ?? "")"
    }
    if let crash = CrashReport(standardError: outcome.standardError) {
      problems.append(
        "Tests: crashed in \(events.unfinished.map(events.displayName).joined(separator: ", ")): \(crash.message)"
      )
    } else if outcome.ending == .timedOut {
      problems.append("Tests: the toolkit tests timed out")
    } else if problems.isEmpty && outcome.ending != .exited(0) {
      problems.append("Tests: the toolkit tests ended with \(outcome.ending)")
    }
    if events.functions.isEmpty { problems.append("Tests: no toolkit tests ran") }
    return (events.functions.count, problems, build.duration)
  }
}

/// The text between the braces of the first function whose declaration contains `signature`.
func functionBody(_ signature: String, in text: String) -> Substring? {
  guard let start = text.range(of: signature),
    let open = text[start.upperBound...].firstIndex(of: "{")
  else { return nil }
  var depth = 0
  for index in text[open...].indices {
    if text[index] == "{" { depth += 1 }
    if text[index] == "}" {
      depth -= 1
      if depth == 0 { return text[open...index] }
    }
  }
  return nil
}
