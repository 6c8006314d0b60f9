// swift-tools-version:6.0
// A miniature course for the grader's own tests: one exercise whose stubs fail in every way
// learner code can (see Exercises/mini/Mini.swift). Same layout and source switch as the course.
import PackageDescription

let useSolutions = Context.environment["RNN_COURSE_SOURCE"] == "solutions"
// As in the course: exercises that do not compile are replaced by their stubs for isolation.
let stubbed = Set(
  (Context.environment["RNN_COURSE_STUBBED"] ?? "").split(separator: ",").map(String.init))

func exercisePath(_ folder: String) -> String {
  stubbed.contains(folder)
    ? ".build/isolated-stubs/" + folder : (useSolutions ? "Solutions/" : "Exercises/") + folder
}

// As in the course: the scratch pad exists only while `grader scratch` builds it.
let scratch: [Target] =
  Context.environment["RNN_COURSE_SCRATCH"].map { imports in
    [
      .executableTarget(
        name: "scratch",
        dependencies: imports.split(separator: ",").map { .init(stringLiteral: String($0)) }
          + ["LineBufferedOutput"],
        path: "Exercises/Scratch"),
      // The course's own, copied in by the tests (MiniCourse.copy).
      .target(name: "LineBufferedOutput", path: "LineBufferedOutput"),
    ]
  } ?? []

let package = Package(
  name: "MiniCourse",
  targets: scratch + [
    .target(
      name: "Mini", path: exercisePath("mini"),
      exclude: useSolutions || stubbed.contains("mini") ? [] : ["README.md"]),
    .target(name: "Other", path: exercisePath("other")),
    // The fixture's "reference answers": the suite may use them, the exercise may not.
    .target(name: "Answers", path: "Answers"),
    .testTarget(name: "MiniTests", dependencies: ["Mini", "Answers"], path: "Tests/MiniTests"),
    .testTarget(name: "OtherTests", dependencies: ["Other"], path: "Tests/OtherTests"),
  ]
)
