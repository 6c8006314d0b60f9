import Foundation

/// The workspace for one window of each of b streams (T steps), allocated once.
/// Rows are indexed s·b + j for step s of stream j.
public final class WindowBuffers<S: KernelScalar>: @unchecked Sendable {
  /// Where the parameters live, and the padded sizes h and v of every row.
  public let layout: FastLayout
  /// T, the characters of each stream's window.
  public let steps: Int
  /// b, the streams read side by side.
  public let streams: Int
  /// (T + 1)·b rows of h; rows 0..<b hold each stream's h_{−1} (the carried state).
  public let hs: UnsafeMutablePointer<S>
  /// T·b rows of v: scores, then probabilities, then dy.
  public let ys: UnsafeMutablePointer<S>
  /// T·b rows of h: Whyᵀ·dy.
  public let dhOut: UnsafeMutablePointer<S>
  /// T·b rows of h: (1 − h²)⊙dh.
  public let draw: UnsafeMutablePointer<S>
  /// b rows of h: Whhᵀ·draw of the step after.
  public let dhNext: UnsafeMutablePointer<S>
  /// T·b: −log p[target] of each row, in double precision whatever the window's.
  public let losses: UnsafeMutablePointer<Double>
  /// A gradient block (`layout.count`).
  public let grad: UnsafeMutablePointer<S>
  /// T·b characters read, row s·b + j for step s of stream j.
  public let inputs: UnsafeMutablePointer<Int>
  /// T·b characters to predict, each the one after its input.
  public let targets: UnsafeMutablePointer<Int>

  /// Zeroed buffers for windows of `steps` characters of `streams` streams.
  public init(layout: FastLayout, steps: Int, streams: Int) {
    self.layout = layout
    self.steps = steps
    self.streams = streams
    let (h, v, rows) = (layout.h, layout.v, steps * streams)
    func zeros(_ count: Int) -> UnsafeMutablePointer<S> { cacheAligned(count) }
    hs = zeros(rows * h + streams * h)
    ys = zeros(rows * v)
    dhOut = zeros(rows * h)
    draw = zeros(rows * h)
    dhNext = zeros(streams * h)
    losses = cacheAligned(rows)
    grad = zeros(layout.count)
    inputs = .allocate(capacity: rows)
    inputs.initialize(repeating: 0, count: rows)
    targets = .allocate(capacity: rows)
    targets.initialize(repeating: 0, count: rows)
  }

  deinit {
    for buffer in [hs, ys, dhOut, draw, dhNext, grad] { buffer.deallocate() }
    losses.deallocate()
    inputs.deallocate()
    targets.deallocate()
  }
}

/// `count` zeros starting on a cache line. Rows of h are a multiple of 8 numbers: in double
/// precision a whole line, so two threads writing neighbouring column ranges never share one; in
/// single precision half a line, so they may share the line where their ranges meet.
public func cacheAligned<S: KernelScalar>(_ count: Int) -> UnsafeMutablePointer<S> {
  let bytes = max(1, count) * MemoryLayout<S>.stride
  let raw = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
  raw.initializeMemory(as: UInt8.self, repeating: 0, count: bytes)
  return raw.bindMemory(to: S.self, capacity: max(1, count))
}

/// `count` zeros over `p`, whatever the precision: one memset, even where the code that calls it
/// runs unspecialized.
@inlinable @inline(__always)
public func zero<S: KernelScalar>(_ p: UnsafeMutablePointer<S>, _ count: Int) {
  UnsafeMutableRawPointer(p).initializeMemory(
    as: UInt8.self, repeating: 0, count: count * MemoryLayout<S>.stride)
}

/// `count` numbers copied from `source` to `p`: one memcpy, whatever the precision.
@inlinable @inline(__always)
public func copy<S: KernelScalar>(
  _ source: UnsafePointer<S>, to p: UnsafeMutablePointer<S>, _ count: Int
) {
  UnsafeMutableRawPointer(p).copyMemory(from: source, byteCount: count * MemoryLayout<S>.stride)
}

