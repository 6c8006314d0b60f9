import CourseSupport
import Foundation

extension Reference {
  /// softmax(y / T), stable: T < 1 sharpens, T > 1 flattens. T must be finite and positive.
  public static func softmax(_ y: Vector, temperature: Double) throws(SamplingError) -> Vector {
    guard temperature > 0, temperature.isFinite else {
      throw SamplingError.invalidTemperature(temperature)
    }
    return softmax(y / temperature)
  }

  /// Inverse-CDF sampling: draw u ∈ [0, 1) and return the first index whose cumulative
  /// probability exceeds u. Indices with probability 0 are never returned.
  public static func sample(from probabilities: Vector, using rng: inout SeededGenerator) -> Int {
    let u = rng.nextUniform()
    var cumulative = 0.0
    var last = 0
    for i in probabilities.indices where probabilities[i] > 0 {
      cumulative += probabilities[i]
      last = i
      if u < cumulative { return i }
    }
    return last  // u fell past a total a rounding error below 1
  }

  /// Warms the hidden state on `seed` (from h = 0), then samples `count` characters at
  /// `temperature`, feeding each one back in.
  public static func generate(
    parameters p: RNNParameters, seed: [Int], count: Int, temperature: Double,
    using rng: inout SeededGenerator
  ) throws(SamplingError) -> [Int] {
    guard let last = seed.last else { throw SamplingError.emptySeed }
    var h = Vector.zeros(p.hiddenSize)
    for x in seed.dropLast() { h = step(input: x, h: h, parameters: p).h }
    var x = last
    var out: [Int] = []
    for _ in 0..<count {
      h = (p.Wxh.column(x) + p.Whh * h + p.bh).map(tanh)
      x = sample(from: try softmax(p.Why * h + p.by, temperature: temperature), using: &rng)
      out.append(x)
    }
    return out
  }

  /// H(p) = −Σ p_i ln p_i in nats, with 0·ln 0 = 0.
  public static func entropy(_ p: Vector) -> Double {
    -p.scalars.reduce(0) { $0 + ($1 > 0 ? $1 * log($1) : 0) }
  }
}
