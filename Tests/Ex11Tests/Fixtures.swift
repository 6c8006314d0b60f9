import CourseSupport

/// ex11's experiment as the lesson states it: a cup of 32 × 32, a 9 × 9 coarse-graining
/// window, 750,000 attempted swaps (about 730 per cell) measured 61 times, seeds 1, 2 and 3.
enum Lesson {
  static let n = 32
  static let grain = 9
  static let steps = 750_000
  static let samples = 60
  static let seeds: [UInt64] = [1, 2, 3]
}

/// Rows and grids to check against the reference.
enum Grids {
  /// A grid whose cells are drawn 0 … maximum by the course's generator.
  static func random(n: Int, maximum: Int = 1, seed: UInt64) -> CoffeeGrid {
    var rng = SeededGenerator(seed: seed)
    return CoffeeGrid(n: n, cells: (0..<(n * n)).map { _ in rng.nextIndex(below: maximum + 1) })
  }

  /// Where two grids first differ, as "row r, column c: expected e, got g".
  static func firstDifference(_ got: CoffeeGrid, _ expected: CoffeeGrid) -> String? {
    guard got.n == expected.n, got.cells.count == expected.cells.count else {
      return
        "the grid is \(got.n) × \(got.n) with \(got.cells.count) cells, expected \(expected.n) × \(expected.n)"
    }
    guard let i = got.cells.indices.first(where: { got.cells[$0] != expected.cells[$0] }) else {
      return nil
    }
    return
      "row \(i / got.n), column \(i % got.n): expected \(expected.cells[i]), got \(got.cells[i])"
  }

  static func picture(_ row: [UInt8]) -> String { row.map { $0 == 1 ? "█" : "·" }.joined() }
}
