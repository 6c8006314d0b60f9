import Foundation
import GraderCore
import Testing

@Suite("reset and progress") struct LearnerStateTests {
  func course() throws -> (URL, Course) {
    let root = try CourseCheckTests.copy()
    return (root, try Course.load(root: root))
  }

  @Test("reset backs up the learner's files, then restores the stubs")
  func reset() throws {
    let (root, course) = try course()
    let exercise = try #require(course.exercise("tidy"))
    let mine = "public func double(_ x: Double) -> Double { x + x }  // my work\n"
    try mine.write(
      to: root.appendingPathComponent("Exercises/tidy/Double.swift"), atomically: true,
      encoding: .utf8)
    try "let extra = 1\n".write(
      to: root.appendingPathComponent("Exercises/tidy/Extra.swift"), atomically: true,
      encoding: .utf8)

    var state = CourseState()
    state.firstPassed["tidy"] = Date(timeIntervalSince1970: 1_795_000_000)
    try state.save(root: root)

    let now = Date(timeIntervalSince1970: 1_795_300_000)
    let resetter = ExerciseReset(root: root, course: course)
    let outcome = try resetter.reset(exercise, now: now)
    #expect(
      CourseState.load(root: root).firstPassed["tidy"] == nil,
      "started afresh: its TODOs are not reported as a regression")

    #expect(outcome.backup == ".course-state/backups/tidy-20261121-222640")
    let backup = root.appendingPathComponent(outcome.backup)
    #expect(
      try String(contentsOf: backup.appendingPathComponent("Double.swift"), encoding: .utf8) == mine
    )
    #expect(
      FileManager.default.fileExists(atPath: backup.appendingPathComponent("Extra.swift").path))
    #expect(outcome.removed == ["Exercises/tidy/Extra.swift"])
    #expect(
      CourseSync(root: root, course: course).outOfSync(exercise).isEmpty, "the stubs are back")
    #expect(
      FileManager.default.fileExists(
        atPath: root.appendingPathComponent("Exercises/tidy/README.md").path), "the lesson stays")

    let again = try resetter.reset(exercise, now: now)
    #expect(
      again.backup == outcome.backup + "-2",
      "a second reset in the same second never overwrites a backup")
  }

  @Test("the first pass of an exercise is remembered, once, and only for the learner's code")
  func firstPassed() throws {
    let (root, _) = try course()
    let done = ExerciseReport(id: "tidy", title: "t", status: .done, tasks: [], compileErrors: [])
    var state = CourseState.load(root: root)
    try state.record(GradingRun(mode: .solutions, buildSeconds: 0, exercises: [done]), root: root)
    #expect(state.firstPassed.isEmpty)
    let first = Date(timeIntervalSince1970: 1_795_300_000)
    try state.record(
      GradingRun(mode: .exercises, buildSeconds: 0, exercises: [done]), root: root, now: first)
    try state.record(
      GradingRun(mode: .exercises, buildSeconds: 0, exercises: [done]), root: root, now: first + 60)
    #expect(CourseState.load(root: root).firstPassed == ["tidy": first])
  }

  @Test("an unreadable state file is set aside, not lost, and the state starts afresh")
  func unreadableState() throws {
    let (root, _) = try course()
    let dir = root.appendingPathComponent(".course-state")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try "{ broken".write(
      to: dir.appendingPathComponent("progress.json"), atomically: true, encoding: .utf8)
    #expect(CourseState.load(root: root) == CourseState())
    #expect(
      try String(
        contentsOf: dir.appendingPathComponent("progress.json.unreadable"), encoding: .utf8)
        == "{ broken")
  }
}

@Suite("grader new") struct ScaffoldTests {
  @Test(
    "a scaffolded exercise keeps the course sound: it builds, its example passes on Solutions and is TODO in Exercises"
  )
  func scaffold() throws {
    let root = try CourseCheckTests.copy()
    let course = try Course.load(root: root)
    let outcome = try ExerciseScaffold(root: root, course: course).create(
      name: "ex02-echo-chamber", title: "Echo chamber")
    #expect(outcome.exercise.id == "ex02")
    #expect(outcome.exercise.module == "Ex02")
    let manifest = try String(
      contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
    #expect(
      manifest.contains("  (\"Tidy\", \"tidy\"),\n  (\"Ex02\", \"ex02-echo-chamber\"),\n]"),
      "\(manifest)")
    #expect(try Course.load(root: root).exercise("ex02")?.title == "Echo chamber")

    let check = try CourseCheck(grader: try Grader(root: root)).run(includeToolkitTests: false) {
      _ in
    }
    #expect(check.problems.isEmpty, "\(check.problems)")
    let overview = try Grader(root: root).grade(
      try Course.load(root: root).exercises, mode: .exercises)
    #expect(overview.exercises.map(\.status) == [.notStarted, .notStarted])
  }

  @Test(
    "names and conflicts are checked before anything is written",
    arguments: [
      ("tidy-again", "the name should look like ex02-temperature-sampling"),
      ("ex02-Bad_Name", "the name should look like ex02-temperature-sampling"),
      ("ex2-short", "the name should look like ex02-temperature-sampling"),
    ])
  func badNames(_ name: String, _ message: String) throws {
    let root = try CourseCheckTests.copy()
    let scaffold = ExerciseScaffold(root: root, course: try Course.load(root: root))
    #expect { try scaffold.create(name: name, title: nil) } throws: { "\($0)".hasPrefix(message) }
    #expect(try Course.load(root: root).exercises.count == 1, "nothing was written")
  }

  @Test("an existing id is refused")
  func existingID() throws {
    let root = try CourseCheckTests.copy()
    var course = try Course.load(root: root)
    course.exercises[0].id = "ex07"
    let scaffold = ExerciseScaffold(root: root, course: course)
    #expect(throws: GraderError("ex07 is in Grader/course.json already")) {
      try scaffold.create(name: "ex07-again", title: nil)
    }
  }
}

@Suite("watch's change detection") struct FileSnapshotTests {
  @Test("a save, a new file and a deletion each change the snapshot; nothing else does")
  func changes() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "snap-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
    let file = dir.appendingPathComponent("sub/A.swift")
    try "a".write(to: file, atomically: true, encoding: .utf8)
    let first = FileSnapshot(folder: dir)
    #expect(first.count == 1)
    #expect(FileSnapshot(folder: dir) == first)
    try "ab".write(to: file, atomically: true, encoding: .utf8)
    let saved = FileSnapshot(folder: dir)
    #expect(saved != first)
    try "b".write(to: dir.appendingPathComponent("B.swift"), atomically: true, encoding: .utf8)
    let added = FileSnapshot(folder: dir)
    #expect(added != saved && added.count == 2)
    #expect(saved.changedFiles(since: first) == [file.path], "the saved file, and only it")
    #expect(added.changedFiles(since: saved) == [dir.appendingPathComponent("B.swift").path])
    try FileManager.default.removeItem(at: file)
    let removed = FileSnapshot(folder: dir)
    #expect(removed != added && removed.changedFiles(since: added) == [file.path])
  }
}
