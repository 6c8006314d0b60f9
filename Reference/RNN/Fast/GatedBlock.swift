import CourseSupport
import FastKernels

/// A `CharModel`'s tensors copied into, and out of, a flat block laid out by `GatedLayout`:
/// parameters, gradients and optimizer memories all travel this way.
struct GatedBlock<Cell: GatedCell> {
  typealias Parameters = CharModelParameters<Cell.Parameters>
  let layout: GatedLayout

  func write(_ p: Parameters, to block: UnsafeMutablePointer<Double>) {
    let l = layout
    block.update(repeating: 0, count: l.count)
    if let embedding = p.embedding {
      for r in 0..<embedding.rows {
        for c in 0..<embedding.cols { block[l.embeddingTable + r * l.e + c] = embedding[r, c] }
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
          for c in 0..<W.cols { block[l.wt(layer) + c * l.gh + column] = W[u, c] }
          for c in 0..<U.cols { block[l.ut(layer) + c * l.gh + column] = U[u, c] }
          block[l.bias(layer) + column] = b[u]
        }
      }
    }
    for r in 0..<l.vocabulary {
      for c in 0..<l.hidden { block[l.why + r * l.h + c] = p.Why[r, c] }
      block[l.by + r] = p.by[r]
    }
  }

  /// The tensors in `block`, shaped like `shape`.
  func read(_ block: UnsafePointer<Double>, shapedLike shape: Parameters) -> Parameters {
    let l = layout
    var p = shape
    if var embedding = p.embedding {
      for r in 0..<embedding.rows {
        for c in 0..<embedding.cols { embedding[r, c] = block[l.embeddingTable + r * l.e + c] }
      }
      p.embedding = embedding
    }
    for layer in 0..<l.layers {
      for (k, gate) in Cell.gateTensors.enumerated() {
        var (W, U, b) = (
          p.layers[layer][keyPath: gate.W], p.layers[layer][keyPath: gate.U],
          p.layers[layer][keyPath: gate.b]
        )
        for u in 0..<l.hidden {
          let column = l.column(gate: k, unit: u)
          for c in 0..<W.cols { W[u, c] = block[l.wt(layer) + c * l.gh + column] }
          for c in 0..<U.cols { U[u, c] = block[l.ut(layer) + c * l.gh + column] }
          b[u] = block[l.bias(layer) + column]
        }
        p.layers[layer][keyPath: gate.W] = W
        p.layers[layer][keyPath: gate.U] = U
        p.layers[layer][keyPath: gate.b] = b
      }
    }
    for r in 0..<l.vocabulary {
      for c in 0..<l.hidden { p.Why[r, c] = block[l.why + r * l.h + c] }
      p.by[r] = block[l.by + r]
    }
    return p
  }
}
