/// The gated fast path's passes over one window of each stream. Layer by layer, bottom to top:
/// a layer's input products for the whole window are one matrix product (or, one-hot, one row
/// of WT per character); only the recurrent products run step by step. The output layer, and
/// every gradient of a weight, wait for the whole window and are matrix–matrix products.
///
/// With a split, each part owns a run of hidden units (a multiple of 8): the gate columns of
/// those units in every product, their element-wise math, their share of the state. Parts meet
/// wherever the next product reads a whole row (once or twice per time step). No element is
/// computed differently for it, so the result is the same bits for any split.

/// C[:, columns] = A·B[:, columns] (or +=): the columns are a run of whole panels.
@inline(__always)
func multiply<K: Kernels>(
  _: K.Type, m: Int, columns: Range<Int>, k: Int, _ a: StridedMatrix<K.Scalar>,
  _ b: PanelMatrix<K.Scalar>,
  into c: UnsafeMutablePointer<K.Scalar>, ldc: Int, accumulate: Bool
) {
  guard !columns.isEmpty else { return }
  let first = columns.lowerBound
  K.multiply(
    m: m, n: columns.count, k: k, a,
    PanelMatrix(b.base + first / 8 * b.panel, row: b.row, panel: b.panel),
    into: c + first, ldc: ldc, accumulate: accumulate)
}

/// Forward over the window: leaves each row's loss in `w.losses`; `carryGatedStates` then
/// carries the last states into rows 0..<b for the next window (after the backward pass, which
/// reads the first).
public func forwardGatedWindow<K: Kernels, G: GateMath>(
  _: K.Type, _: G.Type, _ theta: UnsafePointer<K.Scalar>, _ packed: GatedPackedWeights<K.Scalar>,
  _ w: GatedBuffers<K.Scalar>,
  _ split: Split = .whole
) {
  let layout = w.layout
  let rows = w.steps * w.streams
  if layout.embedding != nil {
    let mine = split.share(layout.e)
    for r in 0..<rows {
      copy(
        theta + layout.embeddingTable + w.inputs[r] * layout.e + mine.lowerBound,
        to: (w.embedded + r * layout.e + mine.lowerBound), mine.count)
    }
    split.barrier()
  }
  for l in 0..<layout.layers {
    inputProducts(K.self, theta, w, layer: l, split)
    recurrence(K.self, G.self, theta, packed, w, layer: l, split)
  }
  let top = w.hs[layout.layers - 1] + w.streams * layout.h
  multiply(
    K.self, m: rows, columns: split.share(layout.v), k: layout.h,
    StridedMatrix(top, row: layout.h, column: 1), .packed(packed.whyT, rows: layout.h),
    into: w.ys, ldc: layout.v, accumulate: false)
  split.barrier()
  let myRows = split.share(rows, unit: 1)
  K.softmax(
    w.ys + myRows.lowerBound * layout.v, rows: myRows.count, layout: layout.output,
    bias: theta + layout.by, targets: w.targets + myRows.lowerBound,
    losses: w.losses + myRows.lowerBound)
  split.barrier()
}

/// What layer l reads: the embedding rows, or the layer below's h.
func layerInput<S: KernelScalar>(_ w: GatedBuffers<S>, layer l: Int) -> UnsafePointer<S> {
  l == 0 ? UnsafePointer(w.embedded) : UnsafePointer(w.hs[l - 1] + w.streams * w.layout.h)
}

/// gates = X·WT for every step of the window at once (without the bias), this part's columns.
func inputProducts<K: Kernels>(
  _: K.Type, _ theta: UnsafePointer<K.Scalar>, _ w: GatedBuffers<K.Scalar>, layer l: Int,
  _ split: Split
) {
  let layout = w.layout
  let (gh, rows) = (layout.gh, w.steps * w.streams)
  for columns in layout.gateColumns(split.share(layout.h)) {
    if layout.readsVectors(l) {
      let width = layout.inputRows(l)
      multiply(
        K.self, m: rows, columns: columns, k: width,
        StridedMatrix(layerInput(w, layer: l), row: width, column: 1),
        .rowMajor(theta + layout.wt(l), length: gh), into: w.gates[l], ldc: gh,
        accumulate: false)
    } else {
      for r in 0..<rows {
        copy(
          theta + layout.wt(l) + w.inputs[r] * gh + columns.lowerBound,
          to: (w.gates[l] + r * gh + columns.lowerBound), columns.count)
      }
    }
  }
}

/// Layer l through time, step by step: each phase's recurrent product for this part's columns,
/// then the cell's element-wise math for each stream (`GateMath`). Parts meet after each phase.
func recurrence<K: Kernels, G: GateMath>(
  _: K.Type, _: G.Type, _ theta: UnsafePointer<K.Scalar>, _ packed: GatedPackedWeights<K.Scalar>,
  _ w: GatedBuffers<K.Scalar>,
  layer l: Int, _ split: Split
) {
  let layout = w.layout
  let (h, gh, b) = (layout.h, layout.gh, w.streams)
  let units = split.share(h)
  let columns = layout.gateColumns(units)
  let u0 = units.lowerBound
  let (first, second) = (columns[0].lowerBound, columns.last!.lowerBound)
  let bias = theta + layout.bias(l)
  for s in 0..<w.steps {
    let (previous, a) = (w.hs[l] + s * b * h, w.gates[l] + s * b * gh)
    func row(_ j: Int) -> GateRow<K.Scalar> {
      let state = (s * b + j) * h + u0
      return GateRow(
        a: a + j * gh + first, second: a + j * gh + second, bias: bias + first,
        secondBias: bias + second, hPrevious: previous + j * h + u0,
        h: previous + b * h + j * h + u0, cPrevious: w.cs[l] + state, c: w.cs[l] + state + b * h,
        aux: w.aux[l] + state, count: units.count)
    }
    multiply(
      K.self, m: b, columns: columns[0], k: h, StridedMatrix(previous, row: h, column: 1),
      .packed(packed.uForward[l], rows: h), into: a, ldc: gh, accumulate: true)
    for j in 0..<b { G.forward(K.self, row(j)) }
    if layout.shape.twoPhase {
      split.barrier()
      multiply(
        K.self, m: b, columns: columns[1], k: h,
        StridedMatrix(w.aux[l] + s * b * h, row: h, column: 1),
        .packed(packed.uForward[l], rows: h), into: a, ldc: gh, accumulate: true)
      for j in 0..<b { G.finish(K.self, row(j)) }
    }
    split.barrier()
  }
}

/// Every layer's last states (h, and c for a cell that has one) into rows 0..<b, this part's
/// units: where the next window starts.
public func carryGatedStates<S: KernelScalar>(_ w: GatedBuffers<S>, _ split: Split = .whole) {
  let (h, units) = (w.layout.h, split.share(w.layout.h))
  let last = w.steps * w.streams * h
  for l in 0..<w.layout.layers {
    for j in 0..<w.streams {
      let row = j * h + units.lowerBound
      copy(w.hs[l] + last + row, to: w.hs[l] + row, units.count)
      if w.layout.shape.hasCellState {
        copy(w.cs[l] + last + row, to: w.cs[l] + row, units.count)
      }
    }
  }
}
