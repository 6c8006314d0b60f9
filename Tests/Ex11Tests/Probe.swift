import CourseSupport
import CourseTesting
import Ex11
import ReferenceRNN
import Testing

/// Not graded: `swift run grader compare ex11` runs each of these with your code and with the
/// solution, on the same inputs, and shows where the recorded values first differ.
@Suite("probe (for grader compare)", .enabled(if: ProbeLog.isRecording, ProbeLog.skipReason))
struct Probe {
  @Test func automata() {
    ProbeLog.record(
      "nextRow(rule 110, 0010110)",
      Ex11.nextRow([0, 0, 1, 0, 1, 1, 0], rule: 110).map(Double.init))
    let rows = Ex11.evolve(rule: 30, from: AutomatonRow.singleCell(width: 15), steps: 6)
    for (t, row) in rows.enumerated() { ProbeLog.record("rule 30 row \(t)", row.map(Double.init)) }
    ProbeLog.record("blockEntropy(row 6, k: 2)", Ex11.blockEntropy(rows.last!, k: 2))
  }

  @Test func coffee() {
    var grid = CoffeeGrid.poured(n: 6)
    var rng = SeededGenerator(seed: 1)
    for _ in 0..<200 { Ex11.interactingStep(&grid, using: &rng) }
    ProbeLog.record("interacting cells after 200 steps", grid.cells.map(Double.init))
    var cream = CreamParticles.poured(n: 6)
    for _ in 0..<5 { Ex11.nonInteractingStep(&cream, using: &rng) }
    ProbeLog.record("particle positions after 5 more steps", cream.positions.map(Double.init))
  }

  @Test func coarse() {
    let grid = Grids.random(n: 6, seed: 4)
    let averages = Ex11.windowAverage(grid, grain: 3)
    ProbeLog.record("windowAverage(grain 3)", averages)
    ProbeLog.record("threeBuckets", Ex11.threeBuckets(averages).map(Double.init))
    ProbeLog.record("adjustedBuckets", Ex11.adjustedBuckets(averages, n: 6).map(Double.init))
  }

  @Test func compression() {
    ProbeLog.record(
      "lzwBits(0101 0101)", Double(Ex11.lzwBits([0, 1, 0, 1, 0, 1, 0, 1], alphabet: 2)))
    ProbeLog.record(
      "lzwBits(poured 8 × 8)", Double(Ex11.lzwBits(CoffeeGrid.poured(n: 8).cells, alphabet: 2)))
  }

  @Test func curves() {
    let m = Ex11.measure(Grids.random(n: 6, seed: 4), grain: 3)
    ProbeLog.record(
      "measure(entropy, complexity, adjusted)",
      [Double(m.entropy), Double(m.complexity), Double(m.adjusted)])
    let points = Ex11.coffeeRun(.interacting, n: 8, grain: 3, steps: 2000, samples: 4, seed: 1)
    ProbeLog.record("entropy", points.map { Double($0.entropy) })
    ProbeLog.record("complexity", points.map { Double($0.complexity) })
  }

  @Test func scaling() {
    let fit = Ex11.powerLawFit([2, 4, 8], [5, 21, 70])
    ProbeLog.record("powerLawFit exponent, coefficient", [fit.exponent, fit.coefficient])
    let points = [(0, 10, 4), (100, 30, 9), (200, 40, 7)].map {
      CurvePoint(step: $0.0, entropy: $0.1, complexity: $0.2, adjustedComplexity: $0.2)
    }
    let row = Ex11.scalingRow(n: 8, points: points)
    ProbeLog.record(
      "scalingRow(n, max entropy, max complexity, peak step)",
      [row.n, row.maxEntropy, row.maxComplexity, row.peakStep].map(Double.init))
  }
}
