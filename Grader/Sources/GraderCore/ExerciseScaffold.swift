import Foundation

/// `grader new ex02-temperature-sampling --title "Temperature sampling"`: a new exercise that
/// builds, is listed as not started, and passes its one example task on Solutions. Every file
/// is checked for conflicts before the first one is written.
public struct ExerciseScaffold: Sendable {
  public let root: URL
  public let course: Course

  public init(root: URL, course: Course) {
    self.root = root
    self.course = course
  }

  public struct Outcome: Sendable {
    public let exercise: Exercise
    public let created: [String]
  }

  public func create(name: String, title: String?) throws -> Outcome {
    let exercise = try newExercise(name: name, title: title)
    let fm = FileManager.default
    for path in [exercise.exercisePath, exercise.solutionPath, exercise.testsPath]
    where fm.fileExists(atPath: root.appendingPathComponent(path).path) {
      throw GraderError("\(path) exists already: choose another name")
    }
    let manifest = try manifestWithExercise(exercise)

    let files: [(String, String)] = [
      ("\(exercise.solutionPath)/Example.swift", Templates.solution),
      ("\(exercise.exercisePath)/README.md", Templates.lesson(exercise)),
      ("\(exercise.testsPath)/ExampleTests.swift", Templates.suite(exercise)),
    ]
    for (path, text) in files { try write(text, to: path) }
    var updated = course
    updated.exercises.append(exercise)
    try updated.save(root: root)
    try write(manifest, to: "Package.swift")
    let stubs = try CourseSync(root: root, course: updated).write(exercise)
    return Outcome(
      exercise: exercise,
      created: files.map(\.0) + stubs + [Course.registryPath + " (entry)", "Package.swift (entry)"])
  }

  /// `ex02-temperature-sampling` → id ex02, module Ex02, that folder.
  func newExercise(name: String, title: String?) throws -> Exercise {
    let parts = name.split(separator: "-", maxSplits: 1).map(String.init)
    let slugAllowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
    guard parts.count == 2, parts[0].hasPrefix("ex"), parts[0].count >= 4,
      parts[0].dropFirst(2).allSatisfy(\.isASCII), Int(parts[0].dropFirst(2)) != nil,
      !parts[1].isEmpty, parts[1].allSatisfy({ slugAllowed.contains($0) }),
      !parts[1].hasPrefix("-"), !parts[1].hasSuffix("-")
    else {
      throw GraderError(
        "the name should look like ex02-temperature-sampling (exNN, a dash, lowercase words), got \"\(name)\""
      )
    }
    let id = parts[0]
    let module = "Ex" + id.dropFirst(2)
    if course.exercise(id) != nil {
      throw GraderError("\(id) is in \(Course.registryPath) already")
    }
    if course.exercises.contains(where: { $0.module == module }) {
      throw GraderError("module \(module) is taken already")
    }
    let words = parts[1].replacingOccurrences(of: "-", with: " ")
    let exerciseTitle = title ?? (words.prefix(1).uppercased() + words.dropFirst())
    guard !exerciseTitle.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw GraderError("--title cannot be empty")
    }
    return Exercise(
      id: id, title: exerciseTitle, module: module, folder: name,
      tasks: [
        ExerciseTask(
          id: "example", title: "an example task", suite: "Example", stubs: ["example"],
          hints: [
            "Return twice the input.",
            "The instructor replaces this task with the exercise's first real one.",
          ])
      ])
  }

  /// Package.swift with the exercise added to its `exercises` list.
  func manifestWithExercise(_ exercise: Exercise) throws -> String {
    let text = readText(root.appendingPathComponent("Package.swift"))
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard
      // `let exercises … = [` however it is spaced or typed; its closing `]` on a line of its own.
      let start = lines.firstIndex(where: { line in
        let compact = line.filter { !$0.isWhitespace }
        return compact.hasPrefix("letexercises") && compact.hasSuffix("=[")
      }),
      let end = lines[(start + 1)...].firstIndex(where: {
        $0.trimmingCharacters(in: .whitespaces) == "]"
      })
    else {
      throw GraderError(
        "Package.swift: cannot find the `let exercises: [(module: String, folder: String)] = [` list"
      )
    }
    if end - 1 > start, !lines[end - 1].hasSuffix(","), !lines[end - 1].hasSuffix("[") {
      lines[end - 1] += ","
    }
    lines.insert("  (\"\(exercise.module)\", \"\(exercise.folder)\"),", at: end)
    return lines.joined(separator: "\n")
  }

  func write(_ text: String, to path: String) throws {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url, options: .atomic)
  }
}

/// The starting files of a new exercise.
enum Templates {
  static let solution = """
    /// Task · example: replace this with the exercise's first function. Everything between the
    /// markers becomes `fatalError("TODO")` in Exercises/ when you run `swift run grader sync`.
    public func example(_ x: Double) -> Double {
      // BEGIN SOLUTION
      return 2 * x
      // END SOLUTION
    }

    """

  static func suite(_ exercise: Exercise) -> String {
    """
    import Foundation
    import \(exercise.module)
    import Testing

    /// Task `example`: one suite per task, named as the task's "suite" in Grader/course.json.
    @Suite("example") struct Example {
      @Test("example(1.5) is 3")
      func doubles() {
        let got = example(1.5)
        #expect(got == 3, "example(1.5): expected 3, got \\(got). Return twice the input.")
      }
    }

    /// For `grader compare`: one test per task, named as the task, recording the values to
    /// compare (in the course, `ProbeLog.record` from CourseTesting does this). It asserts
    /// nothing, so it runs only when grader compare gives it a file.
    @Suite(.enabled(if: ProcessInfo.processInfo.environment["GRADER_PROBE_FILE"] != nil))
    struct Probe {
      @Test func example() {
        guard let path = ProcessInfo.processInfo.environment["GRADER_PROBE_FILE"],
          let file = FileHandle(forWritingAtPath: path)
        else { return }
        file.seekToEndOfFile()
        let value = \(exercise.module).example(1.5)
        file.write(Data("{\\"name\\":\\"example(1.5)\\",\\"cols\\":1,\\"values\\":[\\"\\(value)\\"]}\\n".utf8))
        try? file.close()
      }
    }

    """
  }

  static func lesson(_ exercise: Exercise) -> String {
    """
    # \(exercise.id) · \(exercise.title)

    What the learner builds in this exercise, and why it matters, in two or three sentences.

    ## The math

    The formulas, written the way the code will read.

    ## The tasks, in order

    1. **example** — `example` in `Example.swift`: return twice the input.
       *Checked:* `example(1.5)` is 3.

    Run `swift run grader \(exercise.id)` after each step; `swift run grader hint \(exercise.id)` when stuck.

    """
  }
}
