import CourseSupport
import CourseTesting
import Ex11
import ReferenceRNN
import Testing

/// Task `coffee`: both models' steps.
@Suite("coffee") struct Coffee {
  @Test("an interacting step swaps the pair the draw names, and only it")
  func onePair() {
    // The first draw of seed 5 is pair k; run the reference's numbering forward by hand.
    var probe = SeededGenerator(seed: 5)
    let k = probe.nextIndex(below: 2 * 4 * 3)
    var grid = CoffeeGrid(n: 4, cells: Array(0..<16))  // all different, so every swap shows
    var rng = SeededGenerator(seed: 5)
    interactingStep(&grid, using: &rng)
    let (a, b) = k < 12 ? ((k / 3) * 4 + k % 3, (k / 3) * 4 + k % 3 + 1) : (k - 12, k - 12 + 4)
    var want = Array(0..<16)
    want.swapAt(a, b)
    expectThat(
      grid.cells == want,
      "on a 4 × 4 grid holding 0…15, the draw k = \(k) names the pair of cells \(a) and \(b); expected \(want), got \(grid.cells). Pairs 0…11 are horizontal (row k / 3, column k % 3 and its right neighbour), 12…23 vertical (cell k − 12 and the one below)."
    )
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
        Issue.record(
          "after step \(step), the grid differs from the reference at \(where_). Use exactly one draw, rng.nextIndex(below: 2 * n * (n - 1)), per step."
        )
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
