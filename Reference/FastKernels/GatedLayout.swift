/// Where everything lives in the gated fast path's flat buffers: an optional embedding, L gated
/// layers, the output layer.
///
/// H, V and E are rounded up to multiples of 8 (`h`, `v`, `e`); the padding holds zeros and stays
/// zero (a padded unit has no weights, so its h is 0 and every gradient touching it is 0).
/// Each layer keeps its input weights transposed, WT (inputs × G·h), so that a one-hot input is
/// a row, and its recurrent weights as UT (h × G·h); one bias row (G·h). The G·h columns hold
/// the gates interleaved per block of 8 units (`column`), so each block of units is a contiguous
/// run of columns with every gate it needs.
public struct GatedLayout: Sendable, Equatable {
  /// The cell's step: how many gate blocks, in how many phases, whether it carries c.
  public let shape: GateShape
  /// H, the hidden units of each layer.
  public let hidden: Int
  /// V, the characters read and scored.
  public let vocabulary: Int
  /// E, the size of the embedding; nil reads characters one-hot.
  public let embedding: Int?
  /// L, the stacked layers.
  public let layers: Int
  /// H rounded up to a multiple of 8: the length of a row of hidden units.
  public let h: Int
  /// V rounded up to a multiple of 8: the length of a row of scores.
  public let v: Int
  /// E rounded up to a multiple of 8; 0 without an embedding.
  public let e: Int

  /// The layout of L layers of H units of a cell of `shape`, reading V characters.
  public init(shape: GateShape, hidden: Int, vocabulary: Int, embedding: Int?, layers: Int) {
    self.shape = shape
    self.hidden = hidden
    self.vocabulary = vocabulary
    self.embedding = embedding
    self.layers = layers
    h = (hidden + 7) / 8 * 8
    v = (vocabulary + 7) / 8 * 8
    e = ((embedding ?? 0) + 7) / 8 * 8
  }

  /// Columns of every gate block: G·h.
  public var gh: Int { shape.gates * h }

  /// The column of gate k of unit u: the first phase's gates in blocks of 8·d columns (its d
  /// gates of 8 units side by side: an LSTM's i, f, g, o), the second phase's after its d·h
  /// columns, likewise (a GRU's candidate, whose product waits for r).
  public func column(gate k: Int, unit u: Int) -> Int {
    let d = shape.direct
    let (block, phase, gates) = k < d ? (0, k, d) : (d * h, k - d, shape.gates - d)
    return block + (u / 8) * 8 * gates + phase * 8 + u % 8
  }

  /// The columns of the gate blocks that a run of units (a multiple of 8 wide) owns: one run
  /// per phase.
  public func gateColumns(_ units: Range<Int>) -> [Range<Int>] {
    let (d, g) = (shape.direct, shape.gates)
    let first = (d * units.lowerBound)..<(d * units.upperBound)
    guard shape.twoPhase else { return [first] }
    let second = (d * h + (g - d) * units.lowerBound)..<(d * h + (g - d) * units.upperBound)
    return [first, second]
  }

  /// Rows of layer l's WT: the vocabulary for a one-hot bottom layer, e with an embedding, h above.
  public func inputRows(_ l: Int) -> Int { l > 0 ? h : (embedding == nil ? vocabulary : e) }
  /// Whether layer l reads vectors (and so passes a gradient down).
  public func readsVectors(_ l: Int) -> Bool { l > 0 || embedding != nil }

  /// The embedding table, V × e.
  public var embeddingTable: Int { 0 }
  /// Offset of layer l's WT (`inputRows(l)` × G·h).
  public func wt(_ l: Int) -> Int { layerStart(l) }
  /// Offset of layer l's UT (h × G·h).
  public func ut(_ l: Int) -> Int { wt(l) + inputRows(l) * gh }
  /// Offset of layer l's bias row (G·h).
  public func bias(_ l: Int) -> Int { ut(l) + h * gh }
  /// Offset of Why (v × h), after the last layer.
  public var why: Int { layerStart(layers) }
  /// Offset of by (v).
  public var by: Int { why + v * h }
  /// Length of a parameter (or gradient, or optimizer memory) block; a multiple of 8.
  public var count: Int { by + v }

  private func layerStart(_ l: Int) -> Int {
    var offset = embedding == nil ? 0 : vocabulary * e
    for k in 0..<l { offset += (inputRows(k) + h + 1) * gh }
    return offset
  }

  /// The widest row a layer reads or passes down.
  public var widest: Int { max(h, e) }

  /// The output layer's layout, for the softmax.
  public var output: FastLayout { FastLayout(hidden: hidden, vocabulary: vocabulary) }
}
