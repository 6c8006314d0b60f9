import CourseSupport

/// Task 3 · the regression head: out = W·h + b is the prediction itself (absolute), or the change
/// to add to the latent that was fed (residual): ẑ = fed + W·h + b.
public func headForward(_ h: Vector, fed: Vector, W: Matrix, b: Vector, residual: Bool) -> Vector {
  fatalError("TODO")
}

/// Task 3 · the loss: the mean over every coordinate of every step of (ẑ − z)², n = steps ×
/// coordinates; and ∂L/∂ẑ for each step, 2·(ẑ − z) / n.
public func meanSquaredError(_ predictions: [Vector], _ targets: [Vector]) -> (
  loss: Double, gradients: [Vector]
) {
  fatalError("TODO")
}

/// Task 3 · back through the head: dW = dẑ·hᵀ, db = dẑ, dh = Wᵀ·dẑ. The fed latent of a residual
/// head gets no gradient: it is data (the truth, or a prediction fed back without its history).
public func headBackward(_ dPrediction: Vector, hidden h: Vector, W: Matrix) -> (
  dW: Matrix, db: Vector, dh: Vector
) {
  fatalError("TODO")
}
