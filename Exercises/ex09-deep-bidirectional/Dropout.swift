import CourseSupport

/// Task 4 · inverted dropout, as used between stacked layers while training.
///
/// For each element, in order, draw u = rng.nextUniform(): keep the element when u ≥ rate, and
/// then scale it by 1/(1 − rate); otherwise set it to 0. Return the result and the mask (the
/// factor each element was multiplied by: 0 or 1/(1 − rate)). The scaling keeps every element's
/// expected value unchanged, so nothing needs rescaling when dropout is off at test time.
public func dropout(_ v: Vector, rate: Double, using rng: inout SeededGenerator) -> (
  output: Vector, mask: Vector
) {
  fatalError("TODO")
}
