import CourseSupport
import CourseTesting
import Ex02
import Foundation
import GradientCheck
import ReferenceRNN
import Testing

/// Task `softmax`: softmax with a temperature.
@Suite("softmax") struct TemperatureSoftmax {
  let logits = Vector([1, 2, 1.5, -0.5, 0.25])

  @Test("matches the reference and sums to 1")
  func matchesReference() throws {
    for t in [0.1, 0.7, 1, 10] {
      let p = try softmax(logits, temperature: t)
      expectClose(
        p.sum(), 1, tolerance: 1e-12, "softmax(T = \(t)): sum",
        hint: "Divide by the sum of the exponentials.")
      expectMatch(
        firstMismatch(
          "softmax(y, T = \(t))", actual: p,
          expected: try Reference.softmax(logits, temperature: t), tolerance: 1e-12),
        "softmax at T = \(t)", tolerance: 1e-12,
        hint: "p_i = exp(y_i/T − max y/T) / Σ exp(y_k/T − max y/T).")
    }
  }

  @Test("stays finite and exact for scores of ±1000")
  func stable() throws {
    let e = exp(-2.0)
    let p = try softmax(Vector([1000, 999, -1000]), temperature: 0.5)
    expectMatch(
      firstMismatch(
        "softmax([1000, 999, -1000], T = 0.5)", actual: p,
        expected: Vector([1 / (1 + e), e / (1 + e), 0]), tolerance: 1e-12),
      "softmax of large scores", tolerance: 1e-12,
      hint: "Divide by T, then subtract the largest scaled score before exp.")
  }

  @Test("becomes one-hot as T → 0 and uniform as T → ∞")
  func limits() throws {
    let cold = try softmax(Vector([1, 2, 1.5]), temperature: 1e-3)
    expectClose(
      cold[1], 1, tolerance: 1e-12, "softmax([1, 2, 1.5], T = 0.001)[1]",
      hint: "A tiny T puts all the probability on the largest score.")
    let hot = try softmax(Vector([1, 2, 1.5]), temperature: 1e6)
    for i in 0..<3 {
      expectClose(
        hot[i], 1.0 / 3, tolerance: 1e-6, "softmax([1, 2, 1.5], T = 1e6)[\(i)]",
        hint: "A huge T makes every character equally likely.")
    }
  }

  @Test(
    "a temperature that is not a finite number above 0 is an error",
    arguments: [0.0, -1.0, .nan, .infinity])
  func invalidTemperature(_ t: Double) {
    do {
      let p = try softmax(logits, temperature: t)
      Issue.record(
        "softmax(T = \(t)) returned \(p); expected it to throw SamplingError.invalidTemperature. Check T before dividing."
      )
    } catch {
      guard case .invalidTemperature = error else {
        Issue.record("softmax(T = \(t)) threw \(error), expected SamplingError.invalidTemperature")
        return
      }
    }
  }
}

/// Task `entropy`: H(p) = −Σ p ln p.
@Suite("entropy") struct Entropy {
  @Test("ln V for uniform, 0 for certain, and the formula in between")
  func values() {
    expectClose(
      entropy(Vector(count: 8, repeating: 0.125)), log(8.0), tolerance: 1e-12,
      "entropy(uniform over 8)", hint: "H = −Σ p_i ln p_i.")
    expectClose(
      entropy(Vector([0, 1, 0])), 0, tolerance: 1e-15, "entropy([0, 1, 0])",
      hint: "Skip the terms with p_i = 0: 0·ln 0 is taken as 0, but computing it gives NaN.")
    expectClose(
      entropy(Vector([0.5, 0.25, 0.25, 0])), 1.5 * log(2.0), tolerance: 1e-12,
      "entropy([0.5, 0.25, 0.25, 0])", hint: "H = −Σ p_i ln p_i, in nats (natural log).")
  }

  @Test("grows with the temperature")
  func monotone() throws {
    let logits = Vector([2, 1, 0.5, -1, 0.1])
    let temperatures = [0.2, 0.5, 0.8, 1.0, 1.5, 2.0]
    let values = try temperatures.map { entropy(try Reference.softmax(logits, temperature: $0)) }
    for i in 1..<values.count {
      expectThat(
        values[i] > values[i - 1],
        "entropy at T = \(temperatures[i]) is \(formatScalar(values[i])), not above \(formatScalar(values[i - 1])) at T = \(temperatures[i - 1]). Higher T must mean more uncertainty."
      )
    }
  }
}
