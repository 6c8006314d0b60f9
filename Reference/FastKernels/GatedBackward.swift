/// Back through the window after `forwardGatedWindow` (before `carryGatedStates`): the output
/// layer, then each layer top to bottom, through time. Leaves the summed gradient in `w.grad`,
/// each part writing the gradients of its own columns.
public func backwardGatedWindow<K: Kernels, G: GateMath>(
  _: K.Type, _: G.Type, _ theta: UnsafePointer<K.Scalar>, _ packed: GatedPackedWeights<K.Scalar>,
  _ w: GatedBuffers<K.Scalar>,
  _ split: Split = .whole
) {
  let layout = w.layout
  let (h, v, rows) = (layout.h, layout.v, w.steps * w.streams)
  let (grad, units, classes) = (w.grad, split.share(h), split.share(v))
  let top = w.hs[layout.layers - 1] + w.streams * h
  zero((grad + layout.by + classes.lowerBound), classes.count)
  for r in 0..<rows {
    K.add(
      w.ys + r * v + classes.lowerBound, into: grad + layout.by + classes.lowerBound,
      count: classes.count)
  }
  multiply(
    K.self, m: v, columns: units, k: rows, StridedMatrix(w.ys, row: 1, column: v),
    .rowMajor(top, length: h), into: grad + layout.why, ldc: h, accumulate: false)
  multiply(
    K.self, m: rows, columns: units, k: v, StridedMatrix(w.ys, row: v, column: 1),
    .rowMajor(theta + layout.why, length: h), into: w.dAbove, ldc: h, accumulate: false)
  var (above, below) = (w.dAbove, w.dBelow)
  for l in stride(from: layout.layers - 1, through: 0, by: -1) {
    backThroughTime(K.self, G.self, packed, w, layer: l, above: above, split)
    layerGradients(K.self, packed, w, layer: l, below: below, split)
    swap(&above, &below)
  }
  if layout.embedding != nil {
    let (e, mine) = (layout.e, split.share(layout.e))
    for c in 0..<layout.vocabulary {
      zero((grad + layout.embeddingTable + c * e + mine.lowerBound), mine.count)
    }
    for r in 0..<rows {
      K.add(
        above + r * e + mine.lowerBound,
        into: grad + layout.embeddingTable + w.inputs[r] * e + mine.lowerBound, count: mine.count)
    }
  }
}

/// Layer l back through time, step by step: the cell's element-wise math for each stream
/// (`GateMath`), each phase's dA read back through its recurrent product into dh_{t−1} (the
/// first step's would flow into the previous window: not needed).
func backThroughTime<K: Kernels, G: GateMath>(
  _: K.Type, _: G.Type, _ packed: GatedPackedWeights<K.Scalar>, _ w: GatedBuffers<K.Scalar>,
  layer l: Int,
  above: UnsafePointer<K.Scalar>, _ split: Split
) {
  let (h, gh, b, shape) = (w.layout.h, w.layout.gh, w.streams, w.layout.shape)
  let units = split.share(h)
  let columns = w.layout.gateColumns(units)
  let (u0, first, second) = (units.lowerBound, columns[0].lowerBound, columns.last!.lowerBound)
  let direct = shape.direct * h
  for j in 0..<b {
    zero((w.dhNext + j * h + u0), units.count)
    if shape.hasCellState { zero((w.dcNext + j * h + u0), units.count) }
  }
  for s in stride(from: w.steps - 1, through: 0, by: -1) {
    let (da, gates) = (w.da + s * b * gh, w.gates[l] + s * b * gh)
    func row(_ j: Int) -> GateBackRow<K.Scalar> {
      let state = (s * b + j) * h + u0
      return GateBackRow(
        da: da + j * gh + first, secondDA: da + j * gh + second, gates: gates + j * gh + first,
        secondGates: gates + j * gh + second, hPrevious: w.hs[l] + state,
        cPrevious: w.cs[l] + state, aux: w.aux[l] + state, dhAbove: above + state,
        dhNext: w.dhNext + j * h + u0, dcNext: w.dcNext + j * h + u0, dh: w.dh + j * h + u0,
        secondInput: w.resetInput + j * h + u0, count: units.count)
    }
    if shape.twoPhase {
      for j in 0..<b { G.backFinish(K.self, row(j)) }
      split.barrier()
      multiply(
        K.self, m: b, columns: units, k: gh - direct,
        StridedMatrix(da + direct, row: gh, column: 1),
        .packed(packed.uBackward[l] + direct * h, rows: gh - direct), into: w.resetInput,
        ldc: h, accumulate: false)
    }
    for j in 0..<b { G.backward(K.self, row(j)) }
    split.barrier()
    if s > 0 {
      multiply(
        K.self, m: b, columns: units, k: direct, StridedMatrix(da, row: gh, column: 1),
        .packed(packed.uBackward[l], rows: direct), into: w.dhNext, ldc: h, accumulate: true)
    }
  }
}

/// Layer l's weight gradients from its da, this part's gate columns, and ∂L/∂(its input) into
/// `below`, this part's input columns (after every part's da is done):
///
///     dWT = Xᵀ·dA,  dUT = H_prevᵀ·dA  (the second phase: AUXᵀ·dA, a GRU's (r ⊙ H_prev)ᵀ·dA_h),
///     db = Σ dA,
///     dX = dA·W
func layerGradients<K: Kernels>(
  _: K.Type, _ packed: GatedPackedWeights<K.Scalar>, _ w: GatedBuffers<K.Scalar>, layer l: Int,
  below: UnsafeMutablePointer<K.Scalar>, _ split: Split
) {
  let layout = w.layout
  let (h, gh, rows) = (layout.h, layout.gh, w.steps * w.streams)
  let grad = w.grad
  for (k, columns) in layout.gateColumns(split.share(h)).enumerated() {
    let bias = grad + layout.bias(l) + columns.lowerBound
    zero(bias, columns.count)
    for r in 0..<rows {
      K.add(w.da + r * gh + columns.lowerBound, into: bias, count: columns.count)
    }
    // The second phase's product read aux (a GRU's candidate: r ⊙ h_{t−1}), the first h_{t−1}.
    let previous = k == 1 ? w.aux[l] : w.hs[l]
    multiply(
      K.self, m: h, columns: columns, k: rows, StridedMatrix(previous, row: 1, column: h),
      .rowMajor(w.da, length: gh), into: grad + layout.ut(l), ldc: gh, accumulate: false)
    if layout.readsVectors(l) {
      let width = layout.inputRows(l)
      multiply(
        K.self, m: width, columns: columns, k: rows,
        StridedMatrix(layerInput(w, layer: l), row: 1, column: width),
        .rowMajor(w.da, length: gh), into: grad + layout.wt(l), ldc: gh, accumulate: false)
    } else {
      for c in 0..<layout.vocabulary {
        zero((grad + layout.wt(l) + c * gh + columns.lowerBound), columns.count)
      }
      for r in 0..<rows {
        K.add(
          w.da + r * gh + columns.lowerBound,
          into: grad + layout.wt(l) + w.inputs[r] * gh + columns.lowerBound, count: columns.count)
      }
    }
  }
  guard layout.readsVectors(l) else { return }
  split.barrier()
  let width = layout.inputRows(l)
  multiply(
    K.self, m: rows, columns: split.share(width), k: gh, StridedMatrix(w.da, row: gh, column: 1),
    .packed(packed.wBackward[l], rows: gh), into: below, ldc: width, accumulate: false)
  // The layer below writes da next: every part must be done reading it.
  split.barrier()
}
