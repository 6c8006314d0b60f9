import CourseSupport
import Foundation

/// Task 6 (bonus) · how often each run of n consecutive characters occurs in `text`: the
/// "vocabulary" of an author, with no RNN at all.
public func ngrams(_ text: [Int], n: Int) -> [[Int]: Int] {
  // BEGIN SOLUTION
  var counts: [[Int]: Int] = [:]
  if text.count >= n {
    for i in 0...(text.count - n) { counts[Array(text[i..<(i + n)]), default: 0] += 1 }
  }
  return counts
  // END SOLUTION
}

/// Task 6 (bonus) · multinomial naive Bayes with add-one smoothing: each n-gram g of the passage
/// (counted as often as it occurs) contributes ln((count_author(g) + 1) / (total + distinct)),
/// where total is the number of n-grams in the author's text (the sum of `authorCounts`) and
/// `distinct` the number of different n-grams in all the authors' texts.
public func naiveBayesLogLikelihood(
  _ passage: [Int], authorCounts: [[Int]: Int], distinct: Int, n: Int
) -> Double {
  // BEGIN SOLUTION
  let total = Double(authorCounts.values.reduce(0, +) + distinct)
  var sum = 0.0
  for (g, count) in ngrams(passage, n: n) {
    sum += Double(count) * log(Double((authorCounts[g] ?? 0) + 1) / total)
  }
  return sum
  // END SOLUTION
}
