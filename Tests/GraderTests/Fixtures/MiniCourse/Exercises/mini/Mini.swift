// Learner code gone wrong in every way the grader must survive. Line numbers matter: the
// grader's tests expect the trap in `trap` on the line marked TRAP and the TODO on the line
// marked TODO.

public func right() -> Int { 42 }

public func wrongValue() -> Int { 41 }

public func todo() -> Int {
  fatalError("TODO")  // TODO
}

public func trap(_ values: [Int]) -> Int {
  var total = 0
  for i in 0...values.count { total += values[i] }  // TRAP
  return total
}

public func checked(_ n: Int) -> Int {
  precondition(n > 0, "n must be positive")
  return n
}

public func loop(_ n: Int) -> Int {
  var i = 0
  var total = 0
  while i < n {
    total += i
    i += 0
  }
  return total
}

public func mean(_ values: [Double]) -> Double {
  let sum = values.reduce(0, +)
  return (sum - sum) / Double(values.count - values.count)  // 0 / 0
}

public func chatty() -> Int {
  for i in 0..<1000 { print("step \(i)") }
  return 41
}

public func flood() -> Int {
  let line = String(repeating: "x", count: 10_000)
  while true { print(line) }
}

// 2 GB in all: far past the task's 128 MB cap on Linux, and bounded where no cap holds (macOS).
public func hoard() -> Int {
  var chunks: [[Double]] = []
  for _ in 0..<256 { chunks.append([Double](repeating: 1, count: 1 << 20)) }
  return chunks.count
}
