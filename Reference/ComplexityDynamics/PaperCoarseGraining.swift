import CourseSupport

// What the paper's own code did differently from the lesson's coarse-graining, so that a
// learner can switch each difference on and watch what it does to the curves.

/// How the adjusted (seven-level) coarse-graining is made.
public enum Adjustment: String, CaseIterable, Codable, Sendable {
  /// The lesson's: in every row, the cells within one level of the row's most common level
  /// take that level (`Reference.adjustedBuckets`).
  case adjusted
  /// Both details of the paper's released code: `released-rows` and `released-thirds`.
  case released
  /// A row takes its most common level only when the whole row spans at most one level; any
  /// other row is left as it is (`Reference.releasedBuckets`).
  case releasedRows = "released-rows"
  /// The lesson's row rule, on the non-interacting cup's averages divided by 3.
  case releasedThirds = "released-thirds"

  var flattensWholeRowsOnly: Bool { self == .released || self == .releasedRows }
  var dividesNonInteracting: Bool { self == .released || self == .releasedThirds }

  /// The seven levels of a cup of `model` with window averages `averages`.
  public func levels(_ averages: [Double], n: Int, model: CoffeeModel) -> [Int] {
    let scaled =
      dividesNonInteracting && model == .nonInteracting ? averages.map { $0 / 3 } : averages
    return flattensWholeRowsOnly
      ? Reference.releasedBuckets(scaled, n: n) : Reference.adjustedBuckets(scaled, n: n)
  }
}

extension Reference {
  /// The released code's row rule: seven levels cut at 1/7 … 6/7, as `adjustedBuckets`; then a
  /// row whose highest and lowest levels differ by at most one takes its most common level
  /// (the lower, on a tie) everywhere, and every other row keeps its levels.
  public static func releasedBuckets(_ averages: [Double], n: Int) -> [Int] {
    var levels = averages.map { a in (1...6).filter { a >= Double($0) / 7 }.count }
    for r in 0..<n {
      let row = levels[(r * n)..<((r + 1) * n)]
      let (low, high) = (row.min()!, row.max()!)
      guard high - low <= 1 else { continue }
      let majority = 2 * row.filter { $0 == high }.count > n ? high : low
      for c in 0..<n { levels[r * n + c] = majority }
    }
    return levels
  }

  /// The paper's grain for a cup of side n: the odd number nearest √n (the larger on a tie,
  /// so 9 for n = 64).
  public static func squareRootGrain(n: Int) -> Int {
    2 * Int((Double(n).squareRoot() / 2).rounded(.down)) + 1
  }
}
