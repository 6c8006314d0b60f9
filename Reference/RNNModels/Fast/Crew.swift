import Dispatch
import FastKernels
import Foundation
import Synchronization

#if canImport(Darwin)
  import Darwin
#elseif canImport(Glibc)
  import Glibc
#endif

/// Two threads that work on one window together: the caller's and a partner kept for the
/// trainer's lifetime. Time steps are ~1–10 µs apart, so the threads meet at a spinning barrier
/// (a kernel wake-up costs about as much as a step); between iterations the partner spins a
/// little, then sleeps.
final class Crew: @unchecked Sendable {
  private let posted = Atomic<Int>(0)
  private let finished = Atomic<Int>(0)
  private let sleeping = Atomic<Bool>(false)
  private let stopping = Atomic<Bool>(false)
  private let wake = DispatchSemaphore(value: 0)
  /// Where the two threads meet during a window.
  let barrier = SpinBarrier()
  /// Set before each posting, read by the partner after it sees the posting.
  private var job: (@Sendable (Int) -> Void)?

  init() {
    // The thread keeps the crew alive until `stop` lets it return.
    let thread = Thread { [self] in self.partner() }
    thread.stackSize = 1 << 20
    thread.start()
  }

  /// Runs `body(0)` here and `body(1)` on the partner; returns when both are done.
  func run(_ body: @escaping @Sendable (Int) -> Void) {
    job = body
    let ticket = posted.add(1, ordering: .sequentiallyConsistent).newValue
    if sleeping.exchange(false, ordering: .sequentiallyConsistent) { wake.signal() }
    body(0)
    spin(until: { finished.load(ordering: .acquiring) == ticket })
    job = nil  // the body may hold the crew: no cycle once it is done
  }

  /// Ends the partner; the crew must not be used after this.
  func stop() {
    stopping.store(true, ordering: .sequentiallyConsistent)
    posted.add(1, ordering: .sequentiallyConsistent)
    if sleeping.exchange(false, ordering: .sequentiallyConsistent) { wake.signal() }
  }

  private func partner() {
    var seen = 0
    while true {
      // Spin for a while (about a millisecond), then sleep until the next posting.
      var spins = 0
      while posted.load(ordering: .acquiring) == seen && spins < 200_000 { spins += 1 }
      if posted.load(ordering: .acquiring) == seen {
        sleeping.store(true, ordering: .sequentiallyConsistent)
        if posted.load(ordering: .sequentiallyConsistent) == seen {
          wake.wait()
        } else if !sleeping.exchange(false, ordering: .sequentiallyConsistent) {
          wake.wait()  // the poster cleared the flag: its signal is on the way
        }
        continue
      }
      seen = posted.load(ordering: .acquiring)
      if stopping.load(ordering: .sequentiallyConsistent) { return }
      job?(1)
      finished.store(seen, ordering: .releasing)
    }
  }
}

/// Runs one iteration's `body` on both threads of `crew`, each with its part of the split, or
/// whole on this thread when there is no crew or `twoThreads` is false.
func runSplit(
  on crew: Crew?, twoThreads: Bool, _ body: @escaping @Sendable (Split) -> Void
) {
  guard let crew, twoThreads else { return body(.whole) }
  // Unowned: a retain in the barrier would be an atomic write to a line both threads use.
  let barrier = crew.barrier
  crew.run { [unowned(unsafe) barrier] k in
    body(Split(index: k, count: 2, barrier: { barrier.wait() }))
  }
}

/// Two threads wait in `wait` until both have arrived. Its counters sit on cache lines of their
/// own, away from the object's reference count: sharing one with it made every crossing up to
/// three times slower, depending on where the allocator happened to put the object.
final class SpinBarrier: Sendable {
  private let before = CacheLine()
  private let arrived = Atomic<Int>(0)
  private let between = CacheLine()
  private let passed = Atomic<Int>(0)
  private let after = CacheLine()

  func wait() {
    let round = passed.load(ordering: .acquiring)
    if arrived.add(1, ordering: .acquiringAndReleasing).newValue == 2 {
      arrived.store(0, ordering: .relaxed)
      passed.add(1, ordering: .releasing)
    } else {
      spin(until: { passed.load(ordering: .acquiring) != round })
    }
  }
}

/// 64 bytes of padding.
private struct CacheLine: Sendable {
  let bytes: (Int, Int, Int, Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0, 0, 0, 0)
}

/// Busy-waits for `done`; after a while it yields the core at every check, so that with more
/// threads than cores (tests run in parallel) the thread it waits for gets to run.
private func spin(until done: () -> Bool) {
  var spins = 0
  while !done() {
    spins += 1
    if spins > 20_000 { sched_yield() }
  }
}
