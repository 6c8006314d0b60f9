/// The workspace of the gated fast path for one window of each of b streams (T steps),
/// allocated once. Rows are indexed s·b + j for step s of stream j.
public final class GatedBuffers<S: KernelScalar>: @unchecked Sendable {
  /// Where the parameters live, and the padded sizes of every row.
  public let layout: GatedLayout
  /// T, the characters of each stream's window.
  public let steps: Int
  /// b, the streams read side by side.
  public let streams: Int
  /// Per layer, (T + 1)·b rows of h; rows 0..<b hold each stream's h_{−1} (the carried state).
  public let hs: [UnsafeMutablePointer<S>]
  /// Per layer, the cell states c, laid out like `hs` (a cell with a cell state only).
  public let cs: [UnsafeMutablePointer<S>]
  /// Per layer, T·b rows of G·h: the pre-activations, then the gates.
  public let gates: [UnsafeMutablePointer<S>]
  /// Per layer, T·b rows of h: what the cell keeps per unit (tanh(c_t) for an LSTM, r ⊙ h_{t−1}
  /// for a GRU).
  public let aux: [UnsafeMutablePointer<S>]
  /// T·b rows of e: the embedding rows read, with an embedding.
  public let embedded: UnsafeMutablePointer<S>
  /// T·b rows of v: scores, then probabilities, then dy.
  public let ys: UnsafeMutablePointer<S>
  /// T·b: −log p[target] of each row, in double precision whatever the window's.
  public let losses: UnsafeMutablePointer<Double>
  /// T·b rows of G·h: ∂L/∂(pre-activations) of the layer being back-propagated.
  public let da: UnsafeMutablePointer<S>
  /// Two buffers of T·b rows of the widest input: ∂L/∂h from above, ∂L/∂x passed below.
  public let dAbove: UnsafeMutablePointer<S>
  /// T·b rows of the widest input: ∂L/∂(the layer's input), for the layer below; the two buffers
  /// swap roles at each layer on the way down.
  public let dBelow: UnsafeMutablePointer<S>
  /// b rows of h each: what step t+1 passes back along h and c, dh at this step, and the second
  /// phase's dA·Uᵀ (a GRU's Uhᵀ·da_h).
  public let dhNext: UnsafeMutablePointer<S>
  /// b rows of h: ∂L/∂c_t in from step t + 1, ∂L/∂c_{t−1} out (a cell with a cell state only).
  public let dcNext: UnsafeMutablePointer<S>
  /// b rows of h: the whole ∂L/∂h_t, kept between the two backward phases.
  public let dh: UnsafeMutablePointer<S>
  /// b rows of h: what the second phase's dA sends back (`GateBackRow.secondInput`).
  public let resetInput: UnsafeMutablePointer<S>
  /// A gradient block (`layout.count`): the window's summed gradient.
  public let grad: UnsafeMutablePointer<S>
  /// T·b characters read, row s·b + j for step s of stream j.
  public let inputs: UnsafeMutablePointer<Int>
  /// T·b characters to predict, each the one after its input.
  public let targets: UnsafeMutablePointer<Int>

  /// Zeroed buffers for windows of `steps` characters of `streams` streams.
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
    for buffer in [embedded, ys, da, dAbove, dBelow, dhNext, dcNext, dh, resetInput, grad] {
      buffer.deallocate()
    }
    losses.deallocate()
    inputs.deallocate()
    targets.deallocate()
  }

  /// Stream j's carried state (every layer's h, and c) back to zero.
  public func resetState(stream j: Int) {
    let h = layout.h
    for l in 0..<layout.layers {
      zero((hs[l] + j * h), h)
      if layout.shape.hasCellState { zero((cs[l] + j * h), h) }
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
public final class GatedPackedWeights<S: KernelScalar>: @unchecked Sendable {
  /// Per layer, UT in panels: the forward recurrence's B.
  public let uForward: [UnsafeMutablePointer<S>]
  /// Per layer, U in panels, a phase's rows after another: what dA reads back to h_{t−1}.
  public let uBackward: [UnsafeMutablePointer<S>]
  /// Per layer that reads vectors, W in panels: what dA sends down (unused when one-hot).
  public let wBackward: [UnsafeMutablePointer<S>]
  /// Whyᵀ in panels: the scores' B.
  public let whyT: UnsafeMutablePointer<S>

  /// Zeroed panels for `layout`: `repackGated` fills them.
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
