/// Dense kernels on raw row-major buffers for the fast trainer. Each inner loop walks memory
/// contiguously with no reduction across iterations (so the compiler vectorises it without
/// reassociating sums); the one dot product keeps four independent partial sums.
enum Kernels {
  typealias Buffer = UnsafeMutablePointer<Double>
  typealias ConstBuffer = UnsafePointer<Double>

  /// y = A·x + b for A (rows × cols).
  @inline(__always)
  static func matVec(
    _ a: ConstBuffer, _ x: ConstBuffer, _ b: ConstBuffer, _ y: Buffer, rows: Int, cols: Int
  ) {
    for r in 0..<rows { y[r] = b[r] + dot(a + r * cols, x, cols) }
  }

  /// y = Aᵀ·x for A (rows × cols): a sum of A's rows, weighted by x.
  @inline(__always)
  static func matTVec(_ a: ConstBuffer, _ x: ConstBuffer, _ y: Buffer, rows: Int, cols: Int) {
    for c in 0..<cols { y[c] = 0 }
    for r in 0..<rows { axpy(x[r], a + r * cols, y, cols) }
  }

  /// y += α·x.
  @inline(__always)
  static func axpy(_ alpha: Double, _ x: ConstBuffer, _ y: Buffer, _ n: Int) {
    for i in 0..<n { y[i] += alpha * x[i] }
  }

  @inline(__always)
  static func dot(_ a: ConstBuffer, _ b: ConstBuffer, _ n: Int) -> Double {
    var s0 = 0.0
    var s1 = 0.0
    var s2 = 0.0
    var s3 = 0.0
    var i = 0
    while i + 4 <= n {
      s0 += a[i] * b[i]
      s1 += a[i + 1] * b[i + 1]
      s2 += a[i + 2] * b[i + 2]
      s3 += a[i + 3] * b[i + 3]
      i += 4
    }
    while i < n {
      s0 += a[i] * b[i]
      i += 1
    }
    return (s0 + s1) + (s2 + s3)
  }

  /// C (m × n) += Aᵀ·B for A (k × m) and B (k × n): a sum of k outer products a_p·b_pᵀ, done
  /// row of C by row of C so each row stays in cache while the k rows of B stream past.
  static func addATB(_ a: ConstBuffer, _ b: ConstBuffer, _ c: Buffer, k: Int, m: Int, n: Int) {
    for i in 0..<m {
      let row = c + i * n
      for p in 0..<k {
        let alpha = a[p * m + i]
        if alpha != 0 { axpy(alpha, b + p * n, row, n) }
      }
    }
  }
}
