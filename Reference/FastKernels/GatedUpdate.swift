/// Clip and the optimizer's step on this part's share of the block (Adam when `momentum` is
/// given, with its bias corrections, otherwise Adagrad), then, once every part is done, the
/// repacking of this part's panels. Every part's gradients must be complete.
public func updateGated<K: Kernels>(
  _: K.Type, _ theta: UnsafeMutablePointer<K.Scalar>, memory: UnsafeMutablePointer<K.Scalar>,
  momentum: UnsafeMutablePointer<K.Scalar>?,
  grad: UnsafePointer<K.Scalar>, layout: GatedLayout, packed: GatedPackedWeights<K.Scalar>,
  learningRate: Double,
  corrections: (Double, Double), clipLimit: Double?, _ split: Split = .whole
) {
  let mine = split.share(layout.count)
  let o = mine.lowerBound
  if let momentum {
    K.adam(
      theta + o, momentum: momentum + o, memory: memory + o, grad: grad + o, count: mine.count,
      learningRate: learningRate, corrections: corrections, clipLimit: clipLimit)
  } else {
    K.adagrad(
      theta + o, memory: memory + o, grad: grad + o, count: mine.count,
      learningRate: learningRate, clipLimit: clipLimit)
  }
  split.barrier()
  repackGated(K.self, theta, layout, into: packed, split)
}

/// The panels the products read, from the parameters in `theta` (after every update), this
/// part's panels: a panel of columns c0..<c0+8 of a transposed source is its rows c0..<c0+8.
public func repackGated<K: Kernels>(
  _: K.Type, _ theta: UnsafePointer<K.Scalar>, _ layout: GatedLayout,
  into packed: GatedPackedWeights<K.Scalar>,
  _ split: Split = .whole
) {
  let (h, gh) = (layout.h, layout.gh)
  let units = split.share(h)
  let u0 = units.lowerBound
  for l in 0..<layout.layers {
    let ut = theta + layout.ut(l)
    for columns in layout.gateColumns(units) {
      K.pack(
        ut + columns.lowerBound, rows: h, columns: columns.count, transposed: false,
        rowLength: gh, into: packed.uForward[l] + columns.lowerBound * h)
    }
    // Each phase's rows of U, for dh_{t−1} = dA·U: the first phase's d·h rows, then the rest.
    let first = layout.shape.direct * h
    K.pack(
      ut + u0 * gh, rows: first, columns: units.count, transposed: true, rowLength: gh,
      into: packed.uBackward[l] + u0 * first)
    if layout.shape.twoPhase {
      K.pack(
        ut + first + u0 * gh, rows: gh - first, columns: units.count, transposed: true,
        rowLength: gh, into: packed.uBackward[l] + first * h + u0 * (gh - first))
    }
    if layout.readsVectors(l) {
      let inputs = split.share(layout.inputRows(l))
      K.pack(
        theta + layout.wt(l) + inputs.lowerBound * gh, rows: gh, columns: inputs.count,
        transposed: true, rowLength: gh, into: packed.wBackward[l] + inputs.lowerBound * gh)
    }
  }
  let classes = split.share(layout.v)
  K.pack(
    theta + layout.why + classes.lowerBound * h, rows: h, columns: classes.count,
    transposed: true, rowLength: h, into: packed.whyT + classes.lowerBound * h)
}
