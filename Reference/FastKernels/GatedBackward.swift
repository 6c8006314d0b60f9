/// Back through the window after `forwardGatedWindow` (before `carryGatedStates`): the output
/// layer, then each layer top to bottom, through time. Leaves the summed gradient in `w.grad`,
/// each part writing the gradients of its own columns.
public func backwardGatedWindow<K: Kernels>(
  _: K.Type, _ theta: Pointer, _ packed: GatedPackedWeights, _ w: GatedBuffers,
  _ split: Split = .whole
) {
  let layout = w.layout
  let (h, v, rows) = (layout.h, layout.v, w.steps * w.streams)
  let (grad, units, classes) = (w.grad, split.share(h), split.share(v))
  let top = w.hs[layout.layers - 1] + w.streams * h
  (grad + layout.by + classes.lowerBound).update(repeating: 0, count: classes.count)
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
    switch layout.kind {
    case .lstm: lstmBackThroughTime(K.self, packed, w, layer: l, above: above, split)
    case .gru: gruBackThroughTime(K.self, packed, w, layer: l, above: above, split)
    }
    layerGradients(K.self, packed, w, layer: l, below: below, split)
    swap(&above, &below)
  }
  if layout.embedding != nil {
    let (e, mine) = (layout.e, split.share(layout.e))
    for c in 0..<layout.vocabulary {
      (grad + layout.embeddingTable + c * e + mine.lowerBound).update(
        repeating: 0, count: mine.count)
    }
    for r in 0..<rows {
      K.add(
        above + r * e + mine.lowerBound,
        into: grad + layout.embeddingTable + w.inputs[r] * e + mine.lowerBound, count: mine.count)
    }
  }
}

func lstmBackThroughTime<K: Kernels>(
  _: K.Type, _ packed: GatedPackedWeights, _ w: GatedBuffers, layer l: Int, above: Pointer,
  _ split: Split
) {
  let (h, gh, b) = (w.layout.h, w.layout.gh, w.streams)
  let units = split.share(h)
  let (u0, c0) = (units.lowerBound, 4 * units.lowerBound)
  for j in 0..<b {
    (w.dhNext + j * h + u0).update(repeating: 0, count: units.count)
    (w.dcNext + j * h + u0).update(repeating: 0, count: units.count)
  }
  for s in stride(from: w.steps - 1, through: 0, by: -1) {
    for j in 0..<b {
      let (row, state) = ((s * b + j) * gh + c0, (s * b + j) * h + u0)
      K.lstmBackward(
        w.da + row, gates: w.gates[l] + row, cPrevious: w.cs[l] + state,
        tanhC: w.aux[l] + state, dhAbove: above + state, dhNext: w.dhNext + j * h + u0,
        dcNext: w.dcNext + j * h + u0, count: units.count)
    }
    split.barrier()
    // The first step's dh_next would flow into the previous window: not needed.
    if s > 0 {
      multiply(
        K.self, m: b, columns: units, k: gh, StridedMatrix(w.da + s * b * gh, row: gh, column: 1),
        .packed(packed.uBackward[l], rows: gh), into: w.dhNext, ldc: h, accumulate: false)
    }
  }
}

func gruBackThroughTime<K: Kernels>(
  _: K.Type, _ packed: GatedPackedWeights, _ w: GatedBuffers, layer l: Int, above: Pointer,
  _ split: Split
) {
  let (h, gh, b) = (w.layout.h, w.layout.gh, w.streams)
  let units = split.share(h)
  let columns = gateColumns(w.layout, units)
  let (u0, rz, n) = (units.lowerBound, columns[0].lowerBound, columns[1].lowerBound)
  for j in 0..<b { (w.dhNext + j * h + u0).update(repeating: 0, count: units.count) }
  for s in stride(from: w.steps - 1, through: 0, by: -1) {
    let (da, gates) = (w.da + s * b * gh, w.gates[l] + s * b * gh)
    for j in 0..<b {
      K.gruCandidateBack(
        da + j * gh + n, rz: gates + j * gh + rz, candidate: gates + j * gh + n,
        dhAbove: above + (s * b + j) * h + u0, dhNext: w.dhNext + j * h + u0,
        dh: w.dh + j * h + u0, count: units.count)
    }
    split.barrier()
    multiply(
      K.self, m: b, columns: units, k: h, StridedMatrix(da + 2 * h, row: gh, column: 1),
      .packed(packed.uBackward[l] + 2 * h * h, rows: h), into: w.resetInput, ldc: h,
      accumulate: false)
    for j in 0..<b {
      K.gruGatesBack(
        da + j * gh + rz, rz: gates + j * gh + rz, candidate: gates + j * gh + n,
        hPrevious: w.hs[l] + (s * b + j) * h + u0, dh: w.dh + j * h + u0,
        resetInput: w.resetInput + j * h + u0, dhPrevious: w.dhNext + j * h + u0,
        count: units.count)
    }
    split.barrier()
    if s > 0 {
      multiply(
        K.self, m: b, columns: units, k: 2 * h, StridedMatrix(da, row: gh, column: 1),
        .packed(packed.uBackward[l], rows: 2 * h), into: w.dhNext, ldc: h, accumulate: true)
    }
  }
}

/// Layer l's weight gradients from its da, this part's gate columns, and ∂L/∂(its input) into
/// `below`, this part's input columns (after every part's da is done):
///
///     dWT = Xᵀ·dA,  dUT = H_prevᵀ·dA  (a GRU's candidate: (r ⊙ H_prev)ᵀ·dA_h),  db = Σ dA,
///     dX = dA·W
func layerGradients<K: Kernels>(
  _: K.Type, _ packed: GatedPackedWeights, _ w: GatedBuffers, layer l: Int,
  below: MutablePointer, _ split: Split
) {
  let layout = w.layout
  let (h, gh, rows) = (layout.h, layout.gh, w.steps * w.streams)
  let grad = w.grad
  for (k, columns) in gateColumns(layout, split.share(h)).enumerated() {
    let bias = grad + layout.bias(l) + columns.lowerBound
    bias.update(repeating: 0, count: columns.count)
    for r in 0..<rows {
      K.add(w.da + r * gh + columns.lowerBound, into: bias, count: columns.count)
    }
    // A GRU's candidate reads r ⊙ h_{t−1}, kept in aux.
    let previous = layout.kind == .gru && k == 1 ? w.aux[l] : w.hs[l]
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
        (grad + layout.wt(l) + c * gh + columns.lowerBound).update(
          repeating: 0, count: columns.count)
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
