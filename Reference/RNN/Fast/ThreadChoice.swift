import Dispatch
import Foundation

/// How a fast trainer uses the machine's cores.
public enum ThreadUse: Sendable {
  /// One thread.
  case one
  /// Two threads sharing every window, whatever else the machine is doing (where it has two
  /// cores).
  case two
  /// Two threads while they are measured to be faster than one (`ThreadChoice`).
  case measured

  /// The crew a trainer needs for this: none for one thread or a one-core machine.
  func makeCrew() -> Crew? {
    self != .one && ProcessInfo.processInfo.activeProcessorCount >= 2 ? Crew() : nil
  }
}

/// Whether the next iteration runs on two threads or on one, decided by measuring, again and
/// again: a learner's machine is never idle, and two threads that meet at a barrier every time
/// step crawl when another program holds one of the cores. Each round of `round` iterations
/// times `trials` on one thread and `trials` on two, then runs the rest on whichever was faster
/// (by the median). Both paths compute the same bits, so switching never changes the result.
struct ThreadChoice {
  let use: ThreadUse
  static let round = 200
  static let trials = 3
  private var position = 0
  private var one: [UInt64] = []
  private var two: [UInt64] = []
  private(set) var twoAreFaster = true

  init(_ use: ThreadUse) { self.use = use }

  /// Whether the coming iteration should use two threads.
  var nextUsesTwo: Bool {
    guard use == .measured else { return use == .two }
    let p = position % Self.round
    return p < Self.trials ? false : p < 2 * Self.trials ? true : twoAreFaster
  }

  /// Runs one iteration, `body(two)`, on the path the choice names and learns from its time.
  mutating func run(_ body: (_ twoThreads: Bool) -> Void) {
    let two = nextUsesTwo
    let start = DispatchTime.now().uptimeNanoseconds
    body(two)
    let elapsed = DispatchTime.now().uptimeNanoseconds - start
    let p = position % Self.round
    if p < Self.trials {
      one.append(elapsed)
    } else if p < 2 * Self.trials {
      self.two.append(elapsed)
      if p == 2 * Self.trials - 1 {
        twoAreFaster = median(self.two) < median(one)
        (one, self.two) = ([], [])
      }
    }
    position += 1
  }

  private func median(_ xs: [UInt64]) -> UInt64 { xs.sorted()[xs.count / 2] }
}
