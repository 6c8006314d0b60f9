import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How a child process ended.
public struct ProcessOutcome: Sendable {
  public enum Ending: Sendable, Equatable {
    case exited(Int32)
    case signalled(Int32)
    /// Stopped by the grader's watchdog after the time limit.
    case timedOut
  }
  public let ending: Ending
  public let standardOutput: String
  public let standardError: String
  public let duration: Double
}

/// Runs a program to completion with its output in files (no pipe can fill up and block it),
/// and kills it if it outlives `timeLimit`: Swift Testing's own `.timeLimit` cannot stop a
/// synchronous infinite loop, so the grader keeps its own watchdog.
///
/// Spawned with posix_spawn and reaped with waitpid rather than Foundation's `Process`: on
/// Linux, `Process` leaks its per-child monitoring sockets into children spawned at the same
/// time and waits for EOF on them, so one orphan (a crash backtracer, say) can hang the grader.
/// Here a child gets exactly stdin (/dev/null), stdout and stderr, and default signal handling.
///
/// With `ownGroup`, the child leads a process group of its own, and the whole group is killed
/// when it times out or ends: whatever learner code started (a grandchild that loops forever)
/// goes with it. Such children are also killed when the grader is interrupted
/// (`stopChildrenOnInterrupt`), since Ctrl-C no longer reaches a group of its own.
///
/// With `limits`, the child cannot use more memory or write more output than they allow. With
/// `clockStartsWith`, the time limit counts from when that file appears (the test run's event
/// stream), not from the start: waiting for SwiftPM's lock on the build folder is not the test's
/// time. It then waits at most `startLimit` for the file.
public func runProcess(
  _ executable: String, _ arguments: [String], in directory: URL,
  environment overrides: [String: String] = [:], timeLimit: Double? = nil, ownGroup: Bool = false,
  limits: ResourceLimits? = nil, clockStartsWith: String? = nil, startLimit: Double = 600
) throws -> ProcessOutcome {
  let scratch = FileManager.default.temporaryDirectory
    .appendingPathComponent("grader-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: scratch) }
  let outPath = scratch.appendingPathComponent("stdout").path
  let errPath = scratch.appendingPathComponent("stderr").path

  var environment = ProcessInfo.processInfo.environment
  for (key, value) in overrides { environment[key] = value }
  environment["PWD"] = directory.path

  let start = Date()
  let pid = try spawn(
    executable, arguments: arguments, environment: environment, directory: directory.path,
    stdout: outPath, stderr: errPath, ownGroup: ownGroup, limits: limits)
  if ownGroup { ChildGroups.shared.insert(pid) }
  defer {
    if ownGroup {
      kill(-pid, SIGKILL)  // stragglers of a finished child; an empty group is ESRCH, ignored
      ChildGroups.shared.remove(pid)
    }
  }

  let reaped = ExitStatus()
  let finished = DispatchSemaphore(value: 0)
  let waiter = Thread {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    reaped.value = status
    finished.signal()
  }
  waiter.start()

  var timedOut = false
  if let timeLimit {
    let clockStart = clockStartsWith.map { waitForFile($0, finished, limit: startLimit) } ?? .now()
    if finished.wait(timeout: clockStart + timeLimit) == .timedOut {
      timedOut = true
      if ownGroup { kill(-pid, SIGKILL) }
      kill(pid, SIGKILL)
      finished.wait()  // the kill cannot be ignored: the waiter reaps it at once
    }
  } else {
    finished.wait()
  }
  let duration = Date().timeIntervalSince(start)
  let status = reaped.value

  let ending: ProcessOutcome.Ending
  if timedOut {
    ending = .timedOut
  } else if status & 0x7f == 0 {
    ending = .exited((status >> 8) & 0xff)
  } else {
    ending = .signalled(status & 0x7f)
  }
  return ProcessOutcome(
    ending: ending, standardOutput: readText(URL(fileURLWithPath: outPath)),
    standardError: readText(URL(fileURLWithPath: errPath)), duration: duration)
}

/// When the file at `path` appeared, polled every 20 ms; or now, when the child ended first or
/// the file took longer than `limit` to appear.
private func waitForFile(_ path: String, _ finished: DispatchSemaphore, limit: Double)
  -> DispatchTime
{
  let giveUp = DispatchTime.now() + limit
  while !FileManager.default.fileExists(atPath: path) && DispatchTime.now() < giveUp {
    if finished.wait(timeout: .now() + 0.02) == .success {
      finished.signal()  // the caller's wait still sees the ending
      break
    }
  }
  return .now()
}

/// Caps for a child process. Set by the shell's `ulimit` just before the program starts; on
/// macOS the data limit is not enforced by the kernel, so there only the output cap holds.
public struct ResourceLimits: Sendable, Equatable {
  /// The data segment (the heap, where arrays live), in megabytes.
  public var memoryMegabytes: Int
  /// The largest file the child may write (its standard output is one), in megabytes. Beyond it
  /// the child is stopped by SIGXFSZ.
  public var outputMegabytes: Int

  public init(memoryMegabytes: Int, outputMegabytes: Int) {
    self.memoryMegabytes = memoryMegabytes
    self.outputMegabytes = outputMegabytes
  }

  /// `ulimit` takes kilobytes for -d and 512-byte blocks for -f (POSIX sh, dash, bash as sh).
  var shellCommands: String {
    "ulimit -d \(memoryMegabytes * 1024) 2>/dev/null; ulimit -f \(outputMegabytes * 2048) 2>/dev/null; "
  }
}

/// The child's wait status, handed from the reaping thread (the semaphore orders the accesses).
private final class ExitStatus: @unchecked Sendable {
  var value: Int32 = 0
}

/// posix_spawn with stdin from /dev/null, stdout and stderr to files (or, `attached`, stdin and
/// stdout the grader's own and only stderr to its file), signals reset to their defaults and
/// unblocked, and the working directory and limits set through /bin/sh when needed
/// (posix_spawn has no portable chdir or setrlimit).
private func spawn(
  _ executable: String, arguments: [String], environment: [String: String], directory: String,
  stdout: String, stderr: String, ownGroup: Bool, limits: ResourceLimits?, attached: Bool = false
) throws -> pid_t {
  let argv = [executable] + arguments
  let program: String
  let programArgs: [String]
  if directory == FileManager.default.currentDirectoryPath && limits == nil {
    program = executable
    programArgs = argv
  } else {
    program = "/bin/sh"
    let script = (limits?.shellCommands ?? "") + "cd \"$0\" && exec \"$@\""
    programArgs = ["/bin/sh", "-c", script, directory] + argv
  }

  #if canImport(Darwin)
    var actions: posix_spawn_file_actions_t? = nil
    var attributes: posix_spawnattr_t? = nil
  #else
    var actions = posix_spawn_file_actions_t()
    var attributes = posix_spawnattr_t()
  #endif
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  if !attached {
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
  }
  posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

  posix_spawnattr_init(&attributes)
  defer { posix_spawnattr_destroy(&attributes) }
  var noSignals = sigset_t()
  sigemptyset(&noSignals)
  var allSignals = sigset_t()
  sigfillset(&allSignals)
  posix_spawnattr_setsigmask(&attributes, &noSignals)
  posix_spawnattr_setsigdefault(&attributes, &allSignals)
  var flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF
  if ownGroup {
    posix_spawnattr_setpgroup(&attributes, 0)  // a new group, led by the child
    flags |= POSIX_SPAWN_SETPGROUP
  }
  posix_spawnattr_setflags(&attributes, Int16(flags))

  let cArgs = programArgs.map { strdup($0) } + [nil]
  let cEnv = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
  defer {
    for pointer in cArgs + cEnv { free(pointer) }
  }
  var pid: pid_t = 0
  let result = posix_spawn(&pid, program, &actions, &attributes, cArgs, cEnv)
  guard result == 0 else {
    throw GraderError("cannot start \(executable): \(String(cString: strerror(result)))")
  }
  return pid
}

/// A file's text, with invalid UTF-8 repaired rather than lost.
func readText(_ url: URL) -> String {
  guard let data = FileManager.default.contents(atPath: url.path) else { return "" }
  return String(decoding: data, as: UTF8.self)
}

/// The absolute path of `name` on PATH, or nil.
public func findExecutable(_ name: String) -> String? {
  let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
  for dir in path.split(separator: ":") {
    let candidate = "\(dir)/\(name)"
    if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
  }
  return nil
}

/// Runs `executable` on the user's terminal (its stdin and stdout are the grader's own, so
/// what it prints shows as it prints it and stays), with its stderr kept in a file and returned,
/// so a crash can be shown the way a task's is. Ctrl-C reaches the child (the same process
/// group); the grader ignores it meanwhile and reports how the child ended.
public func runAttached(
  _ executable: String, _ arguments: [String], in directory: URL,
  environment overrides: [String: String] = [:]
) throws -> (ending: ProcessOutcome.Ending, standardError: String) {
  let errPath = FileManager.default.temporaryDirectory
    .appendingPathComponent("grader-stderr-\(UUID().uuidString)").path
  defer { try? FileManager.default.removeItem(atPath: errPath) }
  var environment = ProcessInfo.processInfo.environment
  for (key, value) in overrides { environment[key] = value }
  fflush(nil)
  let previous = signal(SIGINT, SIG_IGN)
  defer { signal(SIGINT, previous) }
  let pid = try spawn(
    executable, arguments: arguments, environment: environment, directory: directory.path,
    stdout: "", stderr: errPath, ownGroup: false, limits: nil, attached: true)
  var status: Int32 = 0
  while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
  let ending: ProcessOutcome.Ending =
    status & 0x7f == 0 ? .exited((status >> 8) & 0xff) : .signalled(status & 0x7f)
  return (ending, readText(URL(fileURLWithPath: errPath)))
}

/// Runs `executable` in this process's place (its output and Ctrl-C are the user's own): returns
/// only by throwing, when it could not be started.
public func replaceProcess(with executable: String, arguments: [String]) throws -> Never {
  fflush(nil)
  var cArguments = ([executable] + arguments).map { strdup($0) } + [nil]
  execv(executable, &cArguments)
  throw GraderError("could not start \(executable): \(String(cString: strerror(errno)))")
}

/// The process groups of the children running now, so an interrupt can end them all.
final class ChildGroups: @unchecked Sendable {
  static let shared = ChildGroups()
  private var leaders = Set<pid_t>()
  private let lock = NSLock()

  func insert(_ pid: pid_t) { lock.withLock { _ = leaders.insert(pid) } }
  func remove(_ pid: pid_t) { lock.withLock { _ = leaders.remove(pid) } }
  func killAll() { lock.withLock { for pid in leaders { kill(-pid, SIGKILL) } } }
}

/// Ctrl-C (or SIGTERM) ends every child group first, then the grader, with the shell's usual
/// status for an interrupt.
public func stopChildrenOnInterrupt() {
  for signalNumber in [SIGINT, SIGTERM] {
    signal(signalNumber, SIG_IGN)
    let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
    source.setEventHandler {
      ChildGroups.shared.killAll()
      exit(128 + signalNumber)
    }
    source.resume()
    interruptSources.append(source)
  }
}

/// Kept alive for the life of the process.
nonisolated(unsafe) private var interruptSources: [any DispatchSourceSignal] = []
