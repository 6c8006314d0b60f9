/// C = A·B (or C += A·B) on raw row-major buffers: the matrix products of the fast trainer.
///
/// The output is computed in register tiles (4 rows × 8 columns, or 1 row × 16 for a few rows)
/// and each element is a sum over p in increasing order, so the result does not depend on the
/// vector width the module was compiled for. B is read 8 columns at a time through two strides
/// (`PanelMatrix`): a row-major B and a B packed in panels are the same code, and a packed B
/// turns each walk down a column block into one sequential stream, which is what lets a
/// matrix–vector product whose matrix does not fit in L1 run at the speed of L2.
public typealias Pointer = UnsafePointer<Double>
/// Doubles the kernels write: a block of parameters, a workspace's rows.
public typealias MutablePointer = UnsafeMutablePointer<Double>

/// A's element (i, p) is at base[i·row + p·column]: the same type reads A or Aᵀ.
public struct StridedMatrix {
  /// Where element (0, 0) is.
  public let base: Pointer
  /// How far apart rows are (the step of i).
  public let row: Int
  /// How far apart columns are (the step of p).
  public let column: Int

  /// A matrix read with element (i, p) at base[i·row + p·column].
  @inlinable public init(_ base: Pointer, row: Int, column: Int) {
    self.base = base
    self.row = row
    self.column = column
  }
}

/// B's element (p, 8j + q) is at base[j·panel + p·row + q].
public struct PanelMatrix {
  /// Where element (0, 0) is.
  public let base: Pointer
  /// How far apart rows are within a panel: 8 when packed, the row length when row-major.
  public let row: Int
  /// How far apart panels of 8 columns are.
  public let panel: Int

  /// A matrix read with element (p, 8j + q) at base[j·panel + p·row + q].
  @inlinable public init(_ base: Pointer, row: Int, panel: Int) {
    self.base = base
    self.row = row
    self.panel = panel
  }

  /// A row-major matrix whose rows are `length` long.
  @inlinable public static func rowMajor(_ base: Pointer, length: Int) -> PanelMatrix {
    PanelMatrix(base, row: length, panel: 8)
  }

  /// A matrix of `rows` rows written by `pack`.
  @inlinable public static func packed(_ base: Pointer, rows: Int) -> PanelMatrix {
    PanelMatrix(base, row: 8, panel: 8 * rows)
  }
}

/// C (m × n, rows `ldc` apart) = A (m × k)·B (k × n), or C += A·B. n is a multiple of 8.
@inlinable @inline(__always)
public func multiplyLoop(
  _ m: Int, _ n: Int, _ k: Int, _ a: StridedMatrix, _ b: PanelMatrix, _ c: MutablePointer,
  _ ldc: Int, _ accumulate: Bool
) {
  let panels = n / 8
  if m >= 4 {
    // k in chunks, so that a chunk of a panel of B (kc × 8) stays in L1 while the blocks of A
    // pass it; chunks after the first add to C. The order of every sum is fixed by k alone.
    let kc = 64
    var p0 = 0
    while p0 < k {
      let chunk = min(kc, k &- p0)
      multiplyChunk(
        m, n, chunk, StridedMatrix(a.base + p0 &* a.column, row: a.row, column: a.column),
        PanelMatrix(b.base + p0 &* b.row, row: b.row, panel: b.panel), c, ldc,
        accumulate || p0 > 0)
      p0 &+= chunk
    }
  } else {
    // A few rows (one per stream in the recurrence): four panels at a time for enough
    // independent sums to hide the adds' latency, every row before moving on so the panels
    // are reused from L1.
    var j = 0
    while j < panels {
      let bj = b.base + j &* b.panel
      let width = min(4, panels &- j)
      for i in 0..<m {
        let ai = a.base + i &* a.row
        let cij = c + (i &* ldc &+ 8 &* j)
        switch width {
        case 4: tile1x32(k, ai, a.column, bj, b.panel, b.row, cij, accumulate)
        case 3:
          tile1x16(k, ai, a.column, bj, bj + b.panel, b.row, cij, accumulate)
          tile1x8(k, ai, a.column, bj + 2 &* b.panel, b.row, cij + 16, accumulate)
        case 2: tile1x16(k, ai, a.column, bj, bj + b.panel, b.row, cij, accumulate)
        default: tile1x8(k, ai, a.column, bj, b.row, cij, accumulate)
        }
      }
      j &+= width
    }
  }
}