/// The weights as the products read them, repacked after every update: Whhᵀ and Whh in
/// panels (the forward and backward recurrence) and Whyᵀ in panels (the scores).
public final class PackedWeights<S: KernelScalar>: @unchecked Sendable {
  /// Whhᵀ in panels: the forward recurrence's B, Whh·h_{t−1} as a row.
  public let whhForward: UnsafeMutablePointer<S>
  /// Whh in panels: the backward recurrence's B, Whhᵀ·draw as a row.
  public let whhBackward: UnsafeMutablePointer<S>
  /// Whyᵀ in panels: the scores' B, Y = H·Whyᵀ.
  public let whyT: UnsafeMutablePointer<S>

  /// Zeroed panels for `layout`: `repack` fills them.
  public init(layout: FastLayout) {
    whhForward = cacheAligned(layout.h * layout.h)
    whhBackward = cacheAligned(layout.h * layout.h)
    whyT = cacheAligned(layout.h * layout.v)
  }

  deinit {
    whhForward.deallocate()
    whhBackward.deallocate()
    whyT.deallocate()
  }
}

/// Which share of the work one thread does when several work on one window: part `index` of
/// `count` owns a contiguous run of the 8-column panels of every product's output (and of the
/// rows of the softmax), and `barrier` waits until all parts have reached it. No output element
/// is computed differently for it, so the result is the same bits for any count.
public struct Split: Sendable {
  /// Which part this is, 0 ..< `count`.
  public let index: Int
  /// How many parts share the window.
  public let count: Int
  /// Returns when every part has called it.
  public let barrier: @Sendable () -> Void

  /// Part `index` of `count`, meeting the others at `barrier`.
  public init(index: Int, count: Int, barrier: @escaping @Sendable () -> Void) {
    self.index = index
    self.count = count
    self.barrier = barrier
  }

  /// One thread doing everything.
  public static let whole = Split(index: 0, count: 1, barrier: {})

  /// This part's share of `0..<total`, cut at multiples of `unit`.
  public func share(_ total: Int, unit: Int = 8) -> Range<Int> {
    let units = total / unit
    return (units * index / count * unit)..<(units * (index + 1) / count * unit)
  }
}

