/// The workspace of the gated fast path for one window of each of b streams (T steps),
/// allocated once. Rows are indexed s·b + j for step s of stream j.
public final class GatedBuffers: @unchecked Sendable {
  public let layout: GatedLayout
  public let steps: Int
  public let streams: Int
  /// Per layer, (T + 1)·b rows of h; rows 0..<b hold each stream's h_{−1} (the carried state).
  public let hs: [MutablePointer]
  /// Per layer, the cell states c, laid out like `hs` (a cell with a cell state only).
  public let cs: [MutablePointer]
  /// Per layer, T·b rows of G·h: the pre-activations, then the gates.
  public let gates: [MutablePointer]
  /// Per layer, T·b rows of h: what the cell keeps per unit (tanh(c_t) for an LSTM, r ⊙ h_{t−1}
  /// for a GRU).
  public let aux: [MutablePointer]
  /// T·b rows of e: the embedding rows read, with an embedding.
  public let embedded: MutablePointer
  /// T·b rows of v: scores, then probabilities, then dy.
  public let ys: MutablePointer
  /// T·b: −log p[target] of each row.
  public let losses: MutablePointer
  /// T·b rows of G·h: ∂L/∂(pre-activations) of the layer being back-propagated.
  public let da: MutablePointer
  /// Two buffers of T·b rows of the widest input: ∂L/∂h from above, ∂L/∂x passed below.
  public let dAbove: MutablePointer
  public let dBelow: MutablePointer
  /// b rows of h each: what step t+1 passes back along h and c, dh at this step, and the second
  /// phase's dA·Uᵀ (a GRU's Uhᵀ·da_h).
  public let dhNext: MutablePointer
  public let dcNext: MutablePointer
  public let dh: MutablePointer
  public let resetInput: MutablePointer
  public let grad: MutablePointer
  public let inputs: UnsafeMutablePointer<Int>
  public let targets: UnsafeMutablePointer<Int>

  public init(layout: GatedLayout, steps: Int, streams: Int) {
    self.layout = layout
    self.steps = steps
    self.streams = streams
    let (h, rows) = (layout.h, steps * streams)
    let states = (steps + 1) * streams * h
    hs = (0..<layout.layers).map { _ in cacheAligned(states) }
    cs = (0..<layout.layers).map { _ in cacheAligned(layout.shape.hasCellState ? states : 0) }
    gates = (0..<layout.layers).map { _ in cacheAligned(rows * layout.gh) }
    aux = (0..<layout.layers).map { _ in cacheAligned(rows * h) }
    embedded = cacheAligned(rows * layout.e)
    ys = cacheAligned(rows * layout.v)
    losses = cacheAligned(rows)
    da = cacheAligned(rows * layout.gh)
    dAbove = cacheAligned(rows * layout.widest)
    dBelow = cacheAligned(rows * layout.widest)
    dhNext = cacheAligned(streams * h)
    dcNext = cacheAligned(streams * h)
    dh = cacheAligned(streams * h)
    resetInput = cacheAligned(streams * h)
    grad = cacheAligned(layout.count)
    inputs = .allocate(capacity: rows)
    inputs.initialize(repeating: 0, count: rows)
    targets = .allocate(capacity: rows)
    targets.initialize(repeating: 0, count: rows)
  }

  deinit {
    for buffer in hs + cs + gates + aux { buffer.deallocate() }
    for buffer in [embedded, ys, losses, da, dAbove, dBelow, dhNext, dcNext, dh, resetInput, grad] {
      buffer.deallocate()
    }
    inputs.deallocate()
    targets.deallocate()
  }

  /// Every stream's carried state back to zero.
  public func resetState(stream j: Int) {
    let h = layout.h
    for l in 0..<layout.layers {
      (hs[l] + j * h).update(repeating: 0, count: h)
      if layout.shape.hasCellState { (cs[l] + j * h).update(repeating: 0, count: h) }
    }
  }

  /// The window's summed loss, added in row order.
  public var loss: Double {
    var total = 0.0
    for r in 0..<(steps * streams) { total += losses[r] }
    return total
  }
}

/// The weights as the products read them, repacked after every update: per layer UT in panels
/// (the forward recurrence), U in panels (the backward recurrence: the first phase's rows, then
/// the second's), W in panels (the gradient passed down), and Whyᵀ (the scores).
public final class GatedPackedWeights: @unchecked Sendable {
  public let uForward: [MutablePointer]
  public let uBackward: [MutablePointer]
  public let wBackward: [MutablePointer]
  public let whyT: MutablePointer

  public init(layout: GatedLayout) {
    let (h, gh) = (layout.h, layout.gh)
    uForward = (0..<layout.layers).map { _ in cacheAligned(h * gh) }
    uBackward = (0..<layout.layers).map { _ in cacheAligned(h * gh) }
    wBackward = (0..<layout.layers).map {
      cacheAligned(layout.readsVectors($0) ? layout.inputRows($0) * gh : 0)
    }
    whyT = cacheAligned(h * layout.v)
  }

  deinit {
    for buffer in uForward + uBackward + wBackward + [whyT] { buffer.deallocate() }
  }
}
