// swift-tools-version:6.0
import PackageDescription

#if os(Linux)
  import Glibc
#endif

// An RNN course you can run.
//
// How the same test suites grade either the learner's Exercises or the Solutions:
// each exercise is ONE module (e.g. `Ex01`) whose sources come from `Exercises/<folder>` by
// default, or from `Solutions/<folder>` when RNN_COURSE_SOURCE=solutions. The suites just
// `import Ex01` and are written once. The grader builds the solutions mode in its own scratch
// path (.build-solutions), so flipping between the two never recompiles anything. We chose
// this over "two modules + a protocol" because that forces every suite to be generic and
// every call to be module-qualified, which is noise a learner reading the tests should not
// have to wade through.
let useSolutions = Context.environment["RNN_COURSE_SOURCE"] == "solutions"

// When one exercise does not compile, the grader builds again with that exercise's sources
// replaced by its untouched stubs (RNN_COURSE_STUBBED lists the
// folders; the grader writes the stubs under .build/isolated-stubs), so that every other
// exercise can still be graded: all suites link into one test binary.
let stubbed = Set(
  (Context.environment["RNN_COURSE_STUBBED"] ?? "").split(separator: ",").map(String.init))

// The exercise modules, in course order. `Grader/course.json` is the registry (titles, tasks,
// hints); `swift run grader check` fails if this list and the registry disagree, and
// `swift run grader new` edits both.
let exercises: [(module: String, folder: String)] = [
  ("Ex01", "ex01-rnn-from-scratch"),
  ("Ex02", "ex02-temperature-sampling"),
  ("Ex03", "ex03-your-own-dataset"),
  ("Ex04", "ex04-loss-curves"),
  ("Ex05", "ex05-gradient-flow"),
  ("Ex06", "ex06-who-wrote-this"),
  ("Ex07", "ex07-lstm"),
  ("Ex08", "ex08-evolution"),
  ("Ex09", "ex09-deep-bidirectional"),
  ("Ex10", "ex10-rollouts"),
  ("Ex11", "ex11-complexity-dynamics"),
  ("Ex12", "ex12-seq2seq"),
]

// What learner code may import: the support layer and the gradient checker, never the
// reference answers (ReferenceRNN). The grader builds with
// --explicit-target-dependency-import-check error, so an undeclared import is a compile error.
let learnerDependencies: [Target.Dependency] = ["CourseSupport", "GradientCheck"]

// The trainer's kernels are compiled three times from one inlinable source (FastKernels): for
// the platform's baseline (FastKernelsPortable) and, on x86-64, for AVX2 with FMA
// (FastKernelsWide) and for AVX-512 (FastKernels512), which `rnn` uses only after checking that
// the CPU has them. The baseline
// x86-64 target has 2-wide vectors and no fused multiply-add: a quarter of what a CPU with
// AVX-512 can do. On arm64 the baseline already has NEON with FMA, and all three are the same.
// Without errno, a square root is one instruction and loops of them vectorise (Linux's sqrt
// otherwise checks for negatives). Like the reference, the kernels are optimized in debug
// builds too (see `optimized` below).
let kernelFlags = ["-O", "-Xcc", "-fno-math-errno"]
#if arch(x86_64)
  let wideKernelFlags = kernelFlags + ["-target-cpu", "haswell"]
  let kernelFlags512 = kernelFlags + ["-target-cpu", "skylake-avx512"]
#else
  let wideKernelFlags = kernelFlags
  let kernelFlags512 = kernelFlags
#endif

// The numbers (Vector, Matrix, the seeded generator, deflate) and the reference are optimized
// even in debug builds: the suites train real models with them (an LSTM trains about 25 times
// faster) and measure ex11's cups by deflate (five times faster), and a learner's code calling
// Vector and Matrix runs faster too. Optimizing costs about three
// times the compile time of a module, so the rest of the support layer (charts, pictures, texts,
// parameter types) is not: nothing in it is hot. Learner code itself stays unoptimized, so traps
// point at its lines.
let optimized: [SwiftSetting] = [.unsafeFlags(["-O"])]

// On Linux, links with lld where the toolchain has it (Swift's Linux toolchains ship it), else
// with the system's default. After every edit the test binary is linked again: lld takes 0.18 s
// for it where gold takes 0.28 s, and an edit-and-grade 1.77 s instead of 1.92 s (medians of 12).
// On a target every product depends on (GraderCore, CourseNumerics): linker settings carry over.
let fastLinker: [LinkerSetting] = {
  #if os(Linux)
    let path = Context.environment["PATH"] ?? ""
    let hasLLD = path.split(separator: ":").contains { access("\($0)/ld.lld", X_OK) == 0 }
    return hasLLD ? [.unsafeFlags(["-use-ld=lld"])] : []
  #else
    return []
  #endif
}()

