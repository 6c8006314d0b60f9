import CourseSupport

/// Task 1 · the encoder: principal components by power iteration with deflation.
///
/// 1. mean = the average frame; C = (1/N)·Σ (f − mean)(f − mean)ᵀ, a d × d matrix
///    (`C.addOuterProduct(u, u)` adds u·uᵀ).
/// 2. For each of `count` components: start from v_i = 1 + i/d (i = 0 … d − 1), divided by its
///    norm; `iterations` times, v ← C·v / ‖C·v‖. Its variance is λ = v · (C·v). Turn v so that
///    its entry of largest magnitude (the first, on a tie) is positive. Then deflate:
///    C ← C − λ·v·vᵀ, so the next component is the next direction.
public func principalComponents(_ frames: [Vector], count: Int, iterations: Int) -> PCA {
  fatalError("TODO")
}

/// Task 1 · z_i = componentᵢ · (frame − mean).
public func encode(_ frame: Vector, _ pca: PCA) -> Vector {
  fatalError("TODO")
}

/// Task 1 · mean + Σ z_i·componentᵢ: the frame as the encoder can keep it.
public func decode(_ z: Vector, _ pca: PCA) -> Vector {
  fatalError("TODO")
}

/// Task 1 · where a frame shows the ball: the centroid of its positive pixels, (x, y) = (column,
/// row), pixel i being row i / 16, column i % 16 (`BallWorld.side` = 16). A frame with no
/// positive pixel shows the ball nowhere in particular: return the middle, (7.5, 7.5).
public func ballPosition(_ frame: Vector) -> Vector {
  fatalError("TODO")
}
