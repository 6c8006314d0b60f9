import CourseSupport
import Foundation

/// Task 4 · ε_i, the probability of feeding the truth after i training iterations:
/// teacher forcing 1; always sampling 0; uniform p; linear max(floor, k − c·i); exponential k^i;
/// inverse sigmoid k / (k + exp(i / k)).
public func teacherProbability(_ schedule: SamplingSchedule, after i: Int) -> Double {
  // BEGIN SOLUTION
  switch schedule {
  case .teacherForcing: return 1
  case .alwaysSampling: return 0
  case .uniform(let p): return p
  case .linear(let k, let c, let floor): return max(floor, k - c * Double(i))
  case .exponential(let k): return pow(k, Double(i))
  case .inverseSigmoid(let k): return k / (k + exp(Double(i) / k))
  }
  // END SOLUTION
}

/// Task 4 · which of `steps` inputs feed the truth: step 0 always (there is no prediction to
/// feed yet, and no coin is drawn); each later step, in order, by one coin:
/// rng.nextUniform() < probability.
public func feedsTruth(steps: Int, probability: Double, using rng: inout SeededGenerator) -> [Bool]
{
  // BEGIN SOLUTION
  var mask = [true]
  for _ in 1..<steps { mask.append(rng.nextUniform() < probability) }
  return mask
  // END SOLUTION
}
