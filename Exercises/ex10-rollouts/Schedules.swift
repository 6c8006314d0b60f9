import CourseSupport
import Foundation

/// Task 4 · ε_i, the probability of feeding the truth after i training iterations:
/// teacher forcing 1; always sampling 0; uniform p; linear max(floor, k − c·i); exponential k^i;
/// inverse sigmoid k / (k + exp(i / k)).
public func teacherProbability(_ schedule: SamplingSchedule, after i: Int) -> Double {
  fatalError("TODO")
}

/// Task 4 · which of `steps` inputs feed the truth: step 0 always (there is no prediction to
/// feed yet, and no coin is drawn); each later step, in order, by one coin:
/// rng.nextUniform() < probability.
public func feedsTruth(steps: Int, probability: Double, using rng: inout SeededGenerator) -> [Bool]
{
  fatalError("TODO")
}
