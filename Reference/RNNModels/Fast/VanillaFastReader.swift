import CourseSupport
import FastKernels

/// min-char-rnn's model reading one character at a time on the fast path: the training window's
/// forward pass (`scoreWindow`) at T = 1 and one stream, in double precision, with the softmax's
/// probabilities read back as scores ln p (`logProbabilities`).
public final class VanillaFastReader: CharacterReader {
  let layout: FastLayout
  let kernels: any Kernels<Double>.Type
  let theta: UnsafeMutablePointer<Double>
  let packed: PackedWeights<Double>
  let buffers: WindowBuffers<Double>

  /// ex01's `p`, from the hidden state `h`.
  public init(_ p: RNNParameters, from h: Vector) {
    layout = FastLayout(hidden: p.hiddenSize, vocabulary: p.vocabularySize)
    kernels = fastestKernels(Double.self)
    theta = cacheAligned(layout.count)
    packed = PackedWeights(layout: layout)
    buffers = WindowBuffers(layout: layout, steps: 1, streams: 1)
    layout.write(p, to: theta)
    for u in 0..<layout.hidden { buffers.hs[u] = h[u] }
    repack(kernels, theta, layout, into: packed)
  }

  deinit { theta.deallocate() }

  /// ln p of every next character: see `CharacterReader.read`.
  public func read(_ x: Int) -> Vector {
    buffers.inputs[0] = x
    buffers.targets[0] = 0
    scoreWindow(kernels, theta, packed, buffers)
    return logProbabilities(
      row: buffers.ys, count: layout.vocabulary, targetLoss: buffers.losses[0])
  }

  /// See `CharacterReader.hidden`.
  public var hidden: Vector { Vector((0..<layout.hidden).map { buffers.hs[$0] }) }
}
