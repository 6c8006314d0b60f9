/// C = A·B (or C += A·B) on raw row-major buffers: the matrix products of the fast trainer.
///
/// The output is computed in register tiles (4 or 8 rows × 8 columns, 8 rows × 16 over two
/// panels, or 1 row × up to 32 for a few rows) and each element is a sum over p in increasing order, so the result does not depend
/// on the vector width the module was compiled for, nor on the tile: only on whether each step is
/// one fused multiply-add (rounded once) or a multiply and an add (rounded twice). B is read 8
/// columns at a time through two strides (`PanelMatrix`): a row-major B and a B packed in panels
/// are the same code, and a packed B turns each walk down a column block into one sequential
/// stream, which is what lets a matrix–vector product whose matrix does not fit in L1 run at the
/// speed of L2.

/// A's element (i, p) is at base[i·row + p·column]: the same type reads A or Aᵀ.
public struct StridedMatrix<S: KernelScalar> {
  /// Where element (0, 0) is.
  public let base: UnsafePointer<S>
  /// How far apart rows are (the step of i).
  public let row: Int
  /// How far apart columns are (the step of p).
  public let column: Int

  /// A matrix read with element (i, p) at base[i·row + p·column].
  @inlinable public init(_ base: UnsafePointer<S>, row: Int, column: Int) {
    self.base = base
    self.row = row
    self.column = column
  }

  /// The same, from a buffer the kernels also write.
  @inlinable public init(_ base: UnsafeMutablePointer<S>, row: Int, column: Int) {
    self.init(UnsafePointer(base), row: row, column: column)
  }
}

/// B's element (p, 8j + q) is at base[j·panel + p·row + q].
public struct PanelMatrix<S: KernelScalar> {
  /// Where element (0, 0) is.
  public let base: UnsafePointer<S>
  /// How far apart rows are within a panel: 8 when packed, the row length when row-major.
  public let row: Int
  /// How far apart panels of 8 columns are.
  public let panel: Int

  /// A matrix read with element (p, 8j + q) at base[j·panel + p·row + q].
  @inlinable public init(_ base: UnsafePointer<S>, row: Int, panel: Int) {
    self.base = base
    self.row = row
    self.panel = panel
  }

  /// A row-major matrix whose rows are `length` long.
  @inlinable public static func rowMajor(_ base: UnsafePointer<S>, length: Int) -> PanelMatrix {
    PanelMatrix(base, row: length, panel: 8)
  }

  /// A row-major matrix, from a buffer the kernels also write.
  @inlinable public static func rowMajor(_ base: UnsafeMutablePointer<S>, length: Int)
    -> PanelMatrix
  { rowMajor(UnsafePointer(base), length: length) }

  /// A matrix of `rows` rows written by `pack`.
  @inlinable public static func packed(_ base: UnsafeMutablePointer<S>, rows: Int) -> PanelMatrix {
    PanelMatrix(UnsafePointer(base), row: 8, panel: 8 &* rows)
  }
}

/// How a module's products are built: the tile's height (enough independent sums to keep every
/// multiply–add unit busy: 8 rows of 4-wide doubles need more registers than AVX2 has, 8 rows of
/// 8-wide ones do not) and whether each step is a fused multiply–add (one rounding; a library
/// call where the CPU has no FMA instruction, so the x86-64 baseline does not fuse).
public struct ProductShape: Sendable {
  /// Rows of A per register tile: 4 or 8.
  public let tileRows: Int
  /// Whether c += a·b is one fused multiply-add.
  public let fused: Bool
  /// Whether a tile spans two panels (16 columns), so that 16 floats fill a 512-bit register.
  public let twoPanels: Bool

  /// Tiles of `tileRows` (4 or 8) rows, fused or not, over one panel or (`twoPanels`) two.
  @inlinable public init(tileRows: Int, fused: Bool, twoPanels: Bool = false) {
    precondition(tileRows == 4 || tileRows == 8, "tiles are 4 or 8 rows")
    precondition(!twoPanels || tileRows == 8, "a tile over two panels reads 8 rows of A")
    self.tileRows = tileRows
    self.fused = fused
    self.twoPanels = twoPanels
  }
}

