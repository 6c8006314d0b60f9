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
  // BEGIN SOLUTION
  let d = frames[0].count
  var mean = Vector.zeros(d)
  for f in frames { mean += f }
  mean = mean / Double(frames.count)
  var c = Matrix.zeros(d, d)
  for f in frames { c.addOuterProduct(f - mean, f - mean) }
  for i in c.scalars.indices { c.scalars[i] /= Double(frames.count) }
  var components: [Vector] = []
  var variances: [Double] = []
  for _ in 0..<count {
    var v = Vector((0..<d).map { 1 + Double($0) / Double(d) })
    v = v / v.norm
    for _ in 0..<iterations {
      let w = c * v
      v = w / w.norm
    }
    var largest = 0
    for i in v.indices where abs(v[i]) > abs(v[largest]) { largest = i }
    if v[largest] < 0 { v = -1 * v }
    let lambda = v.dot(c * v)
    c.addOuterProduct(-lambda * v, v)
    components.append(v)
    variances.append(lambda)
  }
  return PCA(mean: mean, components: components, variances: variances)
  // END SOLUTION
}

/// Task 1 · z_i = componentᵢ · (frame − mean).
public func encode(_ frame: Vector, _ pca: PCA) -> Vector {
  // BEGIN SOLUTION
  Vector(pca.components.map { $0.dot(frame - pca.mean) })
  // END SOLUTION
}

/// Task 1 · mean + Σ z_i·componentᵢ: the frame as the encoder can keep it.
public func decode(_ z: Vector, _ pca: PCA) -> Vector {
  // BEGIN SOLUTION
  var frame = pca.mean
  for (zi, component) in zip(z.scalars, pca.components) { frame += zi * component }
  return frame
  // END SOLUTION
}

/// Task 1 · where a frame shows the ball: the centroid of its positive pixels, (x, y) = (column,
/// row), pixel i being row i / 16, column i % 16 (`BallWorld.side` = 16). A frame with no
/// positive pixel shows the ball nowhere in particular: return the middle, (7.5, 7.5).
public func ballPosition(_ frame: Vector) -> Vector {
  // BEGIN SOLUTION
  var (x, y, total) = (0.0, 0.0, 0.0)
  for i in frame.indices where frame[i] > 0 {
    x += frame[i] * Double(i % BallWorld.side)
    y += frame[i] * Double(i / BallWorld.side)
    total += frame[i]
  }
  return total > 0 ? Vector([x / total, y / total]) : Vector([7.5, 7.5])
  // END SOLUTION
}