/// min-char-rnn's forward and backward pass over one window of each stream, as matrix
/// products: only h_s = tanh(Wxh[:, x_s] + Whh·h_{s−1} + bh) forward and dh_next = Whhᵀ·draw
/// backward run step by step; the scores Y = H·Whyᵀ, dY·Why, dWhy = dYᵀ·H and
/// dWhh = dRAWᵀ·H_prev wait for the whole window. Leaves each row's loss in `w.losses` (see
/// `loss`) and the summed gradient in `w.grad`; the last hidden states are carried into rows
/// 0..<b.
///
/// This orchestrates; the loops that do the work are `K`'s, compiled in K's module. With a
/// split, each part computes its own columns and waits for the others wherever the next step
/// reads a whole row (once per time step each way).
public func trainWindow<K: Kernels>(
  _: K.Type, _ theta: UnsafePointer<K.Scalar>, _ weights: PackedWeights<K.Scalar>,
  _ w: WindowBuffers<K.Scalar>,
  _ split: Split = .whole
) {
  forwardWindow(K.self, theta, weights, w, split)
  let layout = w.layout
  let (h, v) = (layout.h, layout.v)
  let (t, b) = (w.steps, w.streams)
  let rows = t * b
  let mine = split.share(h)
  let (c0, width) = (mine.lowerBound, mine.count)
  let classes = split.share(v)
  let states = w.hs + b * h
  let grad = w.grad
  // dWxh and dbh are added to row by row, in this part's columns.
  for c in 0..<layout.vocabulary {
    zero((grad + layout.wxhT + c * h + c0), width)
  }
  zero((grad + layout.bh + c0), width)
  split.barrier()

  // dby = Σ dy, dWhy = dYᵀ·H, and Whyᵀ·dy for every step at once.
  let gby = grad + layout.by + classes.lowerBound
  zero(gby, classes.count)
  for r in 0..<rows { K.add(w.ys + r * v + classes.lowerBound, into: gby, count: classes.count) }
  K.multiply(
    m: v, n: width, k: rows, StridedMatrix(w.ys, row: 1, column: v),
    .rowMajor(states + c0, length: h), into: grad + layout.why + c0, ldc: h, accumulate: false)
  K.multiply(
    m: rows, n: width, k: v, StridedMatrix(w.ys, row: v, column: 1),
    .rowMajor(theta + layout.why + c0, length: h), into: w.dhOut + c0, ldc: h,
    accumulate: false)

  // Backward through time: draw = (1 − h²)⊙(Whyᵀ·dy + dh_next), dh_next = Whhᵀ·draw.
  for j in 0..<b { zero((w.dhNext + j * h + c0), width) }
  for s in stride(from: t - 1, through: 0, by: -1) {
    let d = w.draw + s * b * h
    for j in 0..<b {
      let row = j * h + c0
      K.backwardStep(
        d + row, state: w.hs + (s + 1) * b * h + row, fromOutput: w.dhOut + s * b * h + row,
        fromNext: w.dhNext + row, count: width)
      K.add(d + row, into: grad + layout.bh + c0, count: width)
      K.add(d + row, into: grad + layout.wxhT + w.inputs[s * b + j] * h + c0, count: width)
    }
    split.barrier()
    // The first step's dh_next would flow into the previous window: not needed.
    if s > 0 {
      K.multiply(
        m: b, n: width, k: h, StridedMatrix(d, row: h, column: 1),
        .packed(weights.whhBackward + c0 * h, rows: h), into: w.dhNext + c0, ldc: h,
        accumulate: false)
    }
  }
  K.multiply(
    m: h, n: width, k: rows, StridedMatrix(w.draw, row: 1, column: h),
    .rowMajor(w.hs + c0, length: h), into: grad + layout.whh + c0, ldc: h, accumulate: false)

  carryStates(w, split)
}

/// The window's forward pass alone (no learning): each row's loss, and the last hidden states
/// carried into rows 0..<b. What validation reads text with.
public func scoreWindow<K: Kernels>(
  _: K.Type, _ theta: UnsafePointer<K.Scalar>, _ weights: PackedWeights<K.Scalar>,
  _ w: WindowBuffers<K.Scalar>
) {
  forwardWindow(K.self, theta, weights, w, .whole)
  carryStates(w, .whole)
}

/// Forward through time, then the scores of every step, softmax, loss and dy = p − onehot.
func forwardWindow<K: Kernels>(
  _: K.Type, _ theta: UnsafePointer<K.Scalar>, _ weights: PackedWeights<K.Scalar>,
  _ w: WindowBuffers<K.Scalar>, _ split: Split
) {
  let layout = w.layout
  let (h, v) = (layout.h, layout.v)
  let (t, b) = (w.steps, w.streams)
  let rows = t * b
  let mine = split.share(h)  // columns of every h-wide output
  let (c0, width) = (mine.lowerBound, mine.count)
  let classes = split.share(v)  // columns of the scores

  // Forward through time.
  for s in 0..<t {
    let previous = w.hs + s * b * h
    let current = previous + b * h
    K.multiply(
      m: b, n: width, k: h, StridedMatrix(previous, row: h, column: 1),
      .packed(weights.whhForward + c0 * h, rows: h), into: current + c0, ldc: h,
      accumulate: false)
    for j in 0..<b {
      K.activate(
        current + j * h + c0, input: theta + layout.wxhT + w.inputs[s * b + j] * h + c0,
        bias: theta + layout.bh + c0, count: width)
    }
    split.barrier()
  }

  // Scores for every step, then softmax, loss and dy = p − onehot(target) row by row.
  let states = w.hs + b * h
  K.multiply(
    m: rows, n: classes.count, k: h, StridedMatrix(states, row: h, column: 1),
    .packed(weights.whyT + classes.lowerBound * h, rows: h), into: w.ys + classes.lowerBound,
    ldc: v, accumulate: false)
  split.barrier()
  let myRows = split.share(rows, unit: 1)
  K.softmax(
    w.ys + myRows.lowerBound * v, rows: myRows.count, layout: layout, bias: theta + layout.by,
    targets: w.targets + myRows.lowerBound, losses: w.losses + myRows.lowerBound)
}

