import CourseSupport
import Dispatch
import FastKernels
import FastKernelsWide
import Foundation

/// min-char-rnn's training step, the same math as `Reference.trainingStep` with the reference
/// functions, restructured for speed (the kernels are in Reference/FastKernels, `trainWindow`):
///
/// - all tensors live in flat buffers allocated once, with H and V padded to multiples of 8;
///   Wxh is kept transposed (V × H) so that reading column x_t, and adding to it, is a row;
/// - only what is truly sequential runs step by step: h_t = tanh(Wxh[:, x_t] + Whh·h_{t−1} + bh)
///   forward and dh_next = Whhᵀ·draw_t backward, on copies of Whh packed so they stream;
/// - everything else waits for the whole window and is done as matrix–matrix products over
///   time: Y = H·Whyᵀ, dY·Why, dWhy = dYᵀ·H, dWhh = dRAWᵀ·H_prev;
/// - exp and tanh are computed four at a time.
///
/// With `batch` B > 1 the data is cut into B contiguous streams, each with its own position and
/// carried hidden state; every iteration takes one window from each stream, sums their
/// gradients, clips, and makes one Adagrad update. The products then run over B rows at once,
/// and the streams are shared between two lanes on separate cores.
///
/// It agrees with the reference to rounding (tests check 1e-12 on the losses); `rnn bench`
/// measures it.
public final class FastTrainer {
  public let hidden: Int
  public let vocabulary: Int
  public let sequenceLength: Int
  public let batch: Int
  public let learningRate: Double
  public let clipLimit: Double?
  public let kernels: any Kernels.Type
  public private(set) var iteration = 0
  /// Smoothed loss of one window (summed over its characters), averaged over the streams.
  public private(set) var smoothLoss: Double

  let layout: FastLayout
  let theta: UnsafeMutablePointer<Double>
  let memory: UnsafeMutablePointer<Double>
  let packed: PackedWeights
  let lanes: [Lane]

  /// Continues a batch-1 run exactly where `state` left it (parameters, Adagrad's memory, hidden
  /// state, position, iteration and smoothed loss).
  public convenience init(
    state: TrainingState, sequenceLength: Int, learningRate: Double, clipLimit: Double? = 5,
    kernels: any Kernels.Type = fastestKernels
  ) {
    self.init(
      parameters: state.parameters, sequenceLength: sequenceLength, learningRate: learningRate,
      clipLimit: clipLimit, kernels: kernels)
    write(state.memory, to: memory)
    for i in 0..<hidden { lanes[0].buffers.hs[i] = state.hPrev[i] }
    lanes[0].positions[0] = state.position
    iteration = state.iteration
    smoothLoss = state.smoothLoss
  }

  public init(
    parameters p: RNNParameters, batch: Int = 1, sequenceLength: Int, learningRate: Double,
    clipLimit: Double? = 5, lanes laneCount: Int = 2, kernels: any Kernels.Type = fastestKernels
  ) {
    hidden = p.hiddenSize
    vocabulary = p.vocabularySize
    self.batch = batch
    self.sequenceLength = sequenceLength
    self.learningRate = learningRate
    self.clipLimit = clipLimit
    self.kernels = kernels
    smoothLoss = -log(1 / Double(p.vocabularySize)) * Double(sequenceLength)
    layout = FastLayout(hidden: p.hiddenSize, vocabulary: p.vocabularySize)
    theta = .allocate(capacity: layout.count)
    theta.initialize(repeating: 0, count: layout.count)
    memory = .allocate(capacity: layout.count)
    memory.initialize(repeating: 0, count: layout.count)
    packed = PackedWeights(layout: layout)
    let used = max(1, min(laneCount, batch))
    lanes = (0..<used).map { [layout] k in
      Lane(
        streams: Array(stride(from: k, to: batch, by: used)), layout: layout,
        sequenceLength: sequenceLength)
    }
    write(p, to: theta)
    repack(kernels, theta, layout, into: packed)
  }

  /// Copies a tensor set into a block with `layout` (the padding stays zero).
  private func write(_ p: RNNParameters, to block: UnsafeMutablePointer<Double>) {
    let (h, v, l) = (hidden, vocabulary, layout)
    for r in 0..<h {
      for c in 0..<v { block[l.wxhT + c * l.h + r] = p.Wxh[r, c] }
      for c in 0..<h { block[l.whh + r * l.h + c] = p.Whh[r, c] }
      block[l.bh + r] = p.bh[r]
    }
    for r in 0..<v {
      for c in 0..<h { block[l.why + r * l.h + c] = p.Why[r, c] }
      block[l.by + r] = p.by[r]
    }
  }

