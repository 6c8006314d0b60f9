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
  // BEGIN SOLUTION
  guard let last = seed.last else { throw SamplingError.emptySeed }
  var h = Vector.zeros(p.hiddenSize)
  for x in seed.dropLast() { h = (p.Wxh.column(x) + p.Whh * h + p.bh).map(tanh) }
  var x = last
  var out: [Int] = []
  for _ in 0..<count {
    h = (p.Wxh.column(x) + p.Whh * h + p.bh).map(tanh)
    x = sample(from: try softmax(p.Why * h + p.by, temperature: temperature), using: &rng)
    out.append(x)
  }
  return out
  // END SOLUTION
}
