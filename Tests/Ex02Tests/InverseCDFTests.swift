import CourseSupport
import CourseTesting
import Ex02
import ReferenceRNN
import Testing

/// Task `sample`: inverse-CDF sampling with the course's seeded generator.
@Suite("sample") struct InverseCDF {
  let p = Vector([0.1, 0.2, 0.3, 0, 0.15, 0.25])

  @Test("draws exactly the reference's indices for a fixed seed, one uniform number each")
  func reproducible() {
    var mine = SeededGenerator(seed: 7)
    var theirs = SeededGenerator(seed: 7)
    for draw in 0..<200 {
      let got = sample(from: p, using: &mine)
      let expected = Reference.sample(from: p, using: &theirs)
      if got != expected {
        Issue.record(
          "sample: draw \(draw) gave index \(got), expected \(expected) (seed 7). Draw u = rng.nextUniform() once and return the first index whose running sum exceeds u."
        )
        return
      }
    }
    expectThat(
      mine.next() == theirs.next(),
      "sample: the generator advanced differently from the reference: draw exactly one rng.nextUniform() per sample."
    )
  }

  /// A distribution that sums to 0.8 stands for one that sums to 1 − ε after rounding: a draw
  /// u past the total must land on the last index that can happen, never on one with p = 0.
  @Test("when u falls past the total, the last possible index is returned, never one with p = 0")
  func pastTheTotal() {
    var rng = SeededGenerator(seed: 5)
    for _ in 0..<200 {
      let i = sample(from: Vector([0.5, 0.3, 0]), using: &rng)
      guard i == 0 || i == 1 else {
        Issue.record(
          "sample from [0.5, 0.3, 0] (sums to 0.8) returned index \(i). When u is past the running total, return the last index whose probability is above 0."
        )
        return
      }
    }
  }

  /// Pearson's χ² over 20,000 draws, 5 possible outcomes (4 degrees of freedom). The 0.1%
  /// critical value is 18.47; with this fixed seed a correct sampler scores 8.4.
  @Test(
    "frequencies match the probabilities (χ² < 18.47 over 20,000 draws) and p = 0 is never drawn")
  func frequencies() {
    var rng = SeededGenerator(seed: 2026)
    var counts = [Int](repeating: 0, count: p.count)
    let n = 20_000
    for _ in 0..<n {
      let i = sample(from: p, using: &rng)
      guard i >= 0 && i < p.count else {
        Issue.record("sample returned index \(i), outside 0..<\(p.count)")
        return
      }
      counts[i] += 1
    }
    expectThat(
      counts[3] == 0,
      "sample drew index 3, whose probability is 0, \(counts[3]) times. Skip zero-probability indices."
    )
    var chi2 = 0.0
    for i in p.indices where p[i] > 0 {
      let expected = p[i] * Double(n)
      chi2 += (Double(counts[i]) - expected) * (Double(counts[i]) - expected) / expected
    }
    expectThat(
      chi2 < 18.47,
      "sample: χ² = \(formatScalar(chi2)) over \(n) draws (counts \(counts)), above the 0.1% critical value 18.47 for 4 degrees of freedom. Expected counts are p·\(n)."
    )
  }
}
