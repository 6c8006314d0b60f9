import CourseSupport

/// Task 3 · what an observer with blurry eyes sees: each cell's neighbourhood average, the mean
/// of the cells within grain / 2 rows and grain / 2 columns of it (a grain × grain window, grain
/// odd), only those inside the cup. Divide the window's sum by its number of cells, once.
/// The result is row-major, like `grid.cells`.
public func windowAverage(_ grid: CoffeeGrid, grain: Int) -> [Double] {
  fatalError("TODO")
}

/// Task 3 · the paper's three buckets: an average below 1/3 is coffee (0), above 2/3 cream
/// (2), and from 1/3 to 2/3, both ends included, mixed (1).
public func threeBuckets(_ averages: [Double]) -> [Int] {
  fatalError("TODO")
}

/// Task 3 · the adjusted coarse-graining. First seven levels: a cell's level is how many of
/// the thresholds 1/7, 2/7, …, 6/7 its average reaches (≥), so 0 … 6. Then row by row: find
/// the row's most common level (the lowest one on a tie), and give that level to every cell of
/// the row whose level is within one of it.
public func adjustedBuckets(_ averages: [Double], n: Int) -> [Int] {
  fatalError("TODO")
}
