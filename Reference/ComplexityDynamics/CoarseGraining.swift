import CourseSupport

extension Reference {
  /// Each cell's neighbourhood average: the mean of the cells within grain / 2 rows and columns
  /// of it (a grain × grain window, grain odd), clipped at the walls; one division of the
  /// window's sum by its number of cells.
  public static func windowAverage(_ grid: CoffeeGrid, grain: Int) -> [Double] {
    let n = grid.n
    let half = grain / 2
    // Sums over rectangles by a table of prefix sums: O(n²) for any grain.
    var prefix = [Int](repeating: 0, count: (n + 1) * (n + 1))
    for r in 0..<n {
      for c in 0..<n {
        prefix[(r + 1) * (n + 1) + c + 1] =
          grid[r, c] + prefix[r * (n + 1) + c + 1] + prefix[(r + 1) * (n + 1) + c]
          - prefix[r * (n + 1) + c]
      }
    }
    var out = [Double](repeating: 0, count: n * n)
    for r in 0..<n {
      for c in 0..<n {
        let (r0, r1) = (max(r - half, 0), min(r + half, n - 1) + 1)
        let (c0, c1) = (max(c - half, 0), min(c + half, n - 1) + 1)
        let sum =
          prefix[r1 * (n + 1) + c1] - prefix[r0 * (n + 1) + c1] - prefix[r1 * (n + 1) + c0]
          + prefix[r0 * (n + 1) + c0]
        out[r * n + c] = Double(sum) / Double((r1 - r0) * (c1 - c0))
      }
    }
    return out
  }

  /// The paper's coarse-graining: below 1/3 is coffee (0), above 2/3 cream (2), between (ends
  /// included) mixed (1).
  public static func threeBuckets(_ averages: [Double]) -> [Int] {
    averages.map { $0 < 1.0 / 3 ? 0 : $0 > 2.0 / 3 ? 2 : 1 }
  }

  /// The adjusted coarse-graining: seven levels cut by thresholds at 1/7 … 6/7 (the level is
  /// how many thresholds the average reaches, so a well-mixed 1/2 sits in the middle of level
  /// 3); then, row by row, every cell within one level of the row's most common level (the
  /// lowest, on a tie) takes that level. It removes the speckle of cells near a threshold.
  public static func adjustedBuckets(_ averages: [Double], n: Int) -> [Int] {
    var levels = averages.map { a in (1...6).filter { a >= Double($0) / 7 }.count }
    for r in 0..<n {
      var counts = [Int](repeating: 0, count: 7)
      for c in 0..<n { counts[levels[r * n + c]] += 1 }
      let majority = counts.indices.max {
        counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1)
      }!
      for c in 0..<n where abs(levels[r * n + c] - majority) <= 1 { levels[r * n + c] = majority }
    }
    return levels
  }
}
