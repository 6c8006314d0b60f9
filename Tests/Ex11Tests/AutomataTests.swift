import CourseSupport
import CourseTesting
import Ex11
import ReferenceRNN
import Testing

/// Task `automata`: elementary automata on a ring, and the entropy of their rows.
@Suite("automata") struct Automata {
  /// Rule 30 from one live cell, drawn out by hand (Wolfram, A New Kind of Science, p. 27).
  static let rule30 = [
    "·····█·····",
    "····███····",
    "···██··█···",
    "··██·████··",
    "·██··█···█·",
    "██·████·███",
  ]

  @Test("Rule 30's first six rows from one live cell, exactly")
  func rule30() {
    let rows = evolve(rule: 30, from: AutomatonRow.singleCell(width: 11), steps: 5)
    guard expectCount(rows.count, 6, "evolve(steps: 5) rows", hint: "The start row and 5 more.")
    else { return }
    // The first row that differs: every later row is computed from it.
    guard let t = rows.indices.first(where: { Grids.picture(rows[$0]) != Self.rule30[$0] }) else {
      return
    }
    let mirrored = rows.indices.allSatisfy {
      Grids.picture(rows[$0]) == String(Self.rule30[$0].reversed())
    }
    let rule = "The new cell is bit 4·left + 2·centre + right of 30 = 0b00011110."
    let reading =
      mirrored ? "Every row is Rule 30's mirror image: the pattern is read right to left. " : ""
    Issue.record(
      "Rule 30, row \(t): expected \(Self.rule30[t]), got \(Grids.picture(rows[t])). \(reading)\(rule)"
    )
  }

  @Test("a row wraps around: the last cell's right neighbour is the first")
  func ring() {
    // Rule 2 keeps a cell alive only when its right neighbour alone was: the live cell moves left.
    // Away from the wrap first: only a rule read right there makes the wrap the suspect.
    let inside = nextRow([0, 1, 0, 0], rule: 2)
    guard inside == [1, 0, 0, 0] else {
      Issue.record(
        "nextRow([0, 1, 0, 0], rule: 2): expected [1, 0, 0, 0], got \(inside), where the wrap does not matter. Rule 2 is 0b00000010: a cell lives only for pattern 1 = 0b001 (left 0, centre 0, right 1), with the pattern read as 4·left + 2·centre + right."
      )
      return
    }
    let got = nextRow([1, 0, 0, 0], rule: 2)
    expectThat(
      got == [0, 0, 0, 1],
      "nextRow([1, 0, 0, 0], rule: 2): expected [0, 0, 0, 1], got \(got). Cell 3's right neighbour is cell 0: use (i + 1) % w and (i + w − 1) % w."
    )
  }

  @Test("all 256 rules on a random row equal the reference")
  func everyRule() {
    let row = AutomatonRow.random(width: 40, seed: 7)
    for rule in 0..<256 {
      let got = evolve(rule: rule, from: row, steps: 3)
      let want = Reference.evolve(rule: rule, from: row, steps: 3)
      if let t = want.indices.first(where: { got.count <= $0 || got[$0] != want[$0] }) {
        Issue.record(
          "rule \(rule), row \(t): expected \(Grids.picture(want[t])), got \(t < got.count ? Grids.picture(got[t]) : "no row")."
        )
        return
      }
    }
  }

  @Test("block entropy worked out by hand")
  func entropyByHand() {
    expectClose(
      blockEntropy([0, 0, 0, 1], k: 1), 0.8112781244591328, tolerance: 1e-12,
      "blockEntropy([0, 0, 0, 1], k: 1)",
      hint: "p(0) = 3/4, p(1) = 1/4: −(3/4·log₂ 3/4 + 1/4·log₂ 1/4) ≈ 0.811 bits.")
    expectClose(
      blockEntropy([0, 1, 0, 1], k: 2), 1, tolerance: 1e-12, "blockEntropy([0, 1, 0, 1], k: 2)",
      hint: "The blocks are 01, 10, 01, 10 (the last wraps around): two patterns, each 1/2.")
    expectClose(
      blockEntropy([1, 1, 1, 1, 1], k: 3), 0, tolerance: 1e-12,
      "blockEntropy of a constant row", hint: "One pattern with p = 1: 1·log₂ 1 = 0.")
  }

  @Test("block entropy of Rule 30's rows equals the reference")
  func entropyOfRule30() {
    let rows = Reference.evolve(rule: 30, from: AutomatonRow.singleCell(width: 64), steps: 40)
    for t in [0, 10, 40] {
      for k in [1, 3, 6] {
        expectClose(
          blockEntropy(rows[t], k: k), Reference.blockEntropy(rows[t], k: k), tolerance: 1e-12,
          "blockEntropy(Rule 30 row \(t), k: \(k))",
          hint: "w blocks, one starting at each cell; H = −Σ p·log₂ p over the patterns.")
      }
    }
  }
}
