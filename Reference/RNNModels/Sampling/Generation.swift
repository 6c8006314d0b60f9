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

  /// H(p) = −Σ p_i ln p_i in nats, with 0·ln 0 = 0.
  public static func entropy(_ p: Vector) -> Double {
    -p.scalars.reduce(0) { $0 + ($1 > 0 ? $1 * log($1) : 0) }
  }

  /// The state after reading `text` from zero.
  public static func state<M: LanguageModel>(
    of model: M, parameters: M.Parameters, afterReading text: [Int]
  ) -> M.State {
    var state = model.zeroState()
    for x in text { state = model.step(input: x, from: state, parameters: parameters).state }
    return state
  }

  /// Warms the state on `seed` (from zero), then samples `count` characters at `temperature`,
  /// feeding each one back in. `onStep` sees each distribution drawn from. Reads on the model's
  /// fast path where it has one (`LanguageModel.reader`).
  public static func generate<M: LanguageModel>(
    _ model: M, parameters p: M.Parameters, seed: [Int], count: Int, temperature: Double,
    using rng: inout SeededGenerator, onStep: (Vector) -> Void = { _ in }
  ) throws(SamplingError) -> [Int] {
    try generate(
      model.reader(parameters: p, from: model.zeroState()), seed: seed, count: count,
      temperature: temperature, using: &rng, onStep: onStep)
  }

  /// The same, read by `reader` (which starts from the state sampling starts from).
  public static func generate(
    _ reader: any CharacterReader, seed: [Int], count: Int, temperature: Double,
    using rng: inout SeededGenerator, onStep: (Vector) -> Void = { _ in }
  ) throws(SamplingError) -> [Int] {
    guard let last = seed.last else { throw SamplingError.emptySeed }
    for x in seed.dropLast() { _ = reader.read(x) }
    var x = last
    var out: [Int] = []
    for _ in 0..<count {
      let probabilities = try softmax(reader.read(x), temperature: temperature)
      onStep(probabilities)
      x = sample(from: probabilities, using: &rng)
      out.append(x)
    }
    return out
  }

  /// Greedy decoding: feed `seed`, take the most likely next character (the first on ties),
  /// feed it back, `count` times. The seed itself is not part of the result.
  public static func sampleGreedy<M: LanguageModel>(
    _ model: M, parameters p: M.Parameters, from state: M.State, seed: Int, count: Int
  ) -> [Int] {
    var state = state
    var x = seed
    var out: [Int] = []
    for _ in 0..<count {
      let next = model.step(input: x, from: state, parameters: p)
      state = next.state
      x = next.scores.argmax()
      out.append(x)
    }
    return out
  }
}

// ex01's and ex02's signatures, on the one-layer char RNN.
extension Reference {
  /// One step of the recurrence: the next hidden state and the distribution of the next
  /// character after reading `input`.
  public static func step(input: Int, h: Vector, parameters p: RNNParameters) -> (
    h: Vector, probabilities: Vector
  ) {
    let next = CharModel<RNNCell>(shapedLike: p).step(
      input: input, from: StackState(h: h), parameters: .init(p))
    return (next.state.layers[0].h, softmax(next.scores))
  }

  /// ex01's greedy sampling, from `hPrev`, on the one-layer char RNN `p` holds.
  public static func sampleGreedy(
    parameters p: RNNParameters, hPrev: Vector, seed: Int, count: Int
  ) -> [Int] {
    sampleGreedy(
      CharModel<RNNCell>(shapedLike: p), parameters: .init(p), from: StackState(h: hPrev),
      seed: seed, count: count)
  }

  /// ex02's sampling at a temperature, on the one-layer char RNN `p` holds: read by `step`, the
  /// reference's own math, as the learner's is.
  public static func generate(
    parameters p: RNNParameters, seed: [Int], count: Int, temperature: Double,
    using rng: inout SeededGenerator
  ) throws(SamplingError) -> [Int] {
    let model = CharModel<RNNCell>(shapedLike: p)
    return try generate(
      StepReader(model, parameters: .init(p), from: model.zeroState()), seed: seed, count: count,
      temperature: temperature, using: &rng)
  }
}
