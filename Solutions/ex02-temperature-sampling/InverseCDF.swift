import CourseSupport

/// Task 2 · draw an index from a distribution by inverse CDF.
///
/// Draw u = rng.nextUniform() (uniform in [0, 1)) once, then walk the indices adding up the
/// probabilities; return the first index where the running sum exceeds u. Skip indices whose
/// probability is 0, so they can never be drawn. If rounding leaves u past the total (it sums
/// to 1 only up to rounding), return the last index with a probability above 0.
public func sample(from probabilities: Vector, using rng: inout SeededGenerator) -> Int {
  // BEGIN SOLUTION
  let u = rng.nextUniform()
  var cumulative = 0.0
  var last = 0
  for i in probabilities.indices where probabilities[i] > 0 {
    cumulative += probabilities[i]
    last = i
    if u < cumulative { return i }
  }
  return last
  // END SOLUTION
}
