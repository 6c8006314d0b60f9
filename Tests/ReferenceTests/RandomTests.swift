import CourseSupport
import Foundation
import Testing

@Suite("the course's random numbers") struct RandomTests {
  /// Values from an independent implementation of xoshiro256** seeded by SplitMix64 (Python,
  /// written from the published algorithms), so this checks the generator, not itself.
  @Test("xoshiro256** matches an independent implementation bit for bit")
  func knownValues() {
    var zero = SeededGenerator(seed: 0)
    #expect(
      [zero.next(), zero.next(), zero.next()] == [
        0x99ec_5f36_cb75_f2b4, 0xbf6e_1f78_4956_452a, 0x1a5f_849d_4933_e6e0,
      ])
    var fortyTwo = SeededGenerator(seed: 42)
    #expect(
      [fortyTwo.next(), fortyTwo.next(), fortyTwo.next()] == [
        0x1578_0b2e_0c2e_c716, 0x6104_d986_6d11_3a7e, 0xae17_5332_39e4_99a1,
      ])
    var uniform = SeededGenerator(seed: 42)
    #expect(uniform.nextUniform() == 0.08386297105988216)
  }

  @Test("normal draws have mean 0 and variance 1")
  func normalMoments() {
    var rng = SeededGenerator(seed: 9)
    let n = 200_000
    var sum = 0.0
    var squares = 0.0
    for _ in 0..<n {
      let z = rng.nextNormal()
      sum += z
      squares += z * z
    }
    let mean = sum / Double(n)
    let variance = squares / Double(n) - mean * mean
    // Standard errors: 1/√n ≈ 0.0022 for the mean, √(2/n) ≈ 0.0032 for the variance; 5σ bounds.
    #expect(abs(mean) < 0.012, "mean \(mean)")
    #expect(abs(variance - 1) < 0.016, "variance \(variance)")
  }

  @Test("portableLog agrees with the platform's log to a few ulps")
  func portableLogAccuracy() {
    var rng = SeededGenerator(seed: 1)
    for _ in 0..<10_000 {
      let x = rng.nextUniform() * 1e3 + 1e-300 * rng.nextUniform()
      guard x > 0 else { continue }
      let error = abs(portableLog(x) - log(x))
      #expect(error <= 4 * abs(log(x)).ulp + 1e-300, "x = \(x): \(portableLog(x)) vs \(log(x))")
    }
    #expect(portableLog(1) == 0)
    #expect(portableLog(0) == -.infinity)
    #expect(portableLog(-1).isNaN)
  }
}
