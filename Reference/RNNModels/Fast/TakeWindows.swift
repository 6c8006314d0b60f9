import CourseSupport

/// The next window of each of the `positions.count` streams (the data cut into contiguous
/// streams of `streamLength`), written row s·b + j for step s of stream j, with min-char-rnn's
/// rule: when a window would run past its stream's end, that stream starts again from its
/// beginning with a zero state (`reset`); other windows start from zero where `resets` says so.
func takeWindows(
  _ data: UnsafePointer<Int>, streamLength: Int, positions: inout [Int], steps t: Int,
  inputs: UnsafeMutablePointer<Int>, targets: UnsafeMutablePointer<Int>,
  resets: StateResets = .never, iteration: Int = 0,
  reset: (_ stream: Int) -> Void
) {
  let b = positions.count
  for j in 0..<b {
    if positions[j] + t + 1 >= streamLength {
      positions[j] = 0
      reset(j)
    }
    let start = j * streamLength + positions[j]
    let previous = UnsafeBufferPointer(
      start: data + start - min(t, positions[j]), count: min(t, positions[j]))
    if positions[j] > 0 && resets.startsFresh(iteration: iteration, stream: j, after: previous) {
      reset(j)
    }
    for s in 0..<t {
      inputs[s * b + j] = data[start + s]
      targets[s * b + j] = data[start + s + 1]
    }
    positions[j] += t
  }
}

/// `Reference.validationLoss` on a fast path: `data` read in windows of `t` from the start, with
/// no learning, each window written into `inputs` and `targets` (one stream) and its summed loss
/// returned by `score`, which carries the state on. The loss per character; NaN when no window
/// fits.
func lossPerCharacter(
  _ data: [Int], steps t: Int, inputs: UnsafeMutablePointer<Int>,
  targets: UnsafeMutablePointer<Int>, score: () -> Double
) -> Double {
  var (total, characters, start) = (0.0, 0, 0)
  while start + t + 1 <= data.count {
    for s in 0..<t {
      inputs[s] = data[start + s]
      targets[s] = data[start + s + 1]
    }
    total += score()
    characters += t
    start += t
  }
  return characters == 0 ? .nan : total / Double(characters)
}
