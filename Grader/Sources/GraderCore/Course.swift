import Foundation

/// The registry: the one list of exercises, their tasks and hints, in course order.
/// It lives in `Grader/course.json`; Package.swift's exercise list must agree with it
/// (`grader check` says so when it does not).
public struct Course: Codable, Sendable, Equatable {
  public var title: String
  public var exercises: [Exercise]

  public static let registryPath = "Grader/course.json"

  public init(title: String, exercises: [Exercise]) {
    self.title = title
    self.exercises = exercises
  }

  public func exercise(_ id: String) -> Exercise? {
    exercises.first { $0.id == id.lowercased() }
  }

  /// Reads and validates the registry under `root`.
  public static func load(root: URL) throws -> Course {
    let url = root.appendingPathComponent(registryPath)
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw GraderError("cannot read the course registry \(registryPath)")
    }
    let course: Course
    do {
      course = try JSONDecoder().decode(Course.self, from: data)
    } catch let error as DecodingError {
      throw GraderError("\(registryPath) is not a valid registry: \(describe(error))")
    }
    try course.validate()
    return course
  }

  /// Writes the registry in its one canonical form (sorted keys, two-space indent), atomically.
  public func save(root: URL) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(self)
    data.append(contentsOf: Array("\n".utf8))
    try data.write(to: root.appendingPathComponent(Course.registryPath), options: .atomic)
  }

  func validate() throws {
    var seen = Set<String>()
    for exercise in exercises {
      guard seen.insert(exercise.id).inserted else {
        throw GraderError("\(Course.registryPath): exercise id \(exercise.id) appears twice")
      }
      guard !exercise.tasks.isEmpty else {
        throw GraderError("\(Course.registryPath): \(exercise.id) has no tasks")
      }
      var taskIDs = Set<String>()
      for task in exercise.tasks {
        guard taskIDs.insert(task.id).inserted else {
          throw GraderError("\(Course.registryPath): \(exercise.id) has task \(task.id) twice")
        }
        // Only earlier tasks: the order of the tasks is then an order to grade them in.
        for other in task.dependencies where other == task.id || !taskIDs.contains(other) {
          throw GraderError(
            "\(Course.registryPath): \(exercise.id) · \(task.id) builds on \"\(other)\", which is not an earlier task of \(exercise.id)"
          )
        }
      }
    }
  }
}

public struct Exercise: Codable, Sendable, Equatable {
  /// What learners type: `swift run grader ex01`.
  public var id: String
  public var title: String
  /// The Swift module both Exercises/<folder> and Solutions/<folder> compile to.
  public var module: String
  public var folder: String
  public var tasks: [ExerciseTask]

  public init(id: String, title: String, module: String, folder: String, tasks: [ExerciseTask]) {
    self.id = id
    self.title = title
    self.module = module
    self.folder = folder
    self.tasks = tasks
  }

  public var exercisePath: String { "Exercises/\(folder)" }
  public var solutionPath: String { "Solutions/\(folder)" }
  public var lessonPath: String { "Exercises/\(folder)/README.md" }
  public var testsPath: String { "Tests/\(testTarget)" }
  public var testTarget: String { module + "Tests" }

  public func task(_ id: String) -> ExerciseTask? { tasks.first { $0.id == id } }

  /// The tasks `task` builds on, directly or through others, in course order.
  public func foundations(of task: ExerciseTask) -> [ExerciseTask] {
    var wanted = Set(task.dependencies)
    for earlier in tasks.prefix(while: { $0.id != task.id }).reversed()
    where wanted.contains(earlier.id) {
      wanted.formUnion(earlier.dependencies)
    }
    return tasks.filter { wanted.contains($0.id) }
  }

  /// The task's number as the learner reads it (1 for the first).
  public func number(of task: ExerciseTask) -> Int {
    (tasks.firstIndex { $0.id == task.id } ?? 0) + 1
  }
}

public struct ExerciseTask: Codable, Sendable, Equatable {
  public var id: String
  public var title: String
  /// The Swift Testing suite (a type in the exercise's test target) whose tests make up the task.
  public var suite: String
  /// The functions in the exercise that this task grades: where to point a learner.
  public var stubs: [String]
  /// Tiered: the first nudges, the last nearly gives it away.
  public var hints: [String]
  /// The watchdog's limit for this task's tests.
  public var timeLimitSeconds: Double?
  /// The most memory the task's test process may use.
  public var memoryLimitMB: Int?
  /// The earlier tasks whose functions this task's functions or tests call: it is graded once
  /// they pass, and shown as waiting until then.
  public var buildsOn: [String]?

  /// `buildsOn`, empty when the registry names none.
  public var dependencies: [String] { buildsOn ?? [] }

  public init(
    id: String, title: String, suite: String, stubs: [String], hints: [String],
    timeLimitSeconds: Double? = nil, memoryLimitMB: Int? = nil, buildsOn: [String]? = nil
  ) {
    self.id = id
    self.title = title
    self.suite = suite
    self.stubs = stubs
    self.hints = hints
    self.timeLimitSeconds = timeLimitSeconds
    self.memoryLimitMB = memoryLimitMB
    self.buildsOn = buildsOn
  }

  // Every ex01 task runs in under 0.1 s in a debug build; 5 s is a wide margin that still
  // answers quickly when a learner writes an endless loop.
  public static let defaultTimeLimit = 5.0
  public var timeLimit: Double { timeLimitSeconds ?? Self.defaultTimeLimit }

  // The heaviest task (ex10's) peaks near 50 MB and passes under a 128 MB cap; 1 GB leaves a
  // wide margin and still stops an array that grows without end long before the machine suffers.
  public static let defaultMemoryLimitMB = 1024
  public var memoryLimit: Int { memoryLimitMB ?? Self.defaultMemoryLimitMB }
}

private func describe(_ error: DecodingError) -> String {
  switch error {
  case .keyNotFound(let key, let context):
    return "missing \"\(key.stringValue)\" at \(path(context.codingPath))"
  case .typeMismatch(_, let context), .valueNotFound(_, let context):
    return "wrong type at \(path(context.codingPath))"
  case .dataCorrupted(let context):
    return context.codingPath.isEmpty
      ? "not valid JSON" : "bad value at \(path(context.codingPath))"
  @unknown default:
    return "\(error)"
  }
}

private func path(_ codingPath: [CodingKey]) -> String {
  codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
}
