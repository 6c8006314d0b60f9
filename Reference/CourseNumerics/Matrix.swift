/// A dense row-major matrix of `Double`s.
///
/// `W * x` is the matrix-vector product, `W.transposedTimes(d)` is Wᵀd (the product backward
/// passes need), and `dW.addOuterProduct(a, b)` accumulates a·bᵀ, numpy's `dW += np.dot(a, b.T)`.
public struct Matrix: Equatable, Hashable, Sendable, Codable, CustomStringConvertible {
  /// The number of rows.
  public let rows: Int
  /// The number of columns.
  public let cols: Int
  /// Element (r, c) is `scalars[r * cols + c]`.
  public var scalars: [Double]

  /// A `rows`×`cols` matrix with every entry equal to `value` (zero by default).
  public init(rows: Int, cols: Int, repeating value: Double = 0) {
    require(rows >= 0 && cols >= 0, "Matrix: negative shape \(rows)×\(cols)")
    self.rows = rows
    self.cols = cols
    scalars = Array(repeating: value, count: rows * cols)
  }

  /// A `rows`×`cols` matrix from its entries in row-major order; their count must be rows·cols.
  public init(rows: Int, cols: Int, scalars: [Double]) {
    require(
      scalars.count == rows * cols,
      "Matrix: \(scalars.count) scalars do not fill a \(rows)×\(cols) matrix")
    self.rows = rows
    self.cols = cols
    self.scalars = scalars
  }

  /// The `rows`×`cols` zero matrix, numpy's `np.zeros((rows, cols))`.
  public static func zeros(_ rows: Int, _ cols: Int) -> Matrix { Matrix(rows: rows, cols: cols) }

  /// Entries drawn from N(0, 1) and multiplied by `scale`, row by row.
  public static func random(
    _ rows: Int, _ cols: Int, scale: Double, using rng: inout SeededGenerator
  ) -> Matrix {
    var m = Matrix(rows: rows, cols: cols)
    for i in m.scalars.indices { m.scalars[i] = scale * rng.nextNormal() }
    return m
  }

  /// Entries drawn uniformly from [−bound, bound), row by row: bound·(2u − 1) with u uniform.
  public static func uniform(
    _ rows: Int, _ cols: Int, bound: Double, using rng: inout SeededGenerator
  ) -> Matrix {
    var m = Matrix(rows: rows, cols: cols)
    for i in m.scalars.indices { m.scalars[i] = bound * (2 * rng.nextUniform() - 1) }
    return m
  }

  /// The shape (rows, cols), as numpy's `W.shape`.
  public var shape: (rows: Int, cols: Int) { (rows, cols) }

  /// Entry (r, c), W[r, c], read or written; out-of-range indices stop with a message.
  public subscript(r: Int, c: Int) -> Double {
    get {
      require(
        r >= 0 && r < rows && c >= 0 && c < cols, "Matrix index (\(r), \(c)) out of \(rows)×\(cols)"
      )
      return scalars[r * cols + c]
    }
    set {
      require(
        r >= 0 && r < rows && c >= 0 && c < cols, "Matrix index (\(r), \(c)) out of \(rows)×\(cols)"
      )
      scalars[r * cols + c] = newValue
    }
  }

  /// Column j as a vector: W[:, j]. With a one-hot x = e_j, W·x is exactly this column.
  public func column(_ j: Int) -> Vector {
    require(j >= 0 && j < cols, "Matrix column \(j) out of 0..<\(cols)")
    return Vector((0..<rows).map { scalars[$0 * cols + j] })
  }

  /// Row i as a vector: W[i, :].
  public func row(_ i: Int) -> Vector {
    require(i >= 0 && i < rows, "Matrix row \(i) out of 0..<\(rows)")
    return Vector(Array(scalars[(i * cols)..<((i + 1) * cols)]))
  }

  /// W·x.
  public static func * (m: Matrix, x: Vector) -> Vector {
    requireShapes(m.cols == x.count, "Matrix × Vector: \(m.rows)×\(m.cols) times length \(x.count)")
    var y = Vector(count: m.rows)
    for r in 0..<m.rows {
      var s = 0.0
      let base = r * m.cols
      for c in 0..<m.cols { s += m.scalars[base + c] * x.scalars[c] }
      y.scalars[r] = s
    }
    return y
  }

  /// Wᵀ·d, without building the transpose.
  public func transposedTimes(_ d: Vector) -> Vector {
    requireShapes(rows == d.count, "Matrixᵀ × Vector: (\(rows)×\(cols))ᵀ times length \(d.count)")
    var y = Vector(count: cols)
    for r in 0..<rows {
      let dr = d.scalars[r]
      let base = r * cols
      for c in 0..<cols { y.scalars[c] += scalars[base + c] * dr }
    }
    return y
  }

  /// self += a·bᵀ.
  public mutating func addOuterProduct(_ a: Vector, _ b: Vector) {
    requireShapes(
      a.count == rows && b.count == cols,
      "outer product: \(a.count)×\(b.count) does not match \(rows)×\(cols)")
    for r in 0..<rows {
      let ar = a.scalars[r]
      let base = r * cols
      for c in 0..<cols { scalars[base + c] += ar * b.scalars[c] }
    }
  }

  /// self[:, j] += v (the gradient of W·e_j with respect to W).
  public mutating func addToColumn(_ j: Int, _ v: Vector) {
    requireShapes(
      j >= 0 && j < cols && v.count == rows,
      "addToColumn: column \(j), length \(v.count) on \(rows)×\(cols)")
    for r in 0..<rows { scalars[r * cols + j] += v.scalars[r] }
  }

  /// self[i, :] += v (the gradient of an embedding lookup of row i).
  public mutating func addToRow(_ i: Int, _ v: Vector) {
    requireShapes(
      i >= 0 && i < rows && v.count == cols,
      "addToRow: row \(i), length \(v.count) on \(rows)×\(cols)")
    for c in 0..<cols { scalars[i * cols + c] += v.scalars[c] }
  }

  private enum CodingKeys: String, CodingKey { case rows, cols, scalars }

  /// Decoding checks the shape, so a corrupt file is an error rather than a later crash.
  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let rows = try c.decode(Int.self, forKey: .rows)
    let cols = try c.decode(Int.self, forKey: .cols)
    let scalars = try c.decode([Double].self, forKey: .scalars)
    guard rows >= 0, cols >= 0, scalars.count == rows * cols else {
      throw DecodingError.dataCorruptedError(
        forKey: .scalars, in: c,
        debugDescription: "\(scalars.count) numbers do not fill a \(rows)×\(cols) matrix")
    }
    self.init(rows: rows, cols: cols, scalars: scalars)
  }

  /// The rows, one per line, each rendered as a `Vector`.
  public var description: String {
    (0..<rows).map { row($0).description }.joined(separator: "\n")
  }
}
