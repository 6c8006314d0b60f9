import CourseSupport
import CourseTesting
import Ex09
import Foundation
import GradientCheck
import ReferenceRNN
import Testing

/// Task `depth`: dropout, what deeper models are trained with. (One layer against two is
/// measured by `rnn depth`; the claim the lesson makes of it is checked with the toolkit's tests.)
@Suite("depth") struct Depth {
  @Test("dropout draws as the reference does, one uniform number per element")
  func matchesReference() {
    let v = Vector((0..<12).map { Double($0) - 5.5 })
    for rate in [0.0, 0.3, 0.5] {
      var mine = SeededGenerator(seed: 7)
      var theirs = SeededGenerator(seed: 7)
      let got = dropout(v, rate: rate, using: &mine)
      let want = Reference.dropout(v, rate: rate, using: &theirs)
      // Kept where the reference drops and dropped where it keeps: the test of u is reversed.
      let reversed =
        got.mask.count == want.mask.count
        && zip(got.mask.scalars, want.mask.scalars).allSatisfy { ($0 == 0) != ($1 == 0) }
      // The first rate whose mask differs is the one line: the output follows from the mask.
      guard
        expectMatch(
          firstMismatch(
            "mask (rate \(rate))", actual: got.mask, expected: want.mask, tolerance: 1e-15),
          "dropout", tolerance: 1e-15,
          hint: reversed
            ? "Your mask keeps exactly the elements the reference drops: rate is the share dropped, so an element is kept when u ≥ rate."
            : "For each element in order: u = rng.nextUniform(); the factor is 1/(1 − rate) when u ≥ rate, else 0."
        )
      else { return }
      expectMatch(
        firstMismatch(
          "output (rate \(rate))", actual: got.output, expected: want.output, tolerance: 1e-15),
        "dropout", tolerance: 1e-15, hint: "The output is v ⊙ mask.")
      expectThat(
        mine == theirs,
        "dropout(rate \(rate)) drew a different number of values than the 12 elements: one rng.nextUniform() per element, even at rate 0."
      )
    }
  }

  /// 20,000 draws of 10 elements at rate 0.4: each element's mean is its value within 0.05
  /// (its standard deviation over the draws is about 0.008 for values near 1).
  @Test("dropout keeps every element's expected value")
  func expectation() {
    var rng = SeededGenerator(seed: 11)
    let v = Vector([1, -1, 0.5, 2, 0, 0.25, -0.75, 1.5, 0.1, -2])
    var sum = Vector.zeros(10)
    var kept = 0
    for _ in 0..<20_000 {
      let drawn = dropout(v, rate: 0.4, using: &rng)
      sum += drawn.output
      kept += drawn.mask.scalars.filter { $0 != 0 }.count
    }
    // The share kept first: 0.6 within 0.01 (its standard deviation here is about 0.0011), so
    // the scaling is blamed only when the keeping is right.
    let share = Double(kept) / 200_000
    guard abs(share - 0.6) <= 0.01 else {
      Issue.record(
        "dropout at rate 0.4 kept a share \(formatScalar(share, digits: 3)) of the elements over 20,000 draws, expected 1 − rate = 0.6: rate is the share dropped, so keep an element when u ≥ rate."
      )
      return
    }
    let mean = sum / 20_000
    expectMatch(
      firstMismatch("mean output over 20,000 draws", actual: mean, expected: v, tolerance: 0.05),
      "dropout's expectation", tolerance: 0.05,
      hint: "Scale the kept elements by 1/(1 − rate): a share 1 − rate of them survives.")
  }
}
