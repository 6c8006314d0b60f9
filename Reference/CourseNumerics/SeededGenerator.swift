/// The course's random number generator: xoshiro256** seeded through SplitMix64.
///
/// It gives the same numbers on every platform and every Swift version, which
/// `SystemRandomNumberGenerator` (and Foundation's) do not: graded results must be
/// reproducible bit for bit. Normal draws use the Marsaglia polar method with the course's own
/// logarithm (`portableLog`), because libm's `log` may differ in the last bit between Linux and
/// macOS.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Codable, Equatable {
  private var state: (UInt64, UInt64, UInt64, UInt64)
  private var spareNormal: Double?

  /// A generator whose four words of state are the first four outputs of SplitMix64 from `seed`.
  public init(seed: UInt64) {
    var sm = seed
    func splitMix() -> UInt64 {
      sm &+= 0x9E37_79B9_7F4A_7C15
      var z = sm
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    state = (splitMix(), splitMix(), splitMix(), splitMix())
    spareNormal = nil
  }

  /// The next 64 random bits (xoshiro256**), as `RandomNumberGenerator` asks.
  public mutating func next() -> UInt64 {
    let result = rotateLeft(state.1 &* 5, 7) &* 9
    let t = state.1 << 17
    state.2 ^= state.0
    state.3 ^= state.1
    state.1 ^= state.2
    state.0 ^= state.3
    state.2 ^= t
    state.3 = rotateLeft(state.3, 45)
    return result
  }

  /// A uniform draw from [0, 1) with 53 random bits.
  public mutating func nextUniform() -> Double {
    Double(next() >> 11) * 0x1p-53
  }

  /// A whole number in 0 ..< count, each equally likely (to within 2⁻⁵³): ⌊uniform · count⌋.
  public mutating func nextIndex(below count: Int) -> Int {
    Int(nextUniform() * Double(count))
  }

  /// A draw from the standard normal distribution N(0, 1).
  public mutating func nextNormal() -> Double {
    if let spare = spareNormal {
      spareNormal = nil
      return spare
    }
    while true {
      let u = 2 * nextUniform() - 1
      let v = 2 * nextUniform() - 1
      let s = u * u + v * v
      if s > 0 && s < 1 {
        let factor = (-2 * portableLog(s) / s).squareRoot()
        spareNormal = v * factor
        return u * factor
      }
    }
  }

  /// Two generators are equal when their states and pending spare normal draw agree.
  public static func == (a: SeededGenerator, b: SeededGenerator) -> Bool {
    a.state == b.state && a.spareNormal == b.spareNormal
  }

  private enum CodingKeys: String, CodingKey { case state, spareNormal }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let words = try c.decode([UInt64].self, forKey: .state)
    guard words.count == 4 else {
      throw DecodingError.dataCorruptedError(
        forKey: .state, in: c,
        debugDescription: "generator state needs 4 words, found \(words.count)")
    }
    state = (words[0], words[1], words[2], words[3])
    spareNormal = try c.decodeIfPresent(Double.self, forKey: .spareNormal)
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode([state.0, state.1, state.2, state.3], forKey: .state)
    try c.encodeIfPresent(spareNormal, forKey: .spareNormal)
  }
}

private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