// Every module's folder is named as the module (Reference/README.md draws them).
var targets: [Target] = [
  .target(
    name: "CourseNumerics", path: "Reference/CourseNumerics", swiftSettings: optimized,
    linkerSettings: fastLinker),
  // Re-exports CourseNumerics: learners and tools import CourseSupport alone.
  .target(
    name: "CourseSupport", dependencies: ["CourseNumerics"], path: "Reference/CourseSupport"),
  .target(name: "GradientCheck", dependencies: ["CourseSupport"], path: "Reference/GradientCheck"),
  .target(
    name: "FastKernels", path: "Reference/FastKernels",
    swiftSettings: [.unsafeFlags(kernelFlags)]),
  .target(
    name: "FastKernelsPortable", dependencies: ["FastKernels"],
    path: "Reference/FastKernelsPortable", swiftSettings: [.unsafeFlags(kernelFlags)]),
  .target(
    name: "FastKernelsWide", dependencies: ["FastKernels"], path: "Reference/FastKernelsWide",
    swiftSettings: [.unsafeFlags(wideKernelFlags)]),
  .target(
    name: "FastKernels512", dependencies: ["FastKernels"], path: "Reference/FastKernels512",
    swiftSettings: [.unsafeFlags(kernelFlags512)]),
  // The models: cells, char models, training, sampling, checkpoints, the fast trainers.
  .target(
    name: "RNNModels",
    dependencies: [
      "CourseSupport", "FastKernels", "FastKernelsPortable", "FastKernelsWide", "FastKernels512",
    ],
    path: "Reference/RNNModels", swiftSettings: optimized),
  // ex11's automata and their measurements: no neural network.
  .target(
    name: "ComplexityDynamics", dependencies: ["CourseSupport"],
    path: "Reference/ComplexityDynamics", swiftSettings: optimized),
  // The reference answers, exercise by exercise, and the lessons' experiments; re-exports the
  // two above.
  .target(
    name: "ReferenceRNN", dependencies: ["RNNModels", "ComplexityDynamics"],
    path: "Reference/ReferenceRNN", swiftSettings: optimized),
  .target(
    name: "CourseTesting", dependencies: ["CourseSupport", "GradientCheck"],
    path: "Tests/CourseTesting"),
  // The `rnn` tool is a library with two front ends: `rnn` itself, which never compiles learner
  // code (so it works while an exercise is half-written), and `rnn-mine`, which adds the
  // learner's ex01 for `rnn train --mine` (rnn builds and hands over to it).
  .target(
    name: "RNNTool", dependencies: ["CourseSupport", "FastKernels", "ReferenceRNN", "GraderCore"],
    path: "Reference/RNNTool"),
  .executableTarget(name: "rnn", dependencies: ["RNNTool"], path: "Reference/rnn"),
  .executableTarget(
    name: "rnn-mine", dependencies: ["RNNTool", "CourseSupport", "ReferenceRNN", "Ex01"],
    path: "Reference/rnn-mine"),
  .target(name: "GraderCore", path: "Grader/Sources/GraderCore", linkerSettings: fastLinker),
  .executableTarget(name: "grader", dependencies: ["GraderCore"], path: "Grader/Sources/grader"),
]

// The toolkit's own tests (the reference's, the trainer's, the grader's) are for the course's
// authors: `swift test` and `grader check` build them. Grading a learner's code builds without
// them (the grader sets RNN_COURSE_TOOLKIT_TESTS=no): a fifth of a cold build.
if Context.environment["RNN_COURSE_TOOLKIT_TESTS"] != "no" {
  targets += [
    .testTarget(
      name: "ReferenceTests", dependencies: ["CourseSupport", "GradientCheck", "ReferenceRNN"],
      path: "Tests/ReferenceTests"),
    .testTarget(
      name: "TrainerTests",
      dependencies: [
        "CourseSupport", "GradientCheck", "ReferenceRNN", "GraderCore", "FastKernels",
        "FastKernelsPortable", "FastKernelsWide", "FastKernels512",
      ],
      path: "Tests/TrainerTests", exclude: ["Fixtures"]),
    .testTarget(
      name: "GraderTests", dependencies: ["GraderCore"], path: "Tests/GraderTests",
      exclude: ["Fixtures"]),
  ]
}

for exercise in exercises {
  targets.append(
    .target(
      name: exercise.module, dependencies: learnerDependencies,
      path: stubbed.contains(exercise.folder)
        ? ".build/isolated-stubs/" + exercise.folder
        : (useSolutions ? "Solutions/" : "Exercises/") + exercise.folder,
      exclude: useSolutions || stubbed.contains(exercise.folder) ? [] : ["README.md"]))
  targets.append(
    .testTarget(
      name: exercise.module + "Tests",
      dependencies: [
        .target(name: exercise.module), "CourseSupport", "GradientCheck", "ReferenceRNN",
        "CourseTesting",
      ],
      path: "Tests/\(exercise.module)Tests"))
}

// The learner's scratch pad (Exercises/Scratch/main.swift), only while `swift run grader
// scratch` builds it: that command lists the exercise modules the file imports in
// RNN_COURSE_SCRATCH, so the scratch pad builds only those (a half-written exercise it does not
// import cannot stop it), and no other build ever compiles the scratch pad.
if let imports = Context.environment["RNN_COURSE_SCRATCH"] {
  let modules = imports.split(separator: ",").map { Target.Dependency(stringLiteral: String($0)) }
  targets += [
    .executableTarget(
      name: "scratch", dependencies: learnerDependencies + modules + ["LineBufferedOutput"],
      path: "Exercises/Scratch"),
    // What the pad prints before a crash reaches the screen even through a pipe.
    .target(name: "LineBufferedOutput", path: "Grader/Sources/LineBufferedOutput"),
  ]
}

let package = Package(
  name: "RNNCourse",
  // macOS 15 (Xcode 16): the trainer's threads use the Synchronization module's atomics, new in
  // macOS 15. Linux has no minimum.
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "grader", targets: ["grader"]),
    .executable(name: "rnn", targets: ["rnn"]),
    .executable(name: "rnn-mine", targets: ["rnn-mine"]),
  ],
  targets: targets
)
