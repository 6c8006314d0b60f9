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
  fatalError("TODO")
}

/// Task 4 · gradient descent from zeros (W: classes × features, b: classes): `steps` times,
/// W −= rate·dW and b −= rate·db, with the gradients of `softmaxRegressionLoss`.
public func trainSoftmaxRegression(
  rows: [Vector], labels: [Int], classes: Int, l2: Double, rate: Double, steps: Int
) -> (weights: Matrix, bias: Vector) {
  fatalError("TODO")
}
