/// The gated fast path's passes over one window of each stream. Layer by layer, bottom to top:
/// a layer's input products for the whole window are one matrix product (or, one-hot, one row
/// of WT per character); only the recurrent products run step by step. The output layer, and
/// every gradient of a weight, wait for the whole window and are matrix–matrix products.
///
/// Leaves each row's loss in `w.losses`; `carryGatedStates` then carries the last states into
/// rows 0..<b for the next window (after the backward pass, which reads the first).
public func forwardGatedWindow<K: Kernels>(
  _: K.Type, _ theta: Pointer, _ packed: GatedPackedWeights, _ w: GatedBuffers
) {
  let layout = w.layout
  let rows = w.steps * w.streams
  if layout.embedding != nil {
    for r in 0..<rows {
      (w.embedded + r * layout.e).update(
        from: theta + layout.embeddingTable + w.inputs[r] * layout.e, count: layout.e)
    }
  }
  for l in 0..<layout.layers {
    inputProducts(K.self, theta, w, layer: l)
    switch layout.kind {
    case .lstm: lstmRecurrence(K.self, theta, packed, w, layer: l)
    case .gru: gruRecurrence(K.self, theta, packed, w, layer: l)
    }
  }
  let top = w.hs[layout.layers - 1] + w.streams * layout.h
  K.multiply(
    m: rows, n: layout.v, k: layout.h, StridedMatrix(top, row: layout.h, column: 1),
    .packed(packed.whyT, rows: layout.h), into: w.ys, ldc: layout.v, accumulate: false)
  K.softmax(
    w.ys, rows: rows, layout: layout.output, bias: theta + layout.by, targets: w.targets,
    losses: w.losses)
}

/// What layer l reads: the embedding rows, the layer below's h, or a one-hot character.
func layerInput(_ w: GatedBuffers, layer l: Int) -> Pointer {
  l == 0 ? UnsafePointer(w.embedded) : UnsafePointer(w.hs[l - 1] + w.streams * w.layout.h)
}

/// gates = X·WT for every step of the window at once (without the bias).
func inputProducts<K: Kernels>(
  _: K.Type, _ theta: Pointer, _ w: GatedBuffers, layer l: Int
) {
  let layout = w.layout
  let (gh, rows) = (layout.gh, w.steps * w.streams)
  if layout.readsVectors(l) {
    let width = layout.inputRows(l)
    K.multiply(
      m: rows, n: gh, k: width, StridedMatrix(layerInput(w, layer: l), row: width, column: 1),
      .rowMajor(theta + layout.wt(l), length: gh), into: w.gates[l], ldc: gh, accumulate: false)
  } else {
    for r in 0..<rows {
      (w.gates[l] + r * gh).update(from: theta + layout.wt(l) + w.inputs[r] * gh, count: gh)
    }
  }
}

func lstmRecurrence<K: Kernels>(
  _: K.Type, _ theta: Pointer, _ packed: GatedPackedWeights, _ w: GatedBuffers, layer l: Int
) {
  let layout = w.layout
  let (h, gh, b) = (layout.h, layout.gh, w.streams)
  for s in 0..<w.steps {
    let (previous, a) = (w.hs[l] + s * b * h, w.gates[l] + s * b * gh)
    K.multiply(
      m: b, n: gh, k: h, StridedMatrix(previous, row: h, column: 1),
      .packed(packed.uForward[l], rows: h), into: a, ldc: gh, accumulate: true)
    for j in 0..<b {
      let row = (s * b + j) * h
      K.lstmForward(
        a + j * gh, bias: theta + layout.bias(l), cPrevious: w.cs[l] + row,
        c: w.cs[l] + row + b * h, tanhC: w.aux[l] + row, h: w.hs[l] + row + b * h, count: h)
    }
  }
}

func gruRecurrence<K: Kernels>(
  _: K.Type, _ theta: Pointer, _ packed: GatedPackedWeights, _ w: GatedBuffers, layer l: Int
) {
  let layout = w.layout
  let (h, gh, b) = (layout.h, layout.gh, w.streams)
  let bias = theta + layout.bias(l)
  for s in 0..<w.steps {
    let (previous, a) = (w.hs[l] + s * b * h, w.gates[l] + s * b * gh)
    K.multiply(
      m: b, n: 2 * h, k: h, StridedMatrix(previous, row: h, column: 1),
      .packed(packed.uForward[l], rows: h), into: a, ldc: gh, accumulate: true)
    for j in 0..<b {
      K.gruGates(
        a + j * gh, bias: bias, hPrevious: previous + j * h,
        resetH: w.aux[l] + (s * b + j) * h, count: h)
    }
    K.multiply(
      m: b, n: h, k: h, StridedMatrix(w.aux[l] + s * b * h, row: h, column: 1),
      .packed(packed.uForward[l] + 2 * h * h, rows: h), into: a + 2 * h, ldc: gh,
      accumulate: true)
    for j in 0..<b {
      K.gruCandidate(
        a + j * gh, bias: bias, hPrevious: previous + j * h,
        h: previous + b * h + j * h, count: h)
    }
  }
}

