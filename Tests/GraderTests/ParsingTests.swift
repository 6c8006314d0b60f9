import Foundation
import GraderCore
import Testing

@Suite("reading what the compiler, the runtime and Swift Testing print") struct ParsingTests {
  let root = URL(fileURLWithPath: "/course")

  @Test("compiler errors become file:line:column relative to the course, each once")
  func diagnostics() {
    let output = """
      /course/Exercises/ex01-rnn-from-scratch/Forward.swift:12:5: error: cannot find 'hh' in scope
       10 | let x = 1
      /course/Exercises/ex01-rnn-from-scratch/Forward.swift:12:5: error: cannot find 'hh' in scope
      /course/Exercises/ex01-rnn-from-scratch/Forward.swift:14:1: warning: unused variable
      error: emit-module command failed with exit code 1 (use -v to see invocation)
      error: Target Ex01 imports another target (ReferenceRNN) in the package without declaring it a dependency.
      """
    let errors = parseDiagnostics(output, root: root)
    #expect(errors.count == 2, "\(errors)")
    #expect(errors.first?.location == "Exercises/ex01-rnn-from-scratch/Forward.swift:12:5")
    #expect(errors.first?.message == "cannot find 'hh' in scope")
    #expect(errors.last?.file == nil)
    #expect(errors.last?.message.hasPrefix("Target Ex01 imports another target") == true)
  }

  @Test("a TODO trap is read from the runtime's Fatal error line")
  func todoTrap() throws {
    let stderr = """
      ◇ Test "x" started.
      Ex01/Forward.swift:28: Fatal error: TODO
      Current stack trace:
      """
    let crash = try #require(CrashReport(standardError: stderr))
    #expect(crash.isTODO)
    #expect(crash.fileID == "Ex01/Forward.swift")
    #expect(crash.line == 28)
  }

  @Test("a trap in the standard library takes the learner's frame from the backtrace")
  func backtraceFrames() throws {
    let stderr = """
      Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range
      Thread 0 "main":
        0  0x1 sigsuspend + 65 in libc.so.6 at /usr/src/sig.c:3:1
      Thread 4 "worker" crashed:
        0  0x7f closure #1 in _assertionFailure + 623 in libswiftCore.so
        3 [ra] 0x55 g() + 109 in Tests.xctest at /course/Exercises/mini/Mini.swift:15:68
        5 [ra] 0x56 Forward.other() + 148 in Tests.xctest at /course/Tests/MiniTests/T.swift:6:24
      """
    let crash = try #require(CrashReport(standardError: stderr))
    #expect(crash.message == "Index out of range")
    #expect(
      crash.frames.map(\.path) == [
        "/course/Exercises/mini/Mini.swift", "/course/Tests/MiniTests/T.swift",
      ])
    #expect(crash.frames.first?.line == 15)
  }

  @Test("a precondition keeps its kind in the message; clean output is no crash")
  func preconditionAndNoCrash() throws {
    let crash = try #require(
      CrashReport(standardError: "Mini/Mini.swift:20: Precondition failed: n must be positive\n"))
    #expect(crash.message == "Precondition failed: n must be positive")
    #expect(!crash.isTODO)
    #expect(
      CrashReport(standardError: "◇ Test run started.\n✔ Test run with 2 tests passed.\n") == nil)
  }

  @Test("the event stream gives tests, failures with their messages, and the unfinished test")
  func events() {
    let lines = """
      {"kind":"test","payload":{"kind":"function","id":"T.S/a()","displayName":"first"},"version":0}
      {"kind":"test","payload":{"kind":"function","id":"T.S/b()","name":"b()"},"version":0}
      {"kind":"event","payload":{"kind":"testStarted","testID":"T.S/a()"},"version":0}
      {"kind":"event","payload":{"kind":"issueRecorded","testID":"T.S/a()","issue":{"isFailure":true,"isKnown":false,"sourceLocation":{"fileID":"T/S.swift","line":9}},"messages":[{"symbol":"fail","text":"Issue recorded"},{"symbol":"details","text":"expected 1, got 2"}]},"version":0}
      {"kind":"event","payload":{"kind":"testEnded","testID":"T.S/a()"},"version":0}
      {"kind":"event","payload":{"kind":"testStarted","testID":"T.S/b()"},"version":0}
      {"kind":"event","payload":{"kind":"issueRec
      """
    let events = TestRunEvents(jsonLines: lines)
    #expect(events.functions.count == 2)
    #expect(events.failures.count == 1)
    #expect(events.failures.first?.message == "expected 1, got 2")
    #expect(events.failures.first?.line == 9)
    #expect(events.unfinished == ["T.S/b()"])
    #expect(events.displayName("T.S/a()") == "first")
  }

  @Test("a registry that is not valid JSON, or lacks a field, is one clear error")
  func badRegistry() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "registry-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("Grader"), withIntermediateDirectories: true)
    let registry = root.appendingPathComponent(Course.registryPath)
    try "{ not json".write(to: registry, atomically: true, encoding: .utf8)
    #expect(throws: GraderError("Grader/course.json is not a valid registry: not valid JSON")) {
      try Course.load(root: root)
    }
    try
      #"{"title": "t", "exercises": [{"id": "ex01", "title": "x", "module": "M", "folder": "f"}]}"#
      .write(to: registry, atomically: true, encoding: .utf8)
    #expect(
      throws: GraderError(
        "Grader/course.json is not a valid registry: missing \"tasks\" at .exercises[0]")
    ) {
      try Course.load(root: root)
    }
  }

  @Test("imports are read in every spelling, over lines, and not from line comments")
  func imports() {
    let text = """
      import Foundation
      @testable import Answers
      public import struct Hidden.Thing
      // import Commented
      let x = 1  // import AlsoCommented
      import
        Split
      reimport Nothing
      """
    let found = importedModules(in: text)
    #expect(found.map(\.module) == ["Foundation", "Answers", "Hidden", "Split"])
    #expect(found.map(\.line) == [1, 2, 3, 7])
  }
}
