// swift-tools-version:6.0
// A small, sound course for the tests of `grader check`: everything in it is in order, and the
// tests break one thing at a time in copies of it.
import PackageDescription

let useSolutions = Context.environment["RNN_COURSE_SOURCE"] == "solutions"

let exercises: [(module: String, folder: String)] = [
  ("Tidy", "tidy")
]

var targets: [Target] = []
for exercise in exercises {
  targets.append(
    .target(
      name: exercise.module, path: (useSolutions ? "Solutions/" : "Exercises/") + exercise.folder,
      exclude: useSolutions ? [] : ["README.md"]))
  targets.append(
    .testTarget(
      name: exercise.module + "Tests", dependencies: [.target(name: exercise.module)],
      path: "Tests/\(exercise.module)Tests"))
}

let package = Package(name: "TidyCourse", targets: targets)
