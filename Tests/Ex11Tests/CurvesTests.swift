import CourseSupport
import CourseTesting
import Ex11
import ReferenceRNN
import Testing

/// Task `curves`: a cup measured, and measured again as it mixes.
@Suite("curves") struct Curves {
  @Test("measure equals the reference on poured, random and crowded cups")
  func measures() {
    let cups: [(String, CoffeeGrid)] = [
      ("the poured 16 × 16 cup", CoffeeGrid.poured(n: 16)),
      ("a random 16 × 16 cup", Grids.random(n: 16, seed: 2)),
      ("a cup of counts 0…3", Grids.random(n: 16, maximum: 3, seed: 3)),
    ]
    for (name, grid) in cups {
      let got = measure(grid, grain: 5)
      let want = Reference.measure(grid, grain: 5, compressor: .lzw)
      expectThat(
        got.entropy == want.entropy && got.complexity == want.complexity
          && got.adjusted == want.adjusted,
        "measure(\(name), grain: 5): expected entropy \(want.entropy), complexity \(want.complexity), adjusted \(want.adjusted) bits; got \(got.entropy), \(got.complexity), \(got.adjusted). The fine cells' alphabet is the largest value + 1 (at least 2); the buckets' are 3 and 7."
      )
    }
  }

  @Test("coffeeRun's points equal the reference's, both models")
  func runs() {
    for model in CoffeeModel.allCases {
      let steps = model == .interacting ? 30_000 : 300
      let got = coffeeRun(model, n: 12, grain: 5, steps: steps, samples: 6, seed: 8)
      let want = Reference.coffeeRun(model, n: 12, grain: 5, steps: steps, samples: 6, seed: 8)
        .points
      guard
        expectCount(
          got.count, 7, "\(model.rawValue) coffeeRun(samples: 6) points",
          hint: "samples + 1: the first before any step.")
      else { continue }
      if let k = want.indices.first(where: { got[$0] != want[$0] }) {
        Issue.record(
          "\(model.rawValue) run, point \(k): expected \(want[k]), got \(got[k]). Measure at step k · steps / samples; one generator for the whole run."
        )
      }
    }
  }

  /// The lesson's experiment with your code: measured with the solution, the entropy never fell
  /// more than 3.0% below its running maximum, and the complexity started at 418 bits, peaked
  /// at 776–928 (after 187,500–225,000 steps) and ended at 230–254, on seeds 1, 2 and 3.
  @Test(
    "the interacting cup: entropy rises and stays; complexity rises, peaks inside the run and falls",
    arguments: Lesson.seeds)
  func riseAndFall(seed: UInt64) {
    let points = coffeeRun(
      .interacting, n: Lesson.n, grain: Lesson.grain, steps: Lesson.steps,
      samples: Lesson.samples, seed: seed)
    guard points.count == Lesson.samples + 1 else {
      Issue.record("coffeeRun gave \(points.count) points, expected \(Lesson.samples + 1).")
      return
    }
    var runningMax = 0
    for p in points {
      runningMax = max(runningMax, p.entropy)
      if Double(p.entropy) < 0.95 * Double(runningMax) {
        Issue.record(
          "seed \(seed): at step \(p.step) the entropy estimate is \(p.entropy) bits, more than 5% below its earlier maximum \(runningMax): a mixing cup should not unmix. Check the step (one swap per step) and measure's alphabet."
        )
        break
      }
    }
    let peak = points.indices.max { points[$0].complexity < points[$1].complexity }!
    let (start, top, end) = (points[0].complexity, points[peak].complexity, points.last!.complexity)
    expectThat(
      peak > 0 && peak < points.count - 1 && Double(top) >= 1.5 * Double(start)
        && Double(top) >= 1.5 * Double(end),
      "seed \(seed): the complexity starts at \(start) bits, peaks at \(top) (step \(points[peak].step)) and ends at \(end): expected a peak inside the run, at least 1.5 times both ends (measured 418, 776–928, 230–254)."
    )
  }
}
