import Foundation
import GraderCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `swift run grader watch [exNN]`: re-grades whenever a file in Exercises/ is saved, redraws
/// the report, and moves on to the next exercise when one is done, like rustlings' watch mode.
/// Keys: q quits, h shows the next hint for the task at hand. Ctrl-C quits too.
struct Watch {
  let commands: Commands
  var grader: Grader { commands.grader }
  var text: TextReport {
    var text = commands.text
    text.watching = true
    return text
  }

  func run(_ name: String?) throws -> Int32 {
    var exercise = try name.map { try grader.exercise(named: $0) } ?? firstUnfinished()
    let keyboard = Keyboard()
    defer { keyboard.restore() }
    let folder = grader.root.appendingPathComponent("Exercises")
    var hintLevel = 0

    while true {
      let snapshot = FileSnapshot(folder: folder)
      let run = try commands.gradeLearner([exercise], mode: .exercises)
      let report = run.exercises[0]
      let state = commands.remember(run)
      draw(
        regression(report, state) + text.exercise(report, mode: .exercises, state: state), hint: nil
      )
      if report.status == .done, let next = nextUnfinished(after: exercise) {
        print("\n\(report.id) is done. On to \(next.id) · \(next.title)…")
        Thread.sleep(forTimeInterval: 2)
        exercise = next
        hintLevel = 0
        continue
      }
      // Wait for a save or a key.
      while true {
        switch keyboard.key(waitingSeconds: 0.3) {
        case "q", "Q": return 0
        case "h", "H":
          if let taskID = report.nextTask?.id, let task = exercise.task(taskID) {
            hintLevel = min(hintLevel + 1, task.hints.count)
            draw(
              text.exercise(report, mode: .exercises, state: state),
              hint: text.hint(exercise, task, level: hintLevel))
          }
        default: break
        }
        let now = FileSnapshot(folder: folder)
        if now != snapshot {
          Thread.sleep(forTimeInterval: 0.2)  // let the editor finish writing
          // Grade the exercise that was saved, the current one or a finished one.
          if let saved = owner(of: now.changedFiles(since: snapshot)), saved.id != exercise.id {
            exercise = saved
            hintLevel = 0
          }
          break
        }
      }
    }
  }

  /// The exercise whose folder holds the first of `paths`, if any.
  func owner(of paths: [String]) -> Exercise? {
    let exercises = grader.root.appendingPathComponent("Exercises").path + "/"
    for path in paths where path.hasPrefix(exercises) {
      let folder = path.dropFirst(exercises.count).split(separator: "/").first.map(String.init)
      if let match = grader.course.exercises.first(where: { $0.folder == folder }) { return match }
    }
    return nil
  }

  /// A warning when an exercise that passed before does not now.
  func regression(_ report: ExerciseReport, _ state: CourseState) -> String {
    guard report.status != .done, state.firstPassed[report.id] != nil else { return "" }
    return text.style.red(
      "\(report.id) passed before, and now \(report.passedCount) of \(report.tasks.count) tasks pass: the change you saved broke it."
    )
      + "\n\n"
  }

  func draw(_ report: String, hint: String?) {
    if isatty(STDOUT_FILENO) != 0 { print("\u{1B}[2J\u{1B}[H", terminator: "") }
    print(report)
    if let hint { print("\n" + hint) }
    print("\n" + text.style.dim("Watching Exercises/: save a file to re-grade · h hint · q quit"))
    fflush(nil)
  }

  func firstUnfinished() throws -> Exercise {
    let run = try commands.gradeLearner(grader.course.exercises, mode: .exercises)
    let id = run.exercises.first { $0.status != .done }?.id ?? grader.course.exercises[0].id
    return try grader.exercise(named: id)
  }

  func nextUnfinished(after exercise: Exercise) -> Exercise? {
    grader.course.exercises.drop { $0.id != exercise.id }.dropFirst().first
  }
}

/// Single keys from a terminal without Enter or echo; restores the terminal on exit and Ctrl-C.
final class Keyboard {
  private let interactive = isatty(STDIN_FILENO) != 0

  init() {
    guard interactive else { return }
    var raw = termios()
    tcgetattr(STDIN_FILENO, &raw)
    savedTerminal = raw
    raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
    tcsetattr(STDIN_FILENO, TCSANOW, &raw)
    signal(SIGINT) { _ in
      Keyboard.restoreSaved()
      _exit(130)
    }
  }

  func restore() { Keyboard.restoreSaved() }

  static func restoreSaved() {
    if var saved = savedTerminal { tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
  }

  /// A key pressed within `waitingSeconds`, or nil (also when standard input is not a terminal).
  func key(waitingSeconds: Double) -> Character? {
    guard interactive else {
      Thread.sleep(forTimeInterval: waitingSeconds)
      return nil
    }
    var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
    guard poll(&descriptor, 1, Int32(waitingSeconds * 1000)) > 0 else { return nil }
    var byte: UInt8 = 0
    guard read(STDIN_FILENO, &byte, 1) == 1 else { return nil }
    return Character(UnicodeScalar(byte))
  }
}

/// The terminal's settings before watch changed them; global so the Ctrl-C handler can reach it.
nonisolated(unsafe) private var savedTerminal: termios?