/// C (m × n) = A·B or C += A·B for m ≥ 4 and one chunk of k: A copied into blocks of 4 rows
/// ([p][4] each, so that every tile reads its A as one sequential stream), B's panels copied
/// next to each other unless they already are (a row-major B with long rows puts every row of
/// a panel in the same L1 set).
@inlinable @inline(__always)
func multiplyChunk(
  _ m: Int, _ n: Int, _ k: Int, _ a: StridedMatrix, _ b: PanelMatrix, _ c: MutablePointer,
  _ ldc: Int, _ accumulate: Bool
) {
  let (panels, blocks) = (n / 8, m / 4)
  let packedA = MutablePointer.allocate(capacity: blocks &* 4 &* k)
  defer { packedA.deallocate() }
  for block in 0..<blocks {
    var out = packedA + block &* 4 &* k
    var ap = a.base + 4 &* block &* a.row
    for _ in 0..<k {
      out[0] = ap[0]
      out[1] = ap[a.row]
      out[2] = ap[2 &* a.row]
      out[3] = ap[3 &* a.row]
      out += 4
      ap += a.column
    }
  }
  var panelsB = b
  var packedB: MutablePointer? = nil
  if b.row != 8 {
    let copy = MutablePointer.allocate(capacity: panels &* k &* 8)
    for j in 0..<panels {
      var out = copy + j &* k &* 8
      var bp = b.base + j &* b.panel
      for _ in 0..<k {
        UnsafeMutableRawPointer(out).storeBytes(of: load(bp), as: Vector4.self)
        UnsafeMutableRawPointer(out + 4).storeBytes(of: load(bp + 4), as: Vector4.self)
        out += 8
        bp += b.row
      }
    }
    packedB = copy
    panelsB = PanelMatrix(copy, row: 8, panel: k &* 8)
  }
  defer { packedB?.deallocate() }
  // Eight blocks of A (32 rows) are reused from L2 while every panel of B passes them.
  for first in stride(from: 0, to: blocks, by: 8) {
    for j in 0..<panels {
      let bj = panelsB.base + j &* panelsB.panel
      for block in first..<min(first &+ 8, blocks) {
        tile4x8(
          k, packedA + block &* 4 &* k, bj, 8, c + (4 &* block &* ldc &+ 8 &* j), ldc,
          accumulate)
      }
    }
  }
  for j in 0..<panels {
    let bj = panelsB.base + j &* panelsB.panel
    for i in (4 &* blocks)..<m {
      tile1x8(k, a.base + i &* a.row, a.column, bj, 8, c + (i &* ldc &+ 8 &* j), accumulate)
    }
  }
}

/// Writes B (k × n) in panels of 8 columns for `PanelMatrix.packed`. B is the row-major
/// `source` (rows `rowLength` apart) or, with `transposed`, the transpose of the row-major
/// `source` (n rows of k, `rowLength` apart).
@inlinable @inline(__always)
public func packLoop(
  _ source: Pointer, _ k: Int, _ n: Int, _ transposed: Bool, _ rowLength: Int,
  _ panels: MutablePointer
) {
  var out = panels
  for j in stride(from: 0, to: n, by: 8) {
    for p in 0..<k {
      for q in 0..<8 {
        out[q] = transposed ? source[(j &+ q) &* rowLength &+ p] : source[p &* rowLength &+ j &+ q]
      }
      out += 8
    }
  }
}

/// Four doubles from `p`, which need not be aligned.
@inlinable @inline(__always)
public func load(_ p: Pointer) -> Vector4 { UnsafeRawPointer(p).loadUnaligned(as: Vector4.self) }

/// Writes `v` over the four doubles at `p`, or adds it to them when `accumulate`.
@inlinable @inline(__always)
public func store(_ v: Vector4, _ p: MutablePointer, accumulate: Bool) {
  let total = accumulate ? load(p) + v : v
  UnsafeMutableRawPointer(p).storeBytes(of: total, as: Vector4.self)
}

