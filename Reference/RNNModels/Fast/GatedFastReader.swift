import CourseSupport
import FastKernels

/// A gated model reading one character at a time on the fast path: the training window's forward
/// pass at T = 1 and one stream, in double precision, with the softmax's probabilities read back
/// as scores ln p (`logProbabilities`). `rnn bench --model lstm` measures it against `step`.
public final class GatedFastReader<Cell: GatedCell>: CharacterReader {
  let layout: GatedLayout
  let kernels: any Kernels<Double>.Type
  let theta: UnsafeMutablePointer<Double>
  let packed: GatedPackedWeights<Double>
  let buffers: GatedBuffers<Double>

  /// `model` with `p`, from `state`.
  public init(
    _ model: CharModel<Cell>, parameters p: CharModel<Cell>.Parameters,
    from state: CharModel<Cell>.State
  ) {
    let spec = model.spec
    layout = GatedLayout(
      shape: Cell.shape, hidden: spec.hiddenSize, vocabulary: spec.vocabularySize,
      embedding: spec.embedding, layers: spec.layers)
    kernels = fastestKernels(Double.self)
    theta = cacheAligned(layout.count)
    packed = GatedPackedWeights(layout: layout)
    buffers = GatedBuffers(layout: layout, steps: 1, streams: 1)
    GatedBlock<Cell>(layout: layout, shape: model.zeroParameters()).write(p, to: theta)
    GatedBlock<Cell>.write(state, into: buffers, stream: 0)
    repackGated(kernels, theta, layout, into: packed)
  }

  deinit { theta.deallocate() }

  /// ln p of every next character: see `CharacterReader.read`.
  public func read(_ x: Int) -> Vector {
    buffers.inputs[0] = x
    buffers.targets[0] = 0
    forward(kernels)
    return logProbabilities(
      row: buffers.ys, count: layout.vocabulary, targetLoss: buffers.losses[0])
  }

  private func forward<K: Kernels>(_: K.Type) where K.Scalar == Double {
    forwardGatedWindow(K.self, Cell.self, theta, packed, buffers)
    carryGatedStates(buffers)
  }

  /// See `CharacterReader.hidden`.
  public var hidden: Vector {
    Vector((0..<layout.hidden).map { buffers.hs[layout.layers - 1][$0] })
  }
}
