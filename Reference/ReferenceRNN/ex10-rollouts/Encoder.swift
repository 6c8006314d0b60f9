import CourseSupport

extension Reference {
  /// The first `count` principal components of `frames`, by power iteration with deflation:
  /// C = (1/N)·Σ (f − mean)(f − mean)ᵀ; for each component, v starts at (1 + i/d)ᵢ normalised and
  /// repeats v ← C·v / ‖C·v‖ `iterations` times; its variance is λ = vᵀ·C·v; then
  /// C ← C − λ·v·vᵀ takes it out. Each v is turned so that its largest entry (by magnitude, the
  /// first on a tie) is positive.
  public static func principalComponents(_ frames: [Vector], count: Int, iterations: Int) -> PCA {
    let d = frames[0].count
    let mean = frames.reduce(Vector.zeros(d), +) / Double(frames.count)
    var c = Matrix.zeros(d, d)
    for f in frames { c.addOuterProduct(f - mean, f - mean) }
    c.scalars = c.scalars.map { $0 / Double(frames.count) }
    var components: [Vector] = []
    var variances: [Double] = []
    for _ in 0..<count {
      var v = Vector((0..<d).map { 1 + Double($0) / Double(d) })
      v = v / v.norm
      for _ in 0..<iterations {
        let w = c * v
        v = w / w.norm
      }
      let largest = v.indices.max {
        abs(v[$0]) < abs(v[$1]) || (abs(v[$0]) == abs(v[$1]) && $0 > $1)
      }!
      if v[largest] < 0 { v = -1 * v }
      let lambda = v.dot(c * v)
      c.addOuterProduct(-lambda * v, v)
      components.append(v)
      variances.append(lambda)
    }
    return PCA(mean: mean, components: components, variances: variances)
  }

  /// The latent of `frame`: z_i = componentsᵢ · (frame − mean).
  public static func encode(_ frame: Vector, _ pca: PCA) -> Vector {
    Vector(pca.components.map { $0.dot(frame - pca.mean) })
  }

  /// The frame a latent stands for: mean + Σ z_i·componentsᵢ.
  public static func decode(_ z: Vector, _ pca: PCA) -> Vector {
    zip(z.scalars, pca.components).reduce(pca.mean) { $0 + $1.0 * $1.1 }
  }

  /// Where a frame shows the ball: the centroid (x = column, y = row) of its positive pixels.
  public static func ballPosition(_ frame: Vector) -> Vector {
    var (x, y, total) = (0.0, 0.0, 0.0)
    for i in frame.indices where frame[i] > 0 {
      x += frame[i] * Double(i % BallWorld.side)
      y += frame[i] * Double(i / BallWorld.side)
      total += frame[i]
    }
    return total > 0 ? Vector([x / total, y / total]) : Vector([7.5, 7.5])
  }
}
