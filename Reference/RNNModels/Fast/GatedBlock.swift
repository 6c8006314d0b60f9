import CourseSupport
import FastKernels

/// A `CharModel`'s tensors copied into, and out of, a flat block laid out by `GatedLayout`:
/// parameters, gradients and optimizer memories all travel this way. The layout is described
/// once (`offsets`), as the place in the block of each number of the tensors, in the order of
/// `flattened`; copying either way follows it.
struct GatedBlock<Cell: GatedCell> {
  typealias Parameters = CharModelParameters<Cell.Parameters>
  let layout: GatedLayout
  /// The model's tensors with zeros, for their shapes.
  let shape: Parameters
  /// offsets[i]: where the i-th number of `flattened` lives in the block.
  let offsets: [Int]

  init(layout: GatedLayout, shape: Parameters) {
    self.layout = layout
    self.shape = shape
    offsets = Self.offsets(layout, shape)
  }

  /// `p` into the block, rounded to its precision (the padding zero).
  func write<S: KernelScalar>(_ p: Parameters, to block: UnsafeMutablePointer<S>) {
    zero(block, layout.count)
    for (i, value) in p.flattened.enumerated() { block[offsets[i]] = S(value) }
  }

  /// The block's numbers as the model's tensors.
  func read<S: KernelScalar>(_ block: UnsafePointer<S>) -> Parameters {
    shape.replacing(flattened: offsets.map { block[$0].double })!
  }

  /// Stream j's carried state, every layer's h (and c), into `w`'s rows 0..<b.
  static func write<S: KernelScalar>(
    _ state: CharModel<Cell>.State, into w: GatedBuffers<S>, stream j: Int
  ) {
    let layout = w.layout
    for l in 0..<layout.layers {
      let (h, c) = Cell.vectors(of: state.layers[l])
      for u in 0..<layout.hidden {
        w.hs[l][j * layout.h + u] = S(h[u])
        if let c { w.cs[l][j * layout.h + u] = S(c[u]) }
      }
    }
  }

  /// Stream j's carried state, read back from `w`'s rows 0..<b.
  static func readState<S: KernelScalar>(_ w: GatedBuffers<S>, stream j: Int)
    -> CharModel<Cell>.State
  {
    let (layout, base) = (w.layout, j * w.layout.h)
    return CharModel<Cell>.State(
      layers: (0..<layout.layers).map { l in
        let h = Vector((0..<layout.hidden).map { w.hs[l][base + $0].double })
        // A cell without a cell state has no c buffer to read.
        let c =
          Cell.shape.hasCellState
          ? Vector((0..<layout.hidden).map { w.cs[l][base + $0].double }) : nil
        return Cell.state(h: h, c: c)
      })
  }

  /// The layout: the embedding row by row (e apart); for each layer and gate k, row u of Wk and
  /// Uk and bk[u] in column `layout.column(gate: k, unit: u)` of WT, UT and the bias; Why row by
  /// row (h apart), then by. Found by tagging each number of `shape` with its own index.
  private static func offsets(_ l: GatedLayout, _ shape: Parameters) -> [Int] {
    let p = shape.replacing(flattened: shape.flattened.indices.map(Double.init))!
    var offsets = Array(repeating: 0, count: shape.flattened.count)
    func place(_ tag: Double, at offset: Int) { offsets[Int(tag)] = offset }
    if let embedding = p.embedding {
      for r in 0..<embedding.rows {
        for c in 0..<embedding.cols { place(embedding[r, c], at: l.embeddingTable + r * l.e + c) }
      }
    }
    for layer in 0..<l.layers {
      for (k, gate) in Cell.gateTensors.enumerated() {
        let (W, U, b) = (
          p.layers[layer][keyPath: gate.W], p.layers[layer][keyPath: gate.U],
          p.layers[layer][keyPath: gate.b]
        )
        for u in 0..<l.hidden {
          let column = l.column(gate: k, unit: u)
          for c in 0..<W.cols { place(W[u, c], at: l.wt(layer) + c * l.gh + column) }
          for c in 0..<U.cols { place(U[u, c], at: l.ut(layer) + c * l.gh + column) }
          place(b[u], at: l.bias(layer) + column)
        }
      }
    }
    for r in 0..<l.vocabulary {
      for c in 0..<l.hidden { place(p.Why[r, c], at: l.why + r * l.h + c) }
      place(p.by[r], at: l.by + r)
    }
    return offsets
  }
}
