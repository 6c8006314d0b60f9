import CourseSupport

/// Task 5 · the confusion matrix: counts[a][p] is how many passages by author a were given to
/// author p. Its diagonal holds the right answers.
public func confusionMatrix(predicted: [Int], actual: [Int], classes: Int) -> [[Int]] {
  // BEGIN SOLUTION
  var counts = [[Int]](repeating: [Int](repeating: 0, count: classes), count: classes)
  for (p, a) in zip(predicted, actual) { counts[a][p] += 1 }
  return counts
  // END SOLUTION
}

/// Task 5 · the share of passages on the diagonal (NaN for an empty matrix).
public func accuracy(_ confusion: [[Int]]) -> Double {
  // BEGIN SOLUTION
  var (right, total) = (0, 0)
  for a in confusion.indices {
    for p in confusion[a].indices {
      total += confusion[a][p]
      if a == p { right += confusion[a][p] }
    }
  }
  return total == 0 ? .nan : Double(right) / Double(total)
  // END SOLUTION
}
