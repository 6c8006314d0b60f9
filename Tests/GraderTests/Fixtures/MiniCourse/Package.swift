// swift-tools-version:6.0
// A miniature course for the grader's own tests: one exercise whose stubs fail in every way
// learner code can (see Exercises/mini/Mini.swift). Same layout and source switch as the course.
import PackageDescription

let useSolutions = Context.environment["RNN_COURSE_SOURCE"] == "solutions"

let package = Package(
  name: "MiniCourse",
  targets: [
    .target(
      name: "Mini", path: (useSolutions ? "Solutions/" : "Exercises/") + "mini",
      exclude: useSolutions ? [] : ["README.md"]),
    // The fixture's "reference answers": the suite may use them, the exercise may not.
    .target(name: "Answers", path: "Answers"),
    .testTarget(name: "MiniTests", dependencies: ["Mini", "Answers"], path: "Tests/MiniTests"),
  ]
)
