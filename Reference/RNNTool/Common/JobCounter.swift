import Foundation

/// "3/30 models trained" (or other jobs done) on a terminal, as jobs finish on any thread.
final class Counter: @unchecked Sendable {
  let total: Int
  let noun: String
  private var done = 0
  private let lock = NSLock()
  private let terminal = isatty(STDOUT_FILENO) != 0
  private let clock = Date()

  init(total: Int, noun: String = "models trained") {
    self.total = total
    self.noun = noun
  }

  func tick() {
    lock.lock()
    done += 1
    if terminal {
      print(
        String(
          format: "\r\u{1B}[K%d/%d %@, %.0f s", done, total, noun,
          Date().timeIntervalSince(clock)),
        terminator: "")
      fflush(nil)
    }
    lock.unlock()
  }

  func finish() {
    if terminal { print("") }
  }
}