/// c + a·b: fused (one rounding) or a multiply then an add.
@inlinable @inline(__always)
func multiplyAdd<S: KernelScalar>(_ c: SIMD8<S>, _ a: SIMD8<S>, _ b: SIMD8<S>, _ fused: Bool)
  -> SIMD8<S>
{ fused ? c.addingProduct(a, b) : c + a * b }

/// C (m × n, rows `ldc` apart) = A (m × k)·B (k × n), or C += A·B. n is a multiple of 8.
///
/// k is taken in chunks of 64 whatever the tile, so that a chunk of a panel of B (64 × 8) stays
/// in L1 while the blocks of A pass it; chunks after the first add to C. The order of every sum
/// is then fixed by k alone: the same bits for 4- and 8-row tiles, one panel or two.
@inlinable @inline(__always)
public func multiplyLoop<S: KernelScalar>(
  _ m: Int, _ n: Int, _ k: Int, _ a: StridedMatrix<S>, _ b: PanelMatrix<S>,
  _ c: UnsafeMutablePointer<S>, _ ldc: Int, _ accumulate: Bool, _ shape: ProductShape
) {
  let kc = 64
  var p0 = 0
  while p0 < k {
    let chunk = min(kc, k &- p0)
    let (ap, bp) = (
      StridedMatrix(a.base + p0 &* a.column, row: a.row, column: a.column),
      PanelMatrix(b.base + p0 &* b.row, row: b.row, panel: b.panel)
    )
    let adding = accumulate || p0 > 0
    if m >= shape.tileRows {
      multiplyChunk(m, n, chunk, ap, bp, c, ldc, adding, shape)
    } else {
      // A few rows (one per stream in the recurrence): four panels at a time for enough
      // independent sums to hide the adds' latency, every row before moving on so the panels
      // are reused from L1. Written here rather than called: a generic helper the compiler
      // does not inline is one function for all three kernel modules, compiled for one of them.
      let (panels, fused) = (n / 8, shape.fused)
      var j = 0
      while j < panels {
        let bj = bp.base + j &* bp.panel
        let width = min(4, panels &- j)
        for i in 0..<m {
          let ai = ap.base + i &* ap.row
          let cij = c + (i &* ldc &+ 8 &* j)
          switch width {
          case 4: tile1x32(chunk, ai, ap.column, bj, bp.panel, bp.row, cij, adding, fused)
          case 3:
            tile1x16(chunk, ai, ap.column, bj, bj + bp.panel, bp.row, cij, adding, fused)
            tile1x8(chunk, ai, ap.column, bj + 2 &* bp.panel, bp.row, cij + 16, adding, fused)
          case 2: tile1x16(chunk, ai, ap.column, bj, bj + bp.panel, bp.row, cij, adding, fused)
          default: tile1x8(chunk, ai, ap.column, bj, bp.row, cij, adding, fused)
          }
        }
        j &+= width
      }
    }
    p0 &+= chunk
  }
}