/// Each stream's last hidden state into rows 0..<b, this part's columns.
func carryStates<S: KernelScalar>(_ w: WindowBuffers<S>, _ split: Split) {
  let (h, mine) = (w.layout.h, split.share(w.layout.h))
  let last = w.steps * w.streams * h
  for j in 0..<w.streams {
    copy(w.hs + last + j * h + mine.lowerBound, to: (w.hs + j * h + mine.lowerBound), mine.count)
  }
}

/// The window's summed loss, added in row order whatever the split.
public func loss<S: KernelScalar>(of w: WindowBuffers<S>) -> Double {
  var total = 0.0
  for r in 0..<(w.steps * w.streams) { total += w.losses[r] }
  return total
}

/// Clip, the Adagrad step and the repacking that follows it, this part's share of each: the
/// same columns it computed the gradients of, so they never leave its core's cache. All parts
/// must have finished their gradients.
public func update<K: Kernels>(
  _: K.Type, _ theta: UnsafeMutablePointer<K.Scalar>, memory: UnsafeMutablePointer<K.Scalar>,
  grad: UnsafePointer<K.Scalar>, layout: FastLayout,
  packed: PackedWeights<K.Scalar>, learningRate: Double, clipLimit: Double?, _ split: Split = .whole
) {
  func adagrad(_ offset: Int, _ count: Int) {
    K.adagrad(
      theta + offset, memory: memory + offset, grad: grad + offset, count: count,
      learningRate: learningRate, clipLimit: clipLimit)
  }
  let (h, mine) = (layout.h, split.share(layout.h))
  // WxhT, Whh, Why and bh are rows of h: this part's columns of each.
  for row in 0..<(layout.vocabulary + h + layout.v + 1) {
    adagrad(row * h + mine.lowerBound, mine.count)
  }
  let classes = split.share(layout.v)
  adagrad(layout.by + classes.lowerBound, classes.count)
  split.barrier()
  repack(K.self, theta, layout, into: packed, split)
}

/// Whhᵀ and Whh in panels (the forward and backward recurrence), Whyᵀ in panels (the scores);
/// this part's panels.
public func repack<K: Kernels>(
  _: K.Type, _ theta: UnsafePointer<K.Scalar>, _ layout: FastLayout,
  into packed: PackedWeights<K.Scalar>,
  _ split: Split = .whole
) {
  let (h, v) = (layout.h, layout.v)
  let mine = split.share(h)
  let classes = split.share(v)
  // A panel of columns c0..<c0+8 is the rows c0..<c0+8 of the transposed source.
  K.pack(
    theta + layout.whh + mine.lowerBound * h, rows: h, columns: mine.count, transposed: true,
    rowLength: h, into: packed.whhForward + mine.lowerBound * h)
  K.pack(
    theta + layout.whh + mine.lowerBound, rows: h, columns: mine.count, transposed: false,
    rowLength: h, into: packed.whhBackward + mine.lowerBound * h)
  K.pack(
    theta + layout.why + classes.lowerBound * h, rows: h, columns: classes.count,
    transposed: true, rowLength: h, into: packed.whyT + classes.lowerBound * h)
}
