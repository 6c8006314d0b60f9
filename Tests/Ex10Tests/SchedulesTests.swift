import CourseSupport
import CourseTesting
import Ex10
import Foundation
import ReferenceRNN
import Testing

/// Task `schedules`: ε_i for every schedule, and the coins.
@Suite("schedules") struct Schedules {
  @Test("ε after i iterations, exactly, for all six schedules")
  func values() {
    let cases: [(SamplingSchedule, Int, Double, String)] = [
      (.teacherForcing, 500, 1, "teacher forcing: always 1"),
      (.alwaysSampling, 0, 0, "always sampling: always 0"),
      (.uniform(0.3), 77, 0.3, "uniform: p"),
      (.linear(k: 1, c: 0.001, floor: 0.1), 0, 1, "linear at 0: k"),
      (.linear(k: 1, c: 0.001, floor: 0.1), 500, 0.5, "linear at 500: 1 − 0.001·500"),
      (.linear(k: 1, c: 0.001, floor: 0.1), 2000, 0.1, "linear at 2000: the floor"),
      (.exponential(k: 0.99), 100, 0.366_032_341_273_229_5, "exponential: 0.99^100"),
      (.inverseSigmoid(k: 10), 0, 10.0 / 11, "inverse sigmoid at 0: k / (k + 1)"),
      (.inverseSigmoid(k: 10), 30, 10 / (10 + exp(3.0)), "inverse sigmoid at 30: 10 / (10 + e³)"),
    ]
    for (schedule, i, want, what) in cases {
      expectClose(
        teacherProbability(schedule, after: i), want, tolerance: 1e-12, "ε (\(what))",
        hint: "Linear max(floor, k − c·i); exponential k^i; inverse sigmoid k / (k + exp(i / k)).")
    }
  }

  @Test("the coins: step 0 always the truth, then one draw per step, as the reference draws")
  func coins() {
    var mine = SeededGenerator(seed: 4)
    var theirs = SeededGenerator(seed: 4)
    let got = feedsTruth(steps: 20, probability: 0.3, using: &mine)
    let want = Reference.feedsTruth(steps: 20, probability: 0.3, using: &theirs)
    expectThat(
      got == want && mine == theirs,
      "feedsTruth(20 steps, p = 0.3, seed 4): expected \(want.map { $0 ? 1 : 0 }), got \(got.map { $0 ? 1 : 0 })\(mine == theirs ? "" : ", and the generator was used a different number of times"). Step 0 is true without a coin; each later step draws rng.nextUniform() < p."
    )
    var rng = SeededGenerator(seed: 1)
    expectThat(
      feedsTruth(steps: 5, probability: 1, using: &rng) == [true, true, true, true, true],
      "with p = 1 every step feeds the truth.")
    expectThat(
      feedsTruth(steps: 5, probability: 0, using: &rng) == [true, false, false, false, false],
      "with p = 0 only step 0 feeds the truth.")
  }
}
