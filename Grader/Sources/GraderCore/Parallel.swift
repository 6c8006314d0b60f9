import Foundation

/// `body(0) … body(count − 1)` on one thread per core, results in order.
///
/// Plain threads rather than Dispatch's pool: callers may block on child processes, and
/// Foundation needs a free Dispatch thread to report that a child ended, so blocking the pool
/// can deadlock.
public func parallelMap<T: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
  let slots = Slots<T>(count: count)
  let workers = max(1, min(count, ProcessInfo.processInfo.activeProcessorCount))
  let done = DispatchGroup()
  for _ in 0..<workers {
    done.enter()
    Thread {
      while let i = slots.nextIndex() { slots.set(i, body(i)) }
      done.leave()
    }.start()
  }
  done.wait()
  return slots.values
}

/// Results filled in by the workers, and the counter that hands out work.
private final class Slots<T: Sendable>: @unchecked Sendable {
  private var slots: [T?]
  private var next = 0
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func nextIndex() -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard next < slots.count else { return nil }
    next += 1
    return next - 1
  }

  func set(_ i: Int, _ value: T) {
    lock.lock()
    slots[i] = value
    lock.unlock()
  }

  var values: [T] {
    lock.lock()
    defer { lock.unlock() }
    return slots.map { $0! }
  }
}
