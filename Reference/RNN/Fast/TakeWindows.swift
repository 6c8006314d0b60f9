/// The next window of each of the `positions.count` streams (the data cut into contiguous
/// streams of `streamLength`), written row s·b + j for step s of stream j, with min-char-rnn's
/// rule: when a window would run past its stream's end, that stream starts again from its
/// beginning with a zero state (`reset`).
func takeWindows(
  _ data: UnsafePointer<Int>, streamLength: Int, positions: inout [Int], steps t: Int,
  inputs: UnsafeMutablePointer<Int>, targets: UnsafeMutablePointer<Int>,
  reset: (_ stream: Int) -> Void
) {
  let b = positions.count
  for j in 0..<b {
    if positions[j] + t + 1 >= streamLength {
      positions[j] = 0
      reset(j)
    }
    let start = j * streamLength + positions[j]
    for s in 0..<t {
      inputs[s * b + j] = data[start + s]
      targets[s * b + j] = data[start + s + 1]
    }
    positions[j] += t
  }
}
