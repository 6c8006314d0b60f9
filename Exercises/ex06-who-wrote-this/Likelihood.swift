import CourseSupport
import Foundation

/// Task 2 · how likely a model finds a passage: ln p(passage), after the model has read
/// `warmup` (so that every model starts from the same place).
///
/// `model.logProbabilities(text)[t]` holds ln p(c | text[0…t]) for every character c. Read
/// warmup followed by the passage; passage[k] is predicted after the character just before it,
/// which is at position warmup.count + k − 1 of that text. Sum ln p(passage[k]) over k.
public func logLikelihood(of passage: [Int], after warmup: [Int], model: CharacterScorer) -> Double
{
  fatalError("TODO")
}

/// Task 2 · who wrote it, by Bayes' rule with equal priors: p(author k | passage) is
/// p(passage | k) / Σ_j p(passage | j). Return these probabilities, one per model.
///
/// The likelihoods themselves underflow (e^(−400) is 0 in Double): work with the
/// log-likelihoods, and take their softmax, subtracting the largest first.
public func classifyByLikelihood(_ passage: [Int], warmup: [Int], models: [CharacterScorer])
  -> [Double]
{
  fatalError("TODO")
}