/// C (m × n) = A·B or C += A·B for m ≥ R (the tile's rows) and one chunk of k: A copied into
/// blocks of R rows ([p][R] each, so that every tile reads its A as one sequential stream), B's
/// panels copied next to each other unless they already are (a row-major B with long rows puts
/// every row of a panel in the same L1 set).
@inlinable @inline(__always)
func multiplyChunk<S: KernelScalar>(
  _ m: Int, _ n: Int, _ k: Int, _ a: StridedMatrix<S>, _ b: PanelMatrix<S>,
  _ c: UnsafeMutablePointer<S>, _ ldc: Int, _ accumulate: Bool, _ shape: ProductShape
) {
  let rows = shape.tileRows
  let (panels, blocks) = (n / 8, m / rows)
  let packedA = UnsafeMutablePointer<S>.allocate(capacity: blocks &* rows &* k)
  defer { packedA.deallocate() }
  for block in 0..<blocks {
    var out = packedA + block &* rows &* k
    var ap = a.base + rows &* block &* a.row
    for _ in 0..<k {
      for i in 0..<rows { out[i] = ap[i &* a.row] }
      out += rows
      ap += a.column
    }
  }
  var panelsB = b
  var packedB: UnsafeMutablePointer<S>? = nil
  if b.row != 8 {
    let copy = UnsafeMutablePointer<S>.allocate(capacity: panels &* k &* 8)
    for j in 0..<panels {
      var out = copy + j &* k &* 8
      var bp = b.base + j &* b.panel
      for _ in 0..<k {
        UnsafeMutableRawPointer(out).storeBytes(of: load(bp), as: SIMD8<S>.self)
        out += 8
        bp += b.row
      }
    }
    packedB = copy
    panelsB = PanelMatrix(UnsafePointer(copy), row: 8, panel: k &* 8)
  }
  defer { packedB?.deallocate() }
  // Blocks of A (32 rows) are reused from L2 while every panel of B passes them.
  let group = 32 / rows
  for first in stride(from: 0, to: blocks, by: group) {
    var j = 0
    while j < panels {
      let pair = shape.twoPanels && j &+ 1 < panels
      let bj = panelsB.base + j &* panelsB.panel
      for block in first..<min(first &+ group, blocks) {
        let (ab, cb) = (packedA + block &* rows &* k, c + (rows &* block &* ldc &+ 8 &* j))
        if pair {
          tile8x16(k, ab, bj, panelsB.panel, cb, ldc, accumulate, shape.fused)
        } else if rows == 8 {
          tile8x8(k, ab, bj, cb, ldc, accumulate, shape.fused)
        } else {
          tile4x8(k, ab, bj, cb, ldc, accumulate, shape.fused)
        }
      }
      j &+= pair ? 2 : 1
    }
  }
  for j in 0..<panels {
    let bj = panelsB.base + j &* panelsB.panel
    for i in (rows &* blocks)..<m {
      tile1x8(
        k, a.base + i &* a.row, a.column, bj, 8, c + (i &* ldc &+ 8 &* j), accumulate,
        shape.fused)
    }
  }
}

