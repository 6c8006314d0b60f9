import CourseSupport
import CourseTesting
import Ex01
import ReferenceRNN
import Testing

/// Task `sampling`: greedy decoding from a seed character.
@Suite("sampling") struct Sampling {
  @Test("greedy samples equal the reference's, step by step")
  func matchesReference() {
    var rng = SeededGenerator(seed: 11)
    let p = RNNParameters.random(hiddenSize: 10, vocabularySize: 6, scale: 1.0, using: &rng)
    let hPrev = Vector((0..<10).map { _ in 0.3 * rng.nextNormal() })
    let got = sampleGreedy(parameters: p, hPrev: hPrev, seed: 2, count: 20)
    let expected = Reference.sampleGreedy(parameters: p, hPrev: hPrev, seed: 2, count: 20)
    guard
      expectCount(
        got.count, 20, "sampleGreedy(count: 20): number of characters",
        hint: "Append one index per step; the seed is not included.")
    else { return }
    if let t = got.indices.first(where: { got[$0] != expected[$0] }) {
      Issue.record(
        "sampleGreedy: first difference at step \(t): expected index \(expected[t]), got \(got[t]) (expected \(expected), got \(got)). \(t == 0 ? "The first step reads the seed with h = hPrev." : "Feed each chosen index back in as the next x, and carry h.")"
      )
    }
  }

  @Test("breaks ties by the first index")
  func ties() {
    // All-zero weights: every distribution is uniform, so argmax must pick index 0.
    let p = RNNParameters.zeros(hiddenSize: 3, vocabularySize: 4)
    let got = sampleGreedy(parameters: p, hPrev: .zeros(3), seed: 3, count: 3)
    #expect(
      got == [0, 0, 0],
      "sampleGreedy with uniform probabilities: expected [0, 0, 0] (first index on ties), got \(got). Use p.argmax()."
    )
  }
}
