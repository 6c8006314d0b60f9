import CourseSupport
import Foundation

/// Task 1 · softmax with a temperature T:
///
///     p_i = exp(y_i/T − max_j y_j/T) / Σ_k exp(y_k/T − max_j y_j/T)
///
/// T < 1 sharpens the distribution (T → 0 puts everything on the largest score), T > 1
/// flattens it (T → ∞ makes it uniform). Subtract the largest scaled score before exp, as in
/// ex01, so scores of ±1000 stay finite. T must be finite and above 0: otherwise
/// `throw SamplingError.invalidTemperature(temperature)`.
public func softmax(_ logits: Vector, temperature: Double) throws(SamplingError) -> Vector {
  fatalError("TODO")
}

/// Task 4 · the entropy of a distribution, in nats:
///
///     H(p) = −Σ_i p_i · ln p_i        (a term with p_i = 0 counts as 0)
///
/// ln V for a uniform distribution over V characters, 0 for a certain one: how unsure the
/// model is about the next character.
public func entropy(_ p: Vector) -> Double {
  fatalError("TODO")
}
