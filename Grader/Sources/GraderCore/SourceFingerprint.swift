import Foundation

/// What a task's result depends on, reduced to one string that changes when any of it changes:
/// the learner's files that hold its functions and those of the tasks it builds on, every file
/// of the exercise that holds no task's function (helpers the learner may have added), the
/// exercise's test suites and the course's own code (the tests, the reference, the registry,
/// the package). Files that hold only other tasks' functions are left out: editing them is what
/// the learner does while a slow task need not run again.
struct SourceFingerprint {
  let root: URL
  let mode: SourceMode
  /// The course's own code changes rarely and is large: its files' sizes and dates stand in
  /// for their contents, read once per grading run.
  let courseCode: String

  init(root: URL, mode: SourceMode) {
    self.root = root
    self.mode = mode
    var hash = FNV1a()
    let locator = StubLocator(root: root)
    for file in ["Reference", "Tests/CourseTesting"].flatMap(locator.swiftFiles(in:)) {
      hash.add(file)
      let attributes = try? FileManager.default.attributesOfItem(
        atPath: root.appendingPathComponent(file).path)
      hash.add("\(attributes?[.size] ?? 0) \(attributes?[.modificationDate] ?? "")")
    }
    for file in ["Package.swift", Course.registryPath] {
      hash.add(contentsOf: root.appendingPathComponent(file))
    }
    courseCode = hash.hex
  }

  func of(_ task: ExerciseTask, in exercise: Exercise) -> String {
    var hash = FNV1a()
    hash.add(courseCode)
    let folder = mode.sourceFolder + "/" + exercise.folder
    let locator = StubLocator(root: root)
    let fileOf = { (stub: String) in locator.locate(stub, in: folder)?.file }
    let own = Set(([task] + exercise.foundations(of: task)).flatMap(\.stubs).compactMap(fileOf))
    let others = Set(exercise.tasks.flatMap(\.stubs).compactMap(fileOf)).subtracting(own)
    let files =
      locator.swiftFiles(in: folder).filter { !others.contains($0) }
      + locator.swiftFiles(in: exercise.testsPath)
    for file in files {
      hash.add(file)
      hash.add(contentsOf: root.appendingPathComponent(file))
    }
    return hash.hex
  }
}

/// The 64-bit FNV-1a hash: enough to notice a change, not meant to resist anyone.
struct FNV1a {
  private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

  mutating func add(_ bytes: some Sequence<UInt8>) {
    for byte in bytes {
      value ^= UInt64(byte)
      value &*= 0x100_0000_01b3
    }
    // A separator, so that "ab" + "c" and "a" + "bc" differ.
    value ^= 0xff
    value &*= 0x100_0000_01b3
  }

  mutating func add(_ text: String) { add(text.utf8) }

  mutating func add(contentsOf url: URL) {
    add(FileManager.default.contents(atPath: url.path) ?? Data("missing".utf8))
  }

  var hex: String { String(value, radix: 16) }
}
