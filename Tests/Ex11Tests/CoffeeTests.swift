import CourseSupport
import CourseTesting
import Ex11
import ReferenceRNN
import Testing

/// Task `coffee`: both models' steps.
@Suite("coffee") struct Coffee {
  @Test("an interacting step swaps the pair the draw names, a horizontal and a vertical one")
  func onePair() {
    // The first seeds whose first draw names a horizontal pair and a vertical one: each
    // numbering checked by hand.
    for vertical in [false, true] {
      let seed = (1...100 as ClosedRange<UInt64>).first { seed in
        var probe = SeededGenerator(seed: seed)
        return (probe.nextIndex(below: 24) >= 12) == vertical
      }!
      var grid = CoffeeGrid(n: 4, cells: Array(0..<16))  // all different, so every swap shows
      var rng = SeededGenerator(seed: seed)
      interactingStep(&grid, using: &rng)
      if let problem = OnePair.problem(grid, seed: seed) {
        Issue.record(Comment(rawValue: problem))
        return
      }
    }
  }

  @Test("the interacting cup after 20,000 steps equals the reference, with its cream conserved")
  func interacting() {
    var mine = CoffeeGrid.poured(n: 12)
    var theirs = mine
    var (a, b) = (SeededGenerator(seed: 3), SeededGenerator(seed: 3))
    for step in 1...20_000 {
      interactingStep(&mine, using: &a)
      Reference.interactingStep(&theirs, using: &b)
      if let where_ = Grids.firstDifference(mine, theirs) {
        // Said from what differs: the number of draws, or the pair a draw names.
        let advice =
          a == b
          ? "Your step drew as the reference does, and swapped another pair: the test of one step above shows which numbering is wrong."
          : "Your step drew a different number of times: use exactly one draw, rng.nextIndex(below: 2 * n * (n - 1)), per step."
        Issue.record(
          "after step \(step), the grid differs from the reference at \(where_). \(advice)")
        return
      }
    }
    expectCount(
      mine.cream, 72, "cream in the 12 × 12 cup after 20,000 steps",
      hint: "A swap moves cream; it never makes or destroys it.")
    expectThat(
      mine.cells.allSatisfy { $0 == 0 || $0 == 1 },
      "every cell of the interacting cup holds 0 or 1.")
  }

  @Test("the non-interacting cup after 200 steps equals the reference; no particle leaves it")
  func nonInteracting() {
    var mine = CreamParticles.poured(n: 10)
    var theirs = mine
    var (a, b) = (SeededGenerator(seed: 4), SeededGenerator(seed: 4))
    for step in 1...200 {
      nonInteractingStep(&mine, using: &a)
      Reference.nonInteractingStep(&theirs, using: &b)
      if let i = mine.positions.indices.first(where: { mine.positions[$0] != theirs.positions[$0] })
      {
        Issue.record(
          "after step \(step), particle \(i) is at cell \(mine.positions[i]), expected \(theirs.positions[i]). One draw per particle, in order: 0 up, 1 down, 2 left, 3 right; a move out of the cup leaves the particle where it is."
        )
        return
      }
    }
    expectCount(
      mine.positions.count, 50, "particles", hint: "Particles move; none appears or vanishes.")
    expectThat(
      mine.positions.allSatisfy { (0..<100).contains($0) } && mine.grid.cream == 50,
      "every particle stays inside the 10 × 10 cup, and the grid counts all 50.")
  }
}

/// The one-step test by hand: the pair the first draw of a seed names on a 4 × 4 grid holding
/// 0…15, and what the learner's step did instead.
enum OnePair {
  static func problem(_ grid: CoffeeGrid, seed: UInt64) -> String? {
    var probe = SeededGenerator(seed: seed)
    let k = probe.nextIndex(below: 2 * 4 * 3)
    let vertical = k >= 12
    let (a, b) = vertical ? (k - 12, k - 12 + 4) : ((k / 3) * 4 + k % 3, (k / 3) * 4 + k % 3 + 1)
    var want = Array(0..<16)
    want.swapAt(a, b)
    guard grid.cells != want else { return nil }
    let rule =
      vertical
      ? "Pairs 12…23 are vertical: pair k is cell k − 12 (row (k − 12) / 4, column (k − 12) % 4) and the cell below it."
      : "Pairs 0…11 are horizontal: pair k is row k / 3, column k % 3, and its right neighbour."
    let moved = grid.cells.indices.filter { grid.cells[$0] != $0 }
    let did =
      moved.isEmpty
      ? "your step swapped nothing"
      : "your step changed cells \(moved.map(String.init).joined(separator: ", "))"
    return
      "On a 4 × 4 grid holding 0…15, the first draw of seed \(seed) is k = \(k), a \(vertical ? "vertical" : "horizontal") pair: cells \(a) and \(b) should swap, and \(did). \(rule)"
  }
}