@inlinable @inline(__always)
func tile4x8(
  _ k: Int, _ a: Pointer, _ b: Pointer, _ bRow: Int, _ c: MutablePointer, _ ldc: Int,
  _ accumulate: Bool
) {
  var (c00, c01, c10, c11) = (Vector4(), Vector4(), Vector4(), Vector4())
  var (c20, c21, c30, c31) = (Vector4(), Vector4(), Vector4(), Vector4())
  var (ap, bp) = (a, b)
  for _ in 0..<k {
    let (b0, b1) = (load(bp), load(bp + 4))
    let a0 = Vector4(repeating: ap[0])
    c00 += a0 * b0
    c01 += a0 * b1
    let a1 = Vector4(repeating: ap[1])
    c10 += a1 * b0
    c11 += a1 * b1
    let a2 = Vector4(repeating: ap[2])
    c20 += a2 * b0
    c21 += a2 * b1
    let a3 = Vector4(repeating: ap[3])
    c30 += a3 * b0
    c31 += a3 * b1
    ap += 4
    bp += bRow
  }
  store(c00, c, accumulate: accumulate)
  store(c01, c + 4, accumulate: accumulate)
  store(c10, c + ldc, accumulate: accumulate)
  store(c11, c + (ldc &+ 4), accumulate: accumulate)
  store(c20, c + 2 &* ldc, accumulate: accumulate)
  store(c21, c + (2 &* ldc &+ 4), accumulate: accumulate)
  store(c30, c + 3 &* ldc, accumulate: accumulate)
  store(c31, c + (3 &* ldc &+ 4), accumulate: accumulate)
}

@inlinable @inline(__always)
func tile1x32(
  _ k: Int, _ a: Pointer, _ aColumn: Int, _ b: Pointer, _ panel: Int, _ bRow: Int,
  _ c: MutablePointer, _ accumulate: Bool
) {
  var (c0, c1, c2, c3) = (Vector4(), Vector4(), Vector4(), Vector4())
  var (c4, c5, c6, c7) = (Vector4(), Vector4(), Vector4(), Vector4())
  var (ap, p0, p1, p2, p3) = (a, b, b + panel, b + 2 &* panel, b + 3 &* panel)
  for _ in 0..<k {
    let x = Vector4(repeating: ap[0])
    c0 += x * load(p0)
    c1 += x * load(p0 + 4)
    c2 += x * load(p1)
    c3 += x * load(p1 + 4)
    c4 += x * load(p2)
    c5 += x * load(p2 + 4)
    c6 += x * load(p3)
    c7 += x * load(p3 + 4)
    ap += aColumn
    p0 += bRow
    p1 += bRow
    p2 += bRow
    p3 += bRow
  }
  store(c0, c, accumulate: accumulate)
  store(c1, c + 4, accumulate: accumulate)
  store(c2, c + 8, accumulate: accumulate)
  store(c3, c + 12, accumulate: accumulate)
  store(c4, c + 16, accumulate: accumulate)
  store(c5, c + 20, accumulate: accumulate)
  store(c6, c + 24, accumulate: accumulate)
  store(c7, c + 28, accumulate: accumulate)
}

@inlinable @inline(__always)
func tile1x16(
  _ k: Int, _ a: Pointer, _ aColumn: Int, _ b: Pointer, _ b2: Pointer, _ bRow: Int,
  _ c: MutablePointer, _ accumulate: Bool
) {
  var (c0, c1, c2, c3) = (Vector4(), Vector4(), Vector4(), Vector4())
  var (ap, bp, bq) = (a, b, b2)
  for _ in 0..<k {
    let x = Vector4(repeating: ap[0])
    c0 += x * load(bp)
    c1 += x * load(bp + 4)
    c2 += x * load(bq)
    c3 += x * load(bq + 4)
    ap += aColumn
    bp += bRow
    bq += bRow
  }
  store(c0, c, accumulate: accumulate)
  store(c1, c + 4, accumulate: accumulate)
  store(c2, c + 8, accumulate: accumulate)
  store(c3, c + 12, accumulate: accumulate)
}

@inlinable @inline(__always)
func tile1x8(
  _ k: Int, _ a: Pointer, _ aColumn: Int, _ b: Pointer, _ bRow: Int, _ c: MutablePointer,
  _ accumulate: Bool
) {
  var (c0, c1) = (Vector4(), Vector4())
  var (ap, bp) = (a, b)
  for _ in 0..<k {
    let x = Vector4(repeating: ap[0])
    c0 += x * load(bp)
    c1 += x * load(bp + 4)
    ap += aColumn
    bp += bRow
  }
  store(c0, c, accumulate: accumulate)
  store(c1, c + 4, accumulate: accumulate)
}
