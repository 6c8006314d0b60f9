import CourseSupport
import ReferenceRNN
import Testing

/// What the paper's released code did differently (`rnn complexity --adjustment`, `--grain
/// sqrt`), worked out by hand.
@Suite("the paper's coarse-graining") struct PaperCoarseGrainingTests {
  @Test("released rows: a row spanning one level takes its majority, a row spanning two is left")
  func releasedRows() {
    // Levels count the thresholds 1/7 … 6/7 reached. Row 0: 0.5, 0.45, 0.6 → 3, 3, 4, one level
    // apart → all 3. Row 1: 0.3, 0.5, 0.6 → 2, 3, 4, two apart → left alone (the lesson's rule
    // would pull the 3 down to 2). Row 2: 0.9, 0.8, 0.75 → 6, 5, 5 → all 5.
    let averages = [0.5, 0.45, 0.6, 0.3, 0.5, 0.6, 0.9, 0.8, 0.75]
    #expect(Reference.releasedBuckets(averages, n: 3) == [3, 3, 3, 2, 3, 4, 5, 5, 5])
    #expect(Reference.adjustedBuckets(averages, n: 3) == [3, 3, 3, 2, 2, 4, 5, 5, 5])
    // A tie between the two levels: the lower. 0.5, 0.6 → 3, 4 → 3, 3; 0, 0.1 → 0, 0.
    #expect(Reference.releasedBuckets([0.5, 0.6, 0, 0.1], n: 2) == [3, 3, 0, 0])
  }

  @Test("released thirds: only the non-interacting cup's averages are divided by 3")
  func thirds() {
    // 1 / 3 reaches 2/7 (level 2); 0.5 / 3 reaches 1/7 (level 1).
    let averages = [1, 1, 0.5, 0.5]
    let cases: [(Adjustment, CoffeeModel, [Int])] = [
      (.adjusted, .nonInteracting, [6, 6, 3, 3]),
      (.releasedRows, .nonInteracting, [6, 6, 3, 3]),
      (.releasedThirds, .nonInteracting, [2, 2, 1, 1]),
      (.released, .nonInteracting, [2, 2, 1, 1]),
      (.released, .interacting, [6, 6, 3, 3]),
    ]
    for (adjustment, model, want) in cases {
      let got = adjustment.levels(averages, n: 2, model: model)
      #expect(got == want, "\(adjustment.rawValue) on the \(model.rawValue) cup")
    }
  }

  @Test("the grain nearest √n: odd, the larger on a tie")
  func squareRootGrain() {
    let want = [8: 3, 32: 5, 48: 7, 50: 7, 64: 9, 96: 9, 99: 9, 100: 11, 120: 11, 256: 17]
    for (n, g) in want {
      #expect(Reference.squareRootGrain(n: n) == g, "n = \(n)")
    }
  }

  @Test("the default adjustment measures as the lesson's adjustedBuckets")
  func defaultUnchanged() {
    var rng = SeededGenerator(seed: 4)
    let grid = CoffeeGrid(n: 12, cells: (0..<144).map { _ in rng.nextIndex(below: 3) })
    let m = Reference.measure(grid, grain: 5, compressor: .deflate, model: .nonInteracting)
    let levels = Reference.adjustedBuckets(Reference.windowAverage(grid, grain: 5), n: 12)
    #expect(m.adjusted == Reference.deflateBits(levels))
  }
}
