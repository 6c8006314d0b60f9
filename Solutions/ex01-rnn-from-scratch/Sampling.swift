import CourseSupport
import Foundation

/// Task 5 · greedy sampling: generate `count` character indices, starting from `seed`.
///
/// Start from h = hPrev and x = seed. Repeat `count` times:
///
///     h = tanh(Wxh·x + Whh·h + bh)
///     p = softmax(Why·h + by)
///     x = argmax p                   (the first index on ties: `p.argmax()`)
///
/// and append x to the result. The seed itself is not part of the result.
public func sampleGreedy(
  parameters p: RNNParameters, hPrev: Vector, seed: Int, count: Int
) -> [Int] {
  // BEGIN SOLUTION
  var h = hPrev
  var x = seed
  var out: [Int] = []
  for _ in 0..<count {
    h = (p.Wxh.column(x) + p.Whh * h + p.bh).map(tanh)
    x = softmax(p.Why * h + p.by).argmax()
    out.append(x)
  }
  return out
  // END SOLUTION
}
