import Foundation
import GraderCore
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Learner code is untrusted: what it starts must end with its task.
@Suite("child processes") struct ProcessTests {
  /// The child starts a grandchild that would loop for five minutes, writes its pid, and loops
  /// itself; the watchdog stops the child after 1 s, and the grandchild must go with it.
  @Test("a timed-out task leaves no process behind, not even a grandchild")
  func noSurvivors() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "grader-group-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let pidFile = folder.appendingPathComponent("grandchild").path
    let outcome = try runProcess(
      "/bin/sh", ["-c", "sleep 300 & echo $! > \"\(pidFile)\"; while true; do :; done"],
      in: folder, timeLimit: 1, ownGroup: true)
    #expect(outcome.ending == .timedOut)
    let text = try String(contentsOfFile: pidFile, encoding: .utf8)
    let grandchild = try #require(pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)))
    // The grandchild, orphaned and killed, is reaped by init: wait for it to vanish.
    var alive = true
    for _ in 0..<50 where alive {
      alive = kill(grandchild, 0) == 0 && !isZombie(grandchild)
      if alive { usleep(100_000) }
    }
    #expect(!alive, "process \(grandchild), started by the timed-out task, is still running")
    if alive { kill(grandchild, SIGKILL) }
  }

  /// On Linux a killed process stays a zombie until its new parent reaps it: not running.
  func isZombie(_ pid: pid_t) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else {
      return false
    }
    return stat.split(separator: ")").last?.split(separator: " ").first == "Z"
  }
}

/// On macOS a task waits for SwiftPM's lock before its tests start: that wait is not the task's.
@Suite("the watchdog's clock") struct WatchdogClockTests {
  func run(_ script: String, marker: String) throws -> ProcessOutcome {
    try runProcess(
      "/bin/sh", ["-c", script], in: FileManager.default.temporaryDirectory, timeLimit: 1.5,
      ownGroup: true, clockStartsWith: marker)
  }

  func marker() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("start-\(UUID().uuidString)").path
  }

  @Test("the time limit counts from when the marker file appears")
  func startsLate() throws {
    let m = marker()
    let out = try run("sleep 2; touch '\(m)'; sleep 0.5", marker: m)
    #expect(out.ending == .exited(0), "2 s of waiting and 0.5 s of test is within 1.5 s")
  }

  @Test("a run that outlives the limit after the marker is stopped")
  func stillStops() throws {
    let m = marker()
    let out = try run("touch '\(m)'; sleep 3", marker: m)
    #expect(out.ending == .timedOut)
    #expect(out.duration < 2.9, "\(out.duration)")
  }
}
