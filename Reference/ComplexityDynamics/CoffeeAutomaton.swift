import CourseSupport

extension Reference {
  /// The interacting model's step: one of the 2·n·(n − 1) adjacent pairs, chosen uniformly by
  /// one draw, is swapped if its two cells differ. Pairs are numbered horizontal first, row by
  /// row (pair k joins (k / (n−1), k % (n−1)) to its right neighbour), then vertical (pair
  /// n·(n−1) + k joins (k / n, k % n) to the cell below).
  public static func interactingStep(_ grid: inout CoffeeGrid, using rng: inout SeededGenerator) {
    let n = grid.n
    let k = rng.nextIndex(below: 2 * n * (n - 1))
    let horizontal = n * (n - 1)
    let (a, b) =
      k < horizontal
      ? ((k / (n - 1)) * n + k % (n - 1), (k / (n - 1)) * n + k % (n - 1) + 1)
      : (k - horizontal, k - horizontal + n)
    grid.cells.swapAt(a, b)  // a no-op in effect when the two are equal
  }

  /// The non-interacting model's step: every particle, in order, draws a direction (0 up,
  /// 1 down, 2 left, 3 right) and moves one cell that way, unless that would leave the cup.
  public static func nonInteractingStep(
    _ cream: inout CreamParticles, using rng: inout SeededGenerator
  ) {
    let n = cream.n
    for i in cream.positions.indices {
      let (r, c) = (cream.positions[i] / n, cream.positions[i] % n)
      switch rng.nextIndex(below: 4) {
      case 0 where r > 0: cream.positions[i] -= n
      case 1 where r < n - 1: cream.positions[i] += n
      case 2 where c > 0: cream.positions[i] -= 1
      case 3 where c < n - 1: cream.positions[i] += 1
      default: break
      }
    }
  }
}