  private func read(_ block: UnsafeMutablePointer<Double>) -> RNNParameters {
    let (h, v, l) = (hidden, vocabulary, layout)
    var p = RNNParameters.zeros(hiddenSize: h, vocabularySize: v)
    for r in 0..<h {
      for c in 0..<v { p.Wxh[r, c] = block[l.wxhT + c * l.h + r] }
      for c in 0..<h { p.Whh[r, c] = block[l.whh + r * l.h + c] }
      p.bh[r] = block[l.bh + r]
    }
    for r in 0..<v {
      for c in 0..<h { p.Why[r, c] = block[l.why + r * l.h + c] }
      p.by[r] = block[l.by + r]
    }
    return p
  }

  deinit {
    theta.deallocate()
    memory.deallocate()
  }

  /// The parameters in the course's layout.
  public var parameters: RNNParameters { read(theta) }

  /// Everything needed to continue a batch-1 run. With several streams, their own positions and
  /// hidden states are not kept (hPrev and position are zero): such a run is sampled from, not
  /// resumed.
  public var state: TrainingState {
    let single = batch == 1
    return TrainingState(
      parameters: read(theta), memory: read(memory),
      hPrev: single
        ? Vector(Array(UnsafeBufferPointer(start: lanes[0].buffers.hs, count: hidden)))
        : .zeros(hidden),
      position: single ? lanes[0].positions[0] : 0, iteration: iteration, smoothLoss: smoothLoss)
  }

  /// One iteration; returns the windows' summed loss averaged over the streams.
  @discardableResult
  public func step(_ data: [Int]) -> Double {
    let streamLength = data.count / batch
    let (weights, packed, kernels) = (SharedPointer(theta), packed, kernels)
    let lanes = self.lanes
    data.withUnsafeBufferPointer { d in
      // The lanes write only their own buffers and read the shared weights and data.
      let data = SharedData(d.baseAddress!)
      let work: @Sendable (Int) -> Void = { k in
        lanes[k].take(data.pointer, streamLength: streamLength)
        lanes[k].loss = trainWindow(kernels, weights.pointer, packed, lanes[k].buffers)
      }
      if lanes.count == 1 {
        work(0)
      } else {
        DispatchQueue.concurrentPerform(iterations: lanes.count, execute: work)
      }
    }
    // Sum the lanes' gradients into the first lane's, then clip, update and repack.
    let total = lanes[0].buffers.grad
    for lane in lanes.dropFirst() {
      kernels.add(lane.buffers.grad, into: total, count: layout.count)
    }
    kernels.adagrad(
      theta, memory: memory, grad: total, count: layout.count, learningRate: learningRate,
      clipLimit: clipLimit)
    repack(kernels, theta, layout, into: packed)
    let loss = lanes.reduce(0) { $0 + $1.loss } / Double(batch)
    smoothLoss = 0.999 * smoothLoss + 0.001 * loss
    iteration += 1
    return loss
  }
}

/// Read-only pointers handed to the lanes for one iteration.
private struct SharedPointer: @unchecked Sendable {
  let pointer: UnsafePointer<Double>
  init(_ p: UnsafeMutablePointer<Double>) { pointer = UnsafePointer(p) }
}

private struct SharedData: @unchecked Sendable {
  let pointer: UnsafePointer<Int>
  init(_ p: UnsafePointer<Int>) { pointer = p }
}

/// Some of the streams, with their positions and their window buffers.
final class Lane: @unchecked Sendable {
  let streams: [Int]
  var positions: [Int]
  let buffers: WindowBuffers
  var loss = 0.0

  init(streams: [Int], layout: FastLayout, sequenceLength: Int) {
    self.streams = streams
    positions = Array(repeating: 0, count: streams.count)
    buffers = WindowBuffers(layout: layout, steps: sequenceLength, streams: streams.count)
  }

  /// The next window of each stream, with min-char-rnn's rule: when a window would run past
  /// the end, that stream starts again from its beginning with h = 0.
  func take(_ data: UnsafePointer<Int>, streamLength: Int) {
    let (b, t, h) = (streams.count, buffers.steps, buffers.layout.h)
    for j in 0..<b {
      if positions[j] + t + 1 >= streamLength {
        positions[j] = 0
        buffers.hs.advanced(by: j * h).update(repeating: 0, count: h)
      }
      let start = streams[j] * streamLength + positions[j]
      for s in 0..<t {
        buffers.inputs[s * b + j] = data[start + s]
        buffers.targets[s * b + j] = data[start + s + 1]
      }
      positions[j] += t
    }
  }
}
