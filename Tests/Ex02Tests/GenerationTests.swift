import CourseSupport
import CourseTesting
import Ex02
import Foundation
import ReferenceRNN
import Testing

/// Task `generate`: warm up on a seed text, then sample.
@Suite("generate") struct Generation {
  static func model() -> RNNParameters {
    var rng = SeededGenerator(seed: 12)
    return RNNParameters.random(hiddenSize: 10, vocabularySize: 6, scale: 1.0, using: &rng)
  }

  @Test("equals the reference's text for the same seed text, temperature and generator")
  func matchesReference() throws {
    let p = Self.model()
    var mine = SeededGenerator(seed: 9)
    var theirs = SeededGenerator(seed: 9)
    let got = try generate(
      parameters: p, seed: [1, 4, 2], count: 30, temperature: 0.8, using: &mine)
    let expected = try Reference.generate(
      parameters: p, seed: [1, 4, 2], count: 30, temperature: 0.8, using: &theirs)
    guard
      expectCount(
        got.count, 30, "generate(count: 30): number of characters",
        hint: "Append one index per step; the seed is not part of the result.")
    else { return }
    if let t = got.indices.first(where: { got[$0] != expected[$0] }) {
      Issue.record(
        "generate: first difference at character \(t): expected index \(expected[t]), got \(got[t]) (seed text [1, 4, 2], T = 0.8). \(t == 0 ? "Warm h on every seed character but the last, then feed the last one." : "Feed each sampled index back in and keep h.")"
      )
    }
  }

  @Test("at T = 1e-6 it is greedy decoding")
  func coldIsGreedy() throws {
    let p = Self.model()
    var h = Vector.zeros(10)
    for x in [3, 0] { h = Reference.step(input: x, h: h, parameters: p).h }
    let greedy = Reference.sampleGreedy(parameters: p, hPrev: h, seed: 5, count: 25)
    var rng = SeededGenerator(seed: 1)
    let got = try generate(
      parameters: p, seed: [3, 0, 5], count: 25, temperature: 1e-6, using: &rng)
    expectThat(
      got == greedy, "generate at T = 1e-6 gave \(got), expected the greedy path \(greedy).")
  }

  @Test("an empty seed or a bad temperature is an error, not a crash")
  func errors() {
    var rng = SeededGenerator(seed: 1)
    #expect(throws: SamplingError.emptySeed) {
      try generate(parameters: Self.model(), seed: [], count: 5, temperature: 1, using: &rng)
    }
    #expect(throws: SamplingError.invalidTemperature(0)) {
      try generate(parameters: Self.model(), seed: [1], count: 5, temperature: 0, using: &rng)
    }
  }
}
