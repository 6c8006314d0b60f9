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
  fatalError("TODO")
}
