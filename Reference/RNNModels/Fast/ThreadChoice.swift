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
/// step crawl when another program holds one of the cores. Each round tries one thread, then
/// two, each for at least `trials` iterations and `minimumTrial` nanoseconds, then runs on the
/// faster (by the mean time of an iteration) for `factor` times as long as the trials took, and
/// at least `minimumKept` iterations. The factor starts at 10 and doubles, up to 80, each time
/// a round chooses as the one before: while the machine's load stays the same, about 1% of the
/// time goes to trying the slower way, and a change is noticed within a few rounds. Both paths
/// compute the same bits, so switching never changes the result.
public struct ThreadChoice {
  /// What the trainer was told; only `.measured` measures.
  public let use: ThreadUse
  /// The fewest iterations a choice is kept before the next round of trials.
  public let minimumKept: Int
  /// The fewest nanoseconds each trial lasts.
  public let minimumTrial: UInt64
  /// The fewest iterations each trial lasts.
  public static let trials = 3
  private enum Phase { case tryingOne, tryingTwo, keeping }
  private var phase = Phase.tryingOne
  /// Iterations and nanoseconds of each phase of this round.
  private var one: (count: Int, nanoseconds: UInt64) = (0, 0)
  private var two: (count: Int, nanoseconds: UInt64) = (0, 0)
  private var kept: (count: Int, nanoseconds: UInt64) = (0, 0)
  /// What the last round found: whether two threads were the faster (true until then).
  public private(set) var twoAreFaster = true
  /// How many times as long as the trials the choice is kept.
  public private(set) var factor: UInt64 = 10
  private var rounds = 0

  /// A choice for `use`: kept 100 iterations at least, each trial 20 ms at least, by default.
  public init(_ use: ThreadUse, minimumKept: Int = 100, minimumTrial: UInt64 = 20_000_000) {
    self.use = use
    self.minimumKept = minimumKept
    self.minimumTrial = minimumTrial
  }

  /// Whether the coming iteration should use two threads.
  public var nextUsesTwo: Bool {
    switch use {
    case .one: false
    case .two: true
    case .measured:
      switch phase {
      case .tryingOne: false
      case .tryingTwo: true
      case .keeping: twoAreFaster
      }
    }
  }

  /// Runs one iteration, `body(two)`, on the path the choice names and learns from its time.
  public mutating func run(_ body: (_ twoThreads: Bool) -> Void) {
    let start = DispatchTime.now().uptimeNanoseconds
    body(nextUsesTwo)
    learn(DispatchTime.now().uptimeNanoseconds - start)
  }

  /// Learns from an iteration that took `elapsed` nanoseconds on the path `nextUsesTwo` named.
  public mutating func learn(_ elapsed: UInt64) {
    guard use == .measured else { return }
    switch phase {
    case .tryingOne:
      one = (one.count + 1, one.nanoseconds + elapsed)
      if done(one) { phase = .tryingTwo }
    case .tryingTwo:
      self.two = (self.two.count + 1, self.two.nanoseconds + elapsed)
      if done(self.two) {
        // Mean times compared without division: t2/n2 < t1/n1.
        let faster =
          Double(self.two.nanoseconds) * Double(one.count)
          < Double(one.nanoseconds) * Double(self.two.count)
        factor = rounds > 0 && faster == twoAreFaster ? min(2 * factor, 80) : 10
        twoAreFaster = faster
        rounds += 1
        phase = .keeping
        kept = (0, 0)
      }
    case .keeping:
      kept = (kept.count + 1, kept.nanoseconds + elapsed)
      if kept.count >= minimumKept
        && kept.nanoseconds >= factor * (one.nanoseconds + self.two.nanoseconds)
      {
        (phase, one, self.two) = (.tryingOne, (0, 0), (0, 0))
      }
    }
  }

  private func done(_ trial: (count: Int, nanoseconds: UInt64)) -> Bool {
    trial.count >= Self.trials && trial.nanoseconds >= minimumTrial
  }
}
