import CourseSupport

/// Task 3 · what an observer with blurry eyes sees: each cell's neighbourhood average, the mean
/// of the cells within grain / 2 rows and grain / 2 columns of it (a grain × grain window, grain
/// odd), only those inside the cup. Divide the window's sum by its number of cells, once.
/// The result is row-major, like `grid.cells`.
public func windowAverage(_ grid: CoffeeGrid, grain: Int) -> [Double] {
  // BEGIN SOLUTION
  let n = grid.n
  let half = grain / 2
  var averages = [Double](repeating: 0, count: n * n)
  for r in 0..<n {
    for c in 0..<n {
      var sum = 0
      var cells = 0
      for rr in max(r - half, 0)...min(r + half, n - 1) {
        for cc in max(c - half, 0)...min(c + half, n - 1) {
          sum += grid[rr, cc]
          cells += 1
        }
      }
      averages[r * n + c] = Double(sum) / Double(cells)
    }
  }
  return averages
  // END SOLUTION
}

/// Task 3 · the paper's three buckets: an average below 1/3 is coffee (0), above 2/3 cream
/// (2), and from 1/3 to 2/3, both ends included, mixed (1).
public func threeBuckets(_ averages: [Double]) -> [Int] {
  // BEGIN SOLUTION
  averages.map { a in
    if a < 1.0 / 3 { return 0 }
    if a > 2.0 / 3 { return 2 }
    return 1
  }
  // END SOLUTION
}

/// Task 3 · the adjusted coarse-graining. First seven levels: a cell's level is how many of
/// the thresholds 1/7, 2/7, …, 6/7 its average reaches (≥), so 0 … 6. Then row by row: find
/// the row's most common level (the lowest one on a tie), and give that level to every cell of
/// the row whose level is within one of it.
public func adjustedBuckets(_ averages: [Double], n: Int) -> [Int] {
  // BEGIN SOLUTION
  var levels = averages.map { a in (1...6).filter { a >= Double($0) / 7 }.count }
  for r in 0..<n {
    var counts = [Int](repeating: 0, count: 7)
    for c in 0..<n { counts[levels[r * n + c]] += 1 }
    var majority = 0
    for level in 1..<7 where counts[level] > counts[majority] { majority = level }
    for c in 0..<n where abs(levels[r * n + c] - majority) <= 1 {
      levels[r * n + c] = majority
    }
  }
  return levels
  // END SOLUTION
}