/// Every layer's last states (h, and c for an LSTM) into rows 0..<b: where the next window
/// starts.
public func carryGatedStates(_ w: GatedBuffers) {
  let (size, last) = (w.streams * w.layout.h, w.steps * w.streams * w.layout.h)
  for l in 0..<w.layout.layers {
    w.hs[l].update(from: w.hs[l] + last, count: size)
    if w.layout.kind == .lstm { w.cs[l].update(from: w.cs[l] + last, count: size) }
  }
}

/// Back through the window after `forwardGatedWindow` (before `carryGatedStates`): the output
/// layer, then each layer top to bottom, through time. Leaves the summed gradient in `w.grad`.
public func backwardGatedWindow<K: Kernels>(
  _: K.Type, _ theta: Pointer, _ packed: GatedPackedWeights, _ w: GatedBuffers
) {
  let layout = w.layout
  let (h, v, rows) = (layout.h, layout.v, w.steps * w.streams)
  let grad = w.grad
  grad.update(repeating: 0, count: layout.count)
  let top = w.hs[layout.layers - 1] + w.streams * h
  for r in 0..<rows { K.add(w.ys + r * v, into: grad + layout.by, count: v) }
  K.multiply(
    m: v, n: h, k: rows, StridedMatrix(w.ys, row: 1, column: v), .rowMajor(top, length: h),
    into: grad + layout.why, ldc: h, accumulate: false)
  K.multiply(
    m: rows, n: h, k: v, StridedMatrix(w.ys, row: v, column: 1),
    .rowMajor(theta + layout.why, length: h), into: w.dAbove, ldc: h, accumulate: false)
  var (above, below) = (w.dAbove, w.dBelow)
  for l in stride(from: layout.layers - 1, through: 0, by: -1) {
    switch layout.kind {
    case .lstm: lstmBackThroughTime(K.self, packed, w, layer: l, above: above)
    case .gru: gruBackThroughTime(K.self, packed, w, layer: l, above: above)
    }
    layerGradients(K.self, packed, w, layer: l, below: below)
    swap(&above, &below)
  }
  if layout.embedding != nil {
    for r in 0..<rows {
      K.add(
        above + r * layout.e, into: grad + layout.embeddingTable + w.inputs[r] * layout.e,
        count: layout.e)
    }
  }
}

func lstmBackThroughTime<K: Kernels>(
  _: K.Type, _ packed: GatedPackedWeights, _ w: GatedBuffers, layer l: Int, above: Pointer
) {
  let (h, gh, b) = (w.layout.h, w.layout.gh, w.streams)
  w.dhNext.update(repeating: 0, count: b * h)
  w.dcNext.update(repeating: 0, count: b * h)
  for s in stride(from: w.steps - 1, through: 0, by: -1) {
    for j in 0..<b {
      let (row, state) = ((s * b + j) * gh, (s * b + j) * h)
      K.lstmBackward(
        w.da + row, gates: w.gates[l] + row, cPrevious: w.cs[l] + state,
        tanhC: w.aux[l] + state, dhAbove: above + state, dhNext: w.dhNext + j * h,
        dcNext: w.dcNext + j * h, count: h)
    }
    // The first step's dh_next would flow into the previous window: not needed.
    if s > 0 {
      K.multiply(
        m: b, n: h, k: gh, StridedMatrix(w.da + s * b * gh, row: gh, column: 1),
        .packed(packed.uBackward[l], rows: gh), into: w.dhNext, ldc: h, accumulate: false)
    }
  }
}

