import CourseSupport
import Foundation

extension Reference {
  /// ε_i: the probability of feeding the true previous latent after i training iterations.
  public static func teacherProbability(_ schedule: SamplingSchedule, after i: Int) -> Double {
    switch schedule {
    case .teacherForcing: 1
    case .alwaysSampling: 0
    case .uniform(let p): p
    case .linear(let k, let c, let floor): max(floor, k - c * Double(i))
    case .exponential(let k): pow(k, Double(i))
    case .inverseSigmoid(let k): k / (k + exp(Double(i) / k))
    }
  }

  /// Which of `steps` inputs are the truth: step 0 always (there is no prediction yet); each
  /// later step by one coin, rng.nextUniform() < probability, in order.
  public static func feedsTruth(steps: Int, probability: Double, using rng: inout SeededGenerator)
    -> [Bool]
  {
    (0..<steps).map { t in t == 0 || rng.nextUniform() < probability }
  }
}
