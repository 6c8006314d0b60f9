import CourseSupport
import Foundation

/// Task 3 · generate text from a trained model.
///
/// 1. Warm up: start from h = 0 and feed every seed character except the last one through the
///    recurrence h = tanh(Wxh·x + Whh·h + bh), so the model has read the context.
/// 2. Then `count` times: feed the current character x (the last seed character first), compute
///    p = softmax(Why·h + by, temperature), draw the next x with `sample(from:using:)`, and
///    append it.
///
/// An empty seed is an error: `throw SamplingError.emptySeed`.
public func generate(
  parameters p: RNNParameters, seed: [Int], count: Int, temperature: Double,
  using rng: inout SeededGenerator
) throws(SamplingError) -> [Int] {
  fatalError("TODO")
}
