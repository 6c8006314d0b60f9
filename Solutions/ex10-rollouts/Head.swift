import CourseSupport

/// Task 3 · the regression head: out = W·h + b is the prediction itself (absolute), or the change
/// to add to the latent that was fed (residual): ẑ = fed + W·h + b.
public func headForward(_ h: Vector, fed: Vector, W: Matrix, b: Vector, residual: Bool) -> Vector {
  // BEGIN SOLUTION
  let out = W * h + b
  return residual ? fed + out : out
  // END SOLUTION
}

/// Task 3 · the loss: the mean over every coordinate of every step of (ẑ − z)², n = steps ×
/// coordinates; and ∂L/∂ẑ for each step, 2·(ẑ − z) / n.
public func meanSquaredError(_ predictions: [Vector], _ targets: [Vector]) -> (
  loss: Double, gradients: [Vector]
) {
  // BEGIN SOLUTION
  let n = Double(predictions.count * predictions[0].count)
  var loss = 0.0
  var gradients: [Vector] = []
  for (y, z) in zip(predictions, targets) {
    let d = y - z
    loss += d.dot(d) / n
    gradients.append(2 / n * d)
  }
  return (loss, gradients)
  // END SOLUTION
}

/// Task 3 · back through the head: dW = dẑ·hᵀ, db = dẑ, dh = Wᵀ·dẑ. The fed latent of a residual
/// head gets no gradient: it is data (the truth, or a prediction fed back without its history).
public func headBackward(_ dPrediction: Vector, hidden h: Vector, W: Matrix) -> (
  dW: Matrix, db: Vector, dh: Vector
) {
  // BEGIN SOLUTION
  var dW = Matrix.zeros(W.rows, W.cols)
  dW.addOuterProduct(dPrediction, h)
  return (dW, dPrediction, W.transposedTimes(dPrediction))
  // END SOLUTION
}
