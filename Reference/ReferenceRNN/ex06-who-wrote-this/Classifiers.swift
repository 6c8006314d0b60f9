import CourseSupport
import Foundation

extension Reference {
  /// Multinomial logistic regression: p(k | x) = softmax(W·x + b)_k. Returns the mean
  /// cross-entropy over the rows plus (l2/2)·‖W‖² (the bias is not penalised), and its gradients:
  ///
  ///     dy = p − onehot(label);   dW = mean(dy·xᵀ) + l2·W;   db = mean(dy)
  public static func softmaxRegressionLoss(
    weights W: Matrix, bias b: Vector, rows: [Vector], labels: [Int], l2: Double
  ) -> (loss: Double, dWeights: Matrix, dBias: Vector) {
    var dW = Matrix.zeros(W.rows, W.cols)
    var db = Vector.zeros(b.count)
    var loss = 0.0
    for (x, label) in zip(rows, labels) {
      var dy = softmax(W * x + b)
      loss -= log(dy[label])
      dy[label] -= 1
      dW.addOuterProduct(dy, x)
      db += dy
    }
    let n = Double(rows.count)
    let penalty = W.scalars.reduce(0) { $0 + $1 * $1 }
    for i in dW.scalars.indices { dW.scalars[i] = dW.scalars[i] / n + l2 * W.scalars[i] }
    return (loss / n + l2 / 2 * penalty, dW, db / n)
  }

  /// Gradient descent on `softmaxRegressionLoss` from zero weights, `steps` steps of `rate`.
  public static func trainSoftmaxRegression(
    rows: [Vector], labels: [Int], classes: Int, l2: Double, rate: Double, steps: Int
  ) -> (weights: Matrix, bias: Vector) {
    var W = Matrix.zeros(classes, rows[0].count)
    var b = Vector.zeros(classes)
    for _ in 0..<steps {
      let g = softmaxRegressionLoss(weights: W, bias: b, rows: rows, labels: labels, l2: l2)
      for i in W.scalars.indices { W.scalars[i] -= rate * g.dWeights.scalars[i] }
      b -= rate * g.dBias
    }
    return (W, b)
  }

  /// counts[actual][predicted].
  public static func confusionMatrix(predicted: [Int], actual: [Int], classes: Int) -> [[Int]] {
    var counts = [[Int]](repeating: [Int](repeating: 0, count: classes), count: classes)
    for (p, a) in zip(predicted, actual) { counts[a][p] += 1 }
    return counts
  }

  /// The share on the diagonal.
  public static func accuracy(_ confusion: [[Int]]) -> Double {
    let total = confusion.joined().reduce(0, +)
    let right = confusion.indices.reduce(0) { $0 + confusion[$1][$1] }
    return total == 0 ? .nan : Double(right) / Double(total)
  }

  /// How often each run of n consecutive characters occurs in `text`.
  public static func ngrams(_ text: [Int], n: Int) -> [[Int]: Int] {
    var counts: [[Int]: Int] = [:]
    if text.count >= n {
      for i in 0...(text.count - n) { counts[Array(text[i..<(i + n)]), default: 0] += 1 }
    }
    return counts
  }

  /// Multinomial naive Bayes over character n-grams, with add-one smoothing:
  /// ln p(passage | author) = Σ over the passage's n-grams g of ln((count_author(g) + 1) /
  /// (total_author + distinct)), where total_author is the author's number of n-grams and
  /// `distinct` the number of different n-grams in all authors' texts.
  public static func naiveBayesLogLikelihood(
    _ passage: [Int], authorCounts: [[Int]: Int], distinct: Int, n: Int
  ) -> Double {
    let total = Double(authorCounts.values.reduce(0, +) + distinct)
    return ngrams(passage, n: n).reduce(0) { sum, entry in
      sum + Double(entry.value) * log(Double((authorCounts[entry.key] ?? 0) + 1) / total)
    }
  }
}