func gruBackThroughTime<K: Kernels>(
  _: K.Type, _ packed: GatedPackedWeights, _ w: GatedBuffers, layer l: Int, above: Pointer
) {
  let (h, gh, b) = (w.layout.h, w.layout.gh, w.streams)
  w.dhNext.update(repeating: 0, count: b * h)
  for s in stride(from: w.steps - 1, through: 0, by: -1) {
    let da = w.da + s * b * gh
    for j in 0..<b {
      K.gruCandidateBack(
        da + j * gh, gates: w.gates[l] + (s * b + j) * gh, dhAbove: above + (s * b + j) * h,
        dhNext: w.dhNext + j * h, dh: w.dh + j * h, count: h)
    }
    K.multiply(
      m: b, n: h, k: h, StridedMatrix(da + 2 * h, row: gh, column: 1),
      .packed(packed.uBackward[l] + 2 * h * h, rows: h), into: w.resetInput, ldc: h,
      accumulate: false)
    for j in 0..<b {
      K.gruGatesBack(
        da + j * gh, gates: w.gates[l] + (s * b + j) * gh,
        hPrevious: w.hs[l] + (s * b + j) * h, dh: w.dh + j * h,
        resetInput: w.resetInput + j * h, dhPrevious: w.dhNext + j * h, count: h)
    }
    if s > 0 {
      K.multiply(
        m: b, n: h, k: 2 * h, StridedMatrix(da, row: gh, column: 1),
        .packed(packed.uBackward[l], rows: 2 * h), into: w.dhNext, ldc: h, accumulate: true)
    }
  }
}

/// Layer l's weight gradients from its da, and ∂L/∂(its input) into `below`:
///
///     dWT = Xᵀ·dA,  dUT = H_prevᵀ·dA  (a GRU's candidate: (r ⊙ H_prev)ᵀ·dA_h),  db = Σ dA,
///     dX = dA·W
func layerGradients<K: Kernels>(
  _: K.Type, _ packed: GatedPackedWeights, _ w: GatedBuffers, layer l: Int,
  below: MutablePointer
) {
  let layout = w.layout
  let (h, gh, rows) = (layout.h, layout.gh, w.steps * w.streams)
  let grad = w.grad
  for r in 0..<rows { K.add(w.da + r * gh, into: grad + layout.bias(l), count: gh) }
  let previous = StridedMatrix(w.hs[l], row: 1, column: h)
  if layout.kind == .lstm {
    K.multiply(
      m: h, n: gh, k: rows, previous, .rowMajor(w.da, length: gh), into: grad + layout.ut(l),
      ldc: gh, accumulate: false)
  } else {
    K.multiply(
      m: h, n: 2 * h, k: rows, previous, .rowMajor(w.da, length: gh),
      into: grad + layout.ut(l), ldc: gh, accumulate: false)
    K.multiply(
      m: h, n: h, k: rows, StridedMatrix(w.aux[l], row: 1, column: h),
      .rowMajor(w.da + 2 * h, length: gh), into: grad + layout.ut(l) + 2 * h, ldc: gh,
      accumulate: false)
  }
  guard layout.readsVectors(l) else {
    for r in 0..<rows {
      K.add(w.da + r * gh, into: grad + layout.wt(l) + w.inputs[r] * gh, count: gh)
    }
    return
  }
  let width = layout.inputRows(l)
  K.multiply(
    m: width, n: gh, k: rows, StridedMatrix(layerInput(w, layer: l), row: 1, column: width),
    .rowMajor(w.da, length: gh), into: grad + layout.wt(l), ldc: gh, accumulate: false)
  K.multiply(
    m: rows, n: width, k: gh, StridedMatrix(w.da, row: gh, column: 1),
    .packed(packed.wBackward[l], rows: gh), into: below, ldc: width, accumulate: false)
}

/// The panels the products read, from the parameters in `theta`: after every update.
public func repackGated<K: Kernels>(
  _: K.Type, _ theta: Pointer, _ layout: GatedLayout, into packed: GatedPackedWeights
) {
  let (h, gh) = (layout.h, layout.gh)
  for l in 0..<layout.layers {
    let ut = theta + layout.ut(l)
    K.pack(
      ut, rows: h, columns: gh, transposed: false, rowLength: gh, into: packed.uForward[l])
    if layout.kind == .lstm {
      K.pack(ut, rows: gh, columns: h, transposed: true, rowLength: gh, into: packed.uBackward[l])
    } else {
      K.pack(
        ut, rows: 2 * h, columns: h, transposed: true, rowLength: gh, into: packed.uBackward[l])
      K.pack(
        ut + 2 * h, rows: h, columns: h, transposed: true, rowLength: gh,
        into: packed.uBackward[l] + 2 * h * h)
    }
    if layout.readsVectors(l) {
      K.pack(
        theta + layout.wt(l), rows: gh, columns: layout.inputRows(l), transposed: true,
        rowLength: gh, into: packed.wBackward[l])
    }
  }
  K.pack(
    theta + layout.why, rows: h, columns: layout.v, transposed: true, rowLength: h,
    into: packed.whyT)
}
