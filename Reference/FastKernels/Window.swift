import Foundation

/// One lane's workspace for a window of each of its b streams (T steps), allocated once.
/// Rows are indexed s·b + j for step s of stream j.
public final class WindowBuffers: @unchecked Sendable {
  public let layout: FastLayout
  public let steps: Int
  public let streams: Int
  /// (T + 1)·b rows of h; rows 0..<b hold each stream's h_{−1} (the carried state).
  public let hs: MutablePointer
  /// T·b rows of v: scores, then probabilities, then dy.
  public let ys: MutablePointer
  /// T·b rows of h: Whyᵀ·dy.
  public let dhOut: MutablePointer
  /// T·b rows of h: (1 − h²)⊙dh.
  public let draw: MutablePointer
  /// b rows of h: Whhᵀ·draw of the step after.
  public let dhNext: MutablePointer
  /// A gradient block (`layout.count`).
  public let grad: MutablePointer
  public let inputs: UnsafeMutablePointer<Int>
  public let targets: UnsafeMutablePointer<Int>

  public init(layout: FastLayout, steps: Int, streams: Int) {
    self.layout = layout
    self.steps = steps
    self.streams = streams
    let (h, v, rows) = (layout.h, layout.v, steps * streams)
    func zeros(_ count: Int) -> MutablePointer {
      let p = MutablePointer.allocate(capacity: count)
      p.initialize(repeating: 0, count: count)
      return p
    }
    hs = zeros(rows * h + streams * h)
    ys = zeros(rows * v)
    dhOut = zeros(rows * h)
    draw = zeros(rows * h)
    dhNext = zeros(streams * h)
    grad = zeros(layout.count)
    inputs = .allocate(capacity: rows)
    inputs.initialize(repeating: 0, count: rows)
    targets = .allocate(capacity: rows)
    targets.initialize(repeating: 0, count: rows)
  }

  deinit {
    for buffer in [hs, ys, dhOut, draw, dhNext, grad] { buffer.deallocate() }
    inputs.deallocate()
    targets.deallocate()
  }
}

/// The weights as the products read them, repacked after every update: Whhᵀ and Whh in
/// panels (the forward and backward recurrence) and Whyᵀ in panels (the scores).
public final class PackedWeights: @unchecked Sendable {
  public let whhForward: MutablePointer
  public let whhBackward: MutablePointer
  public let whyT: MutablePointer

  public init(layout: FastLayout) {
    whhForward = .allocate(capacity: layout.h * layout.h)
    whhBackward = .allocate(capacity: layout.h * layout.h)
    whyT = .allocate(capacity: layout.h * layout.v)
  }

  deinit {
    whhForward.deallocate()
    whhBackward.deallocate()
    whyT.deallocate()
  }
}

/// min-char-rnn's forward and backward pass over one window of each stream, as matrix
/// products: only h_s = tanh(Wxh[:, x_s] + Whh·h_{s−1} + bh) forward and dh_next = Whhᵀ·draw
/// backward run step by step; the scores Y = H·Whyᵀ, dY·Why, dWhy = dYᵀ·H and
/// dWhh = dRAWᵀ·H_prev wait for the whole window. Returns the summed loss and leaves the
/// summed gradient in `w.grad`; the last hidden states are carried into rows 0..<b.
///
/// This orchestrates; the loops that do the work are `K`'s, compiled in K's module.
public func trainWindow<K: Kernels>(
  _: K.Type, _ theta: Pointer, _ weights: PackedWeights, _ w: WindowBuffers
) -> Double {
  let layout = w.layout
  let h = layout.h
  let (t, b) = (w.steps, w.streams)
  let rows = t * b

  // Forward through time.
  for s in 0..<t {
    let previous = w.hs + s * b * h
    let current = previous + b * h
    K.multiply(
      m: b, n: h, k: h, StridedMatrix(previous, row: h, column: 1),
      .packed(weights.whhForward, rows: h), into: current, ldc: h, accumulate: false)
    for j in 0..<b {
      K.activate(
        current + j * h, input: theta + layout.wxhT + w.inputs[s * b + j] * h,
        bias: theta + layout.bh, count: h)
    }
  }

  // Scores for every step, then softmax, loss and dy = p − onehot(target) row by row.
  let states = w.hs + b * h
  K.multiply(
    m: rows, n: layout.v, k: h, StridedMatrix(states, row: h, column: 1),
    .packed(weights.whyT, rows: h), into: w.ys, ldc: layout.v, accumulate: false)
  let grad = w.grad
  grad.update(repeating: 0, count: layout.whh)  // dWxh is added to row by row
  (grad + layout.bh).update(repeating: 0, count: h + layout.v)
  let loss = K.softmax(
    w.ys, rows: rows, layout: layout, bias: theta + layout.by, targets: w.targets,
    biasGradient: grad + layout.by)

  // dWhy = dYᵀ·H, and Whyᵀ·dy for every step at once.
  K.multiply(
    m: layout.v, n: h, k: rows, StridedMatrix(w.ys, row: 1, column: layout.v),
    .rowMajor(states, length: h), into: grad + layout.why, ldc: h, accumulate: false)
  K.multiply(
    m: rows, n: h, k: layout.v, StridedMatrix(w.ys, row: layout.v, column: 1),
    .rowMajor(theta + layout.why, length: h), into: w.dhOut, ldc: h, accumulate: false)

  // Backward through time: draw = (1 − h²)⊙(Whyᵀ·dy + dh_next), dh_next = Whhᵀ·draw.
  w.dhNext.update(repeating: 0, count: b * h)
  for s in stride(from: t - 1, through: 0, by: -1) {
    let d = w.draw + s * b * h
    K.backwardStep(
      d, state: w.hs + (s + 1) * b * h, fromOutput: w.dhOut + s * b * h, fromNext: w.dhNext,
      count: b * h)
    for j in 0..<b {
      K.add(d + j * h, into: grad + layout.bh, count: h)
      K.add(d + j * h, into: grad + layout.wxhT + w.inputs[s * b + j] * h, count: h)
    }
    // The first step's dh_next would flow into the previous window: not needed.
    if s > 0 {
      K.multiply(
        m: b, n: h, k: h, StridedMatrix(d, row: h, column: 1),
        .packed(weights.whhBackward, rows: h), into: w.dhNext, ldc: h, accumulate: false)
    }
  }
  K.multiply(
    m: h, n: h, k: rows, StridedMatrix(w.draw, row: 1, column: h), .rowMajor(w.hs, length: h),
    into: grad + layout.whh, ldc: h, accumulate: false)

  w.hs.update(from: w.hs + t * b * h, count: b * h)
  return loss
}

/// Whhᵀ and Whh in panels (the forward and backward recurrence), Whyᵀ in panels (the scores).
public func repack<K: Kernels>(
  _: K.Type, _ theta: Pointer, _ layout: FastLayout, into packed: PackedWeights
) {
  let (h, v) = (layout.h, layout.v)
  K.pack(theta + layout.whh, rows: h, columns: h, transposed: true, into: packed.whhForward)
  K.pack(theta + layout.whh, rows: h, columns: h, transposed: false, into: packed.whhBackward)
  K.pack(theta + layout.why, rows: h, columns: v, transposed: true, into: packed.whyT)
}
