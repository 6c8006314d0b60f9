import CourseSupport
import CourseTesting
import Ex11
import ReferenceRNN
import Testing

/// Task `coarse`: window averages, the three buckets and the adjusted levels.
@Suite("coarse-graining") struct CoarseGraining {
  /// Cream in the top two rows of a 4 × 4 cup.
  static let halfCup = CoffeeGrid(n: 4, cells: [1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0])

  @Test("window averages of a 4 × 4 cup worked out by hand (grain 3)")
  func averagesByHand() {
    let got = windowAverage(Self.halfCup, grain: 3)
    // Row 0: windows of rows 0–1, all cream. Row 1: rows 0–2, two thirds cream (4 of 6 at the
    // walls, 6 of 9 inside). Row 2: one third. Row 3: none.
    let want: [Double] =
      [1, 1, 1, 1] + [Double](repeating: 2.0 / 3, count: 4)
      + [Double](repeating: 1.0 / 3, count: 4) + [0, 0, 0, 0]
    guard expectCount(got.count, 16, "windowAverage's count", hint: "One average per cell.") else {
      return
    }
    if let i = got.indices.first(where: { abs(got[$0] - want[$0]) > 1e-12 }) {
      Issue.record(
        "windowAverage at row \(i / 4), column \(i % 4): expected \(formatScalar(want[i])), got \(formatScalar(got[i])). The window is rows and columns within grain / 2 = 1 of the cell, only those inside the cup: divide by how many cells it holds."
      )
    }
  }

  @Test("three buckets: below 1/3, from 1/3 to 2/3 (ends included), above 2/3")
  func buckets() {
    let got = threeBuckets([0, 0.33, 1.0 / 3, 0.5, 2.0 / 3, 0.67, 1.4])
    expectThat(
      got == [0, 0, 1, 1, 1, 2, 2],
      "threeBuckets([0, 0.33, 1/3, 0.5, 2/3, 0.67, 1.4]): expected [0, 0, 1, 1, 1, 2, 2], got \(got). Exactly 1/3 and 2/3 are mixed (1)."
    )
  }

  @Test("adjusted levels and the row majority worked out by hand")
  func adjustedByHand() {
    // Row 0: levels 3, 3, 2 → majority 3, and 2 is within one: 3, 3, 3. Row 1: levels 0, 6, 4,
    // a three-way tie → the lowest, 0; nothing else is within one. Row 2: 5, 5, 0 → 5, 5, 0.
    let averages = [0.5, 0.45, 0.3, 0.0, 0.9, 0.6, 0.75, 0.8, 0.1]
    let got = adjustedBuckets(averages, n: 3)
    expectThat(
      got == [3, 3, 3, 0, 6, 4, 5, 5, 0],
      "adjustedBuckets(\(averages), n: 3): expected [3, 3, 3, 0, 6, 4, 5, 5, 0], got \(got). The level counts the thresholds 1/7 … 6/7 reached (0.5 → 3, 0.3 → 2); then each row's most common level (the lowest on a tie) absorbs the levels within one of it."
    )
  }

  @Test("on random cups, every coarse-graining equals the reference")
  func random() {
    for (seed, maximum, grain) in [(UInt64(1), 1, 3), (2, 1, 9), (3, 3, 5)] {
      let grid = Grids.random(n: 16, maximum: maximum, seed: seed)
      let averages = windowAverage(grid, grain: grain)
      let want = Reference.windowAverage(grid, grain: grain)
      if let i = want.indices.first(where: { i in
        averages.count <= i || abs(averages[i] - want[i]) > 1e-12
      }) {
        Issue.record(
          "windowAverage (grain \(grain), seed \(seed)) at row \(i / 16), column \(i % 16): expected \(formatScalar(want[i])), got \(i < averages.count ? formatScalar(averages[i]) : "nothing")."
        )
        continue
      }
      expectThat(
        threeBuckets(want) == Reference.threeBuckets(want),
        "threeBuckets differs from the reference on a random cup (seed \(seed)).")
      expectThat(
        adjustedBuckets(want, n: 16) == Reference.adjustedBuckets(want, n: 16),
        "adjustedBuckets differs from the reference on a random cup (seed \(seed), grain \(grain))."
      )
    }
  }
}