/// Writes B (k × n) in panels of 8 columns for `PanelMatrix.packed`. B is the row-major
/// `source` (rows `rowLength` apart) or, with `transposed`, the transpose of the row-major
/// `source` (n rows of k, `rowLength` apart).
@inlinable @inline(__always)
public func packLoop<S: KernelScalar>(
  _ source: UnsafePointer<S>, _ k: Int, _ n: Int, _ transposed: Bool, _ rowLength: Int,
  _ panels: UnsafeMutablePointer<S>
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

/// Eight numbers from `p`, which need not be aligned.
@inlinable @inline(__always)
public func load<S: KernelScalar>(_ p: UnsafePointer<S>) -> SIMD8<S> {
  UnsafeRawPointer(p).loadUnaligned(as: SIMD8<S>.self)
}

/// Eight numbers from a buffer the kernels also write.
@inlinable @inline(__always)
public func load<S: KernelScalar>(_ p: UnsafeMutablePointer<S>) -> SIMD8<S> {
  load(UnsafePointer(p))
}

/// Writes `v` over the eight numbers at `p`, or adds it to them when `accumulate`.
@inlinable @inline(__always)
public func store<S: KernelScalar>(
  _ v: SIMD8<S>, _ p: UnsafeMutablePointer<S>, accumulate: Bool = false
) {
  let total = accumulate ? load(p) + v : v
  UnsafeMutableRawPointer(p).storeBytes(of: total, as: SIMD8<S>.self)
}

@inlinable @inline(__always)
func tile4x8<S: KernelScalar>(
  _ k: Int, _ a: UnsafePointer<S>, _ b: UnsafePointer<S>, _ c: UnsafeMutablePointer<S>,
  _ ldc: Int, _ accumulate: Bool, _ fused: Bool
) {
  var (c0, c1, c2, c3) = (SIMD8<S>(), SIMD8<S>(), SIMD8<S>(), SIMD8<S>())
  var (ap, bp) = (a, b)
  for _ in 0..<k {
    let b0 = load(bp)
    c0 = multiplyAdd(c0, SIMD8(repeating: ap[0]), b0, fused)
    c1 = multiplyAdd(c1, SIMD8(repeating: ap[1]), b0, fused)
    c2 = multiplyAdd(c2, SIMD8(repeating: ap[2]), b0, fused)
    c3 = multiplyAdd(c3, SIMD8(repeating: ap[3]), b0, fused)
    ap += 4
    bp += 8
  }
  store(c0, c, accumulate: accumulate)
  store(c1, c + ldc, accumulate: accumulate)
  store(c2, c + 2 &* ldc, accumulate: accumulate)
  store(c3, c + 3 &* ldc, accumulate: accumulate)
}

@inlinable @inline(__always)
func tile8x8<S: KernelScalar>(
  _ k: Int, _ a: UnsafePointer<S>, _ b: UnsafePointer<S>, _ c: UnsafeMutablePointer<S>,
  _ ldc: Int, _ accumulate: Bool, _ fused: Bool
) {
  var (c0, c1, c2, c3) = (SIMD8<S>(), SIMD8<S>(), SIMD8<S>(), SIMD8<S>())
  var (c4, c5, c6, c7) = (SIMD8<S>(), SIMD8<S>(), SIMD8<S>(), SIMD8<S>())
  var (ap, bp) = (a, b)
  for _ in 0..<k {
    let b0 = load(bp)
    c0 = multiplyAdd(c0, SIMD8(repeating: ap[0]), b0, fused)
    c1 = multiplyAdd(c1, SIMD8(repeating: ap[1]), b0, fused)
    c2 = multiplyAdd(c2, SIMD8(repeating: ap[2]), b0, fused)
    c3 = multiplyAdd(c3, SIMD8(repeating: ap[3]), b0, fused)
    c4 = multiplyAdd(c4, SIMD8(repeating: ap[4]), b0, fused)
    c5 = multiplyAdd(c5, SIMD8(repeating: ap[5]), b0, fused)
    c6 = multiplyAdd(c6, SIMD8(repeating: ap[6]), b0, fused)
    c7 = multiplyAdd(c7, SIMD8(repeating: ap[7]), b0, fused)
    ap += 8
    bp += 8
  }
  store(c0, c, accumulate: accumulate)
  store(c1, c + ldc, accumulate: accumulate)
  store(c2, c + 2 &* ldc, accumulate: accumulate)
  store(c3, c + 3 &* ldc, accumulate: accumulate)
  store(c4, c + 4 &* ldc, accumulate: accumulate)
  store(c5, c + 5 &* ldc, accumulate: accumulate)
  store(c6, c + 6 &* ldc, accumulate: accumulate)
  store(c7, c + 7 &* ldc, accumulate: accumulate)
}

/// 8 rows × the 16 columns of two neighbouring panels: 16 numbers per row of sums, one 512-bit
/// register of floats (two loads of 8, joined). Only with 8-row tiles.
@inlinable @inline(__always)
func tile8x16<S: KernelScalar>(
  _ k: Int, _ a: UnsafePointer<S>, _ b: UnsafePointer<S>, _ panel: Int,
  _ c: UnsafeMutablePointer<S>, _ ldc: Int, _ accumulate: Bool, _ fused: Bool
) {
  typealias V = SIMD16<S>
  @inline(__always) func step(_ c: V, _ a: S, _ b: V) -> V {
    fused ? c.addingProduct(V(repeating: a), b) : c + V(repeating: a) * b
  }
  var (c0, c1, c2, c3) = (V(), V(), V(), V())
  var (c4, c5, c6, c7) = (V(), V(), V(), V())
  var (ap, bp) = (a, b)
  for _ in 0..<k {
    let b0 = V(lowHalf: load(bp), highHalf: load(bp + panel))
    c0 = step(c0, ap[0], b0)
    c1 = step(c1, ap[1], b0)
    c2 = step(c2, ap[2], b0)
    c3 = step(c3, ap[3], b0)
    c4 = step(c4, ap[4], b0)
    c5 = step(c5, ap[5], b0)
    c6 = step(c6, ap[6], b0)
    c7 = step(c7, ap[7], b0)
    ap += 8
    bp += 8
  }
  @inline(__always) func put(_ row: V, _ i: Int) {
    store(row.lowHalf, c + i &* ldc, accumulate: accumulate)
    store(row.highHalf, c + (i &* ldc &+ 8), accumulate: accumulate)
  }
  put(c0, 0)
  put(c1, 1)
  put(c2, 2)
  put(c3, 3)
  put(c4, 4)
  put(c5, 5)
  put(c6, 6)
  put(c7, 7)
}

@inlinable @inline(__always)
func tile1x32<S: KernelScalar>(
  _ k: Int, _ a: UnsafePointer<S>, _ aColumn: Int, _ b: UnsafePointer<S>, _ panel: Int,
  _ bRow: Int, _ c: UnsafeMutablePointer<S>, _ accumulate: Bool, _ fused: Bool
) {
  var (c0, c1, c2, c3) = (SIMD8<S>(), SIMD8<S>(), SIMD8<S>(), SIMD8<S>())
  var (ap, p0, p1, p2, p3) = (a, b, b + panel, b + 2 &* panel, b + 3 &* panel)
  for _ in 0..<k {
    let x = SIMD8<S>(repeating: ap[0])
    c0 = multiplyAdd(c0, x, load(p0), fused)
    c1 = multiplyAdd(c1, x, load(p1), fused)
    c2 = multiplyAdd(c2, x, load(p2), fused)
    c3 = multiplyAdd(c3, x, load(p3), fused)
    ap += aColumn
    p0 += bRow
    p1 += bRow
    p2 += bRow
    p3 += bRow
  }
  store(c0, c, accumulate: accumulate)
  store(c1, c + 8, accumulate: accumulate)
  store(c2, c + 16, accumulate: accumulate)
  store(c3, c + 24, accumulate: accumulate)
}

@inlinable @inline(__always)
func tile1x16<S: KernelScalar>(
  _ k: Int, _ a: UnsafePointer<S>, _ aColumn: Int, _ b: UnsafePointer<S>,
  _ b2: UnsafePointer<S>, _ bRow: Int, _ c: UnsafeMutablePointer<S>, _ accumulate: Bool,
  _ fused: Bool
) {
  var (c0, c1) = (SIMD8<S>(), SIMD8<S>())
  var (ap, bp, bq) = (a, b, b2)
  for _ in 0..<k {
    let x = SIMD8<S>(repeating: ap[0])
    c0 = multiplyAdd(c0, x, load(bp), fused)
    c1 = multiplyAdd(c1, x, load(bq), fused)
    ap += aColumn
    bp += bRow
    bq += bRow
  }
  store(c0, c, accumulate: accumulate)
  store(c1, c + 8, accumulate: accumulate)
}

@inlinable @inline(__always)
func tile1x8<S: KernelScalar>(
  _ k: Int, _ a: UnsafePointer<S>, _ aColumn: Int, _ b: UnsafePointer<S>, _ bRow: Int,
  _ c: UnsafeMutablePointer<S>, _ accumulate: Bool, _ fused: Bool
) {
  var c0 = SIMD8<S>()
  var (ap, bp) = (a, b)
  for _ in 0..<k {
    c0 = multiplyAdd(c0, SIMD8(repeating: ap[0]), load(bp), fused)
    ap += aColumn
    bp += bRow
  }
  store(c0, c, accumulate: accumulate)
}
