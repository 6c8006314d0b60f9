import CourseSupport
import Foundation

/// ex01's softmax, given.
func softmax(_ y: Vector) -> Vector {
  let m = y.max()
  let e = y.map { exp($0 - m) }
  return e / e.sum()
}

/// Task 4 · multinomial logistic regression, p(k | x) = softmax(W·x + b)_k, its loss and its
/// gradients. With N rows, the loss is the mean cross-entropy plus an L2 penalty on W (not on b):
///
///     L  = (1/N) Σ_n −ln p(labels[n] | rows[n]) + (l2/2)·Σ W²
///     dy = p − onehot(label)  for each row
///     dW = (1/N) Σ_n dy_n·x_nᵀ + l2·W,    db = (1/N) Σ_n dy_n
public func softmaxRegressionLoss(
  weights W: Matrix, bias b: Vector, rows: [Vector], labels: [Int], l2: Double
) -> (loss: Double, dWeights: Matrix, dBias: Vector) {
  // BEGIN SOLUTION
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
  var penalty = 0.0
  for i in W.scalars.indices {
    penalty += W.scalars[i] * W.scalars[i]
    dW.scalars[i] = dW.scalars[i] / n + l2 * W.scalars[i]
  }
  return (loss / n + l2 / 2 * penalty, dW, db / n)
  // END SOLUTION
}

/// Task 4 · gradient descent from zeros (W: classes × features, b: classes): `steps` times,
/// W −= rate·dW and b −= rate·db, with the gradients of `softmaxRegressionLoss`.
public func trainSoftmaxRegression(
  rows: [Vector], labels: [Int], classes: Int, l2: Double, rate: Double, steps: Int
) -> (weights: Matrix, bias: Vector) {
  // BEGIN SOLUTION
  var W = Matrix.zeros(classes, rows[0].count)
  var b = Vector.zeros(classes)
  for _ in 0..<steps {
    let g = softmaxRegressionLoss(weights: W, bias: b, rows: rows, labels: labels, l2: l2)
    for i in W.scalars.indices { W.scalars[i] -= rate * g.dWeights.scalars[i] }
    b -= rate * g.dBias
  }
  return (W, b)
  // END SOLUTION
}
