import CourseSupport
import Dispatch
import Foundation

/// min-char-rnn's training step, the same math as `Reference.trainingStep` with the reference
/// functions, restructured for speed:
///
/// - all tensors live in flat buffers allocated once; Wxh is kept transposed (V × H) so that
///   reading column x_t, and adding to it, is a contiguous row;
/// - only what is truly sequential runs step by step: h_t = tanh(Wxh[:, x_t] + Whh·h_{t−1} + bh)
///   forward and dh_next = Whhᵀ·draw_t backward;
/// - everything else waits for the whole window and is done as matrix–matrix products over
///   time: Y = Why·H, Whyᵀ·dY, dWhy = Σ dy_t·h_tᵀ, dWhh = Σ draw_t·h_{t−1}ᵀ.
///
/// With `batch` B > 1 the data is cut into B contiguous streams, each with its own position and
/// carried hidden state; every iteration takes one window from each stream, sums their
/// gradients, clips, and makes one Adagrad update. The products over time then run over T·B
/// rows at once, and the streams are shared between two lanes on separate cores. (Reusing each
/// weight row for all streams inside the recurrence was measured slower than stream by stream.)
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
  public private(set) var iteration = 0
  /// Smoothed loss of one window (summed over its characters), averaged over the streams.
  public private(set) var smoothLoss: Double

  let count: Int
  let theta: UnsafeMutablePointer<Double>
  let memory: UnsafeMutablePointer<Double>
  let lanes: [Lane]

  /// Continues a batch-1 run exactly where `state` left it (parameters, Adagrad's memory, hidden
  /// state, position, iteration and smoothed loss).
  public convenience init(
    state: TrainingState, sequenceLength: Int, learningRate: Double, clipLimit: Double? = 5
  ) {
    self.init(
      parameters: state.parameters, sequenceLength: sequenceLength, learningRate: learningRate,
      clipLimit: clipLimit)
    write(state.memory, to: memory)
    for i in 0..<hidden { lanes[0].hs[i] = state.hPrev[i] }
    lanes[0].positions[0] = state.position
    iteration = state.iteration
    smoothLoss = state.smoothLoss
  }

  public init(
    parameters p: RNNParameters, batch: Int = 1, sequenceLength: Int, learningRate: Double,
    clipLimit: Double? = 5, lanes laneCount: Int = 2
  ) {
    hidden = p.hiddenSize
    vocabulary = p.vocabularySize
    self.batch = batch
    self.sequenceLength = sequenceLength
    self.learningRate = learningRate
    self.clipLimit = clipLimit
    smoothLoss = -log(1 / Double(p.vocabularySize)) * Double(sequenceLength)
    count = 2 * vocabulary * hidden + hidden * hidden + hidden + vocabulary
    theta = .allocate(capacity: count)
    memory = .allocate(capacity: count)
    memory.initialize(repeating: 0, count: count)
    let used = max(1, min(laneCount, batch))
    lanes = (0..<used).map { k in
      let streams = Array(stride(from: k, to: batch, by: used))
      return Lane(
        streams: streams, hidden: p.hiddenSize, vocabulary: p.vocabularySize,
        sequenceLength: sequenceLength)
    }
    write(p, to: theta)
  }

  /// Copies a tensor set into a block laid out as WxhT, Whh, Why, bh, by.
  private func write(_ p: RNNParameters, to block: UnsafeMutablePointer<Double>) {
    let (h, v) = (hidden, vocabulary)
    for r in 0..<h {
      for c in 0..<v { block[c * h + r] = p.Wxh[r, c] }
    }
    var offset = v * h
    for values in [p.Whh.scalars, p.Why.scalars, p.bh.scalars, p.by.scalars] {
      for (i, x) in values.enumerated() { block[offset + i] = x }
      offset += values.count
    }
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
        ? Vector(Array(UnsafeBufferPointer(start: lanes[0].hs, count: hidden))) : .zeros(hidden),
      position: single ? lanes[0].positions[0] : 0, iteration: iteration, smoothLoss: smoothLoss)
  }

  private func read(_ block: UnsafeMutablePointer<Double>) -> RNNParameters {
    let theta = block
    let (h, v) = (hidden, vocabulary)
    var p = RNNParameters.zeros(hiddenSize: h, vocabularySize: v)
    for r in 0..<h {
      for c in 0..<v { p.Wxh[r, c] = theta[c * h + r] }
    }
    p.Whh.scalars = Array(UnsafeBufferPointer(start: theta + v * h, count: h * h))
    p.Why.scalars = Array(UnsafeBufferPointer(start: theta + v * h + h * h, count: v * h))
    p.bh.scalars = Array(UnsafeBufferPointer(start: theta + 2 * v * h + h * h, count: h))
    p.by.scalars = Array(UnsafeBufferPointer(start: theta + 2 * v * h + h * h + h, count: v))
    return p
  }

  /// One iteration; returns the windows' summed loss averaged over the streams.
  @discardableResult
  public func step(_ data: [Int]) -> Double {
    let streamLength = data.count / batch
    let weights = UnsafePointer(theta)
    let (h, v) = (hidden, vocabulary)
    data.withUnsafeBufferPointer { d in
      // The lanes write only their own buffers and read the shared weights and data.
      let shared = SharedInputs(weights: weights, data: d.baseAddress!)
      let lanes = self.lanes
      let work: @Sendable (Int) -> Void = { k in
        lanes[k].run(
          shared.weights, data: shared.data, streamLength: streamLength, hidden: h, vocabulary: v)
      }
      if lanes.count == 1 {
        work(0)
      } else {
        DispatchQueue.concurrentPerform(iterations: lanes.count, execute: work)
      }
    }
    // Sum the lanes' gradients into the first lane's, then clip and update.
    let total = lanes[0].grad
    for lane in lanes.dropFirst() { Kernels.axpy(1, lane.grad, total, count) }
    if let limit = clipLimit {
      for i in 0..<count { total[i] = min(max(total[i], -limit), limit) }
    }
    for i in 0..<count {
      let g = total[i]
      memory[i] += g * g
      theta[i] -= learningRate * g / (memory[i] + 1e-8).squareRoot()
    }
    let loss = lanes.reduce(0) { $0 + $1.loss } / Double(batch)
    smoothLoss = 0.999 * smoothLoss + 0.001 * loss
    iteration += 1
    return loss
  }
}

/// Read-only pointers handed to the lanes for one iteration.
private struct SharedInputs: @unchecked Sendable {
  let weights: UnsafePointer<Double>
  let data: UnsafePointer<Int>
}

/// Some of the streams, with their positions, hidden states, workspace and gradient sum.
final class Lane: @unchecked Sendable {
  let streams: [Int]
  let b: Int  // streams in this lane
  let t: Int
  var positions: [Int]
  let count: Int
  let grad: UnsafeMutablePointer<Double>
  let hs: UnsafeMutablePointer<Double>  // (T + 1) × b × H; step 0 holds each stream's h_{−1}
  let ys: UnsafeMutablePointer<Double>  // T × b × V
  let dhOut: UnsafeMutablePointer<Double>  // T × b × H
  let draw: UnsafeMutablePointer<Double>  // T × b × H
  let dhNext: UnsafeMutablePointer<Double>  // b × H
  let inputs: UnsafeMutablePointer<Int>  // T × b
  let targets: UnsafeMutablePointer<Int>  // T × b
  var loss = 0.0

  init(streams: [Int], hidden h: Int, vocabulary v: Int, sequenceLength: Int) {
    self.streams = streams
    b = streams.count
    t = sequenceLength
    positions = Array(repeating: 0, count: streams.count)
    count = 2 * v * h + h * h + h + v
    grad = .allocate(capacity: count)
    hs = .allocate(capacity: (t + 1) * b * h)
    hs.initialize(repeating: 0, count: (t + 1) * b * h)
    ys = .allocate(capacity: t * b * v)
    dhOut = .allocate(capacity: t * b * h)
    draw = .allocate(capacity: t * b * h)
    dhNext = .allocate(capacity: b * h)
    inputs = .allocate(capacity: t * b)
    targets = .allocate(capacity: t * b)
  }

  deinit {
    for buffer in [grad, hs, ys, dhOut, draw, dhNext] { buffer.deallocate() }
    inputs.deallocate()
    targets.deallocate()
  }

  /// Forward and backward over one window of each of this lane's streams, into `grad`.
  func run(
    _ theta: UnsafePointer<Double>, data: UnsafePointer<Int>, streamLength: Int, hidden h: Int,
    vocabulary v: Int
  ) {
    let wxhT = theta
    let whh = theta + v * h
    let why = whh + h * h
    let bh = why + v * h
    let by = bh + h
    // Windows, with min-char-rnn's rule per stream.
    for j in 0..<b {
      if positions[j] + t + 1 >= streamLength {
        positions[j] = 0
        for i in 0..<h { hs[j * h + i] = 0 }
      }
      let start = streams[j] * streamLength + positions[j]
      for s in 0..<t {
        inputs[s * b + j] = data[start + s]
        targets[s * b + j] = data[start + s + 1]
      }
      positions[j] += t
    }
    // Forward: h = tanh(WxhT[x] + Whh·h_prev + bh), stream by stream.
    for s in 0..<t {
      let previous = hs + s * b * h
      let current = hs + (s + 1) * b * h
      for j in 0..<b {
        Kernels.matVec(whh, previous + j * h, bh, current + j * h, rows: h, cols: h)
      }
      for j in 0..<b {
        Kernels.axpy(1, wxhT + inputs[s * b + j] * h, current + j * h, h)
        for i in 0..<h { current[j * h + i] = tanh(current[j * h + i]) }
      }
    }
    // Scores for every step and stream; softmax, loss, dY.
    let n = t * b
    for k in 0..<n { Kernels.matVec(why, hs + b * h + k * h, by, ys + k * v, rows: v, cols: h) }
    loss = 0
    for k in 0..<n {
      let y = ys + k * v
      var m = y[0]
      for c in 1..<v where y[c] > m { m = y[c] }
      var sum = 0.0
      for c in 0..<v {
        y[c] = exp(y[c] - m)
        sum += y[c]
      }
      let scale = 1 / sum
      for c in 0..<v { y[c] *= scale }
      loss -= log(y[targets[k]])
      y[targets[k]] -= 1
    }
    grad.initialize(repeating: 0, count: count)
    let gWxhT = grad
    let gWhh = grad + v * h
    let gWhy = gWhh + h * h
    let gbh = gWhy + v * h
    let gby = gbh + h
    // dWhy = Σ dy·hᵀ, dby = Σ dy, Whyᵀ·dy: all steps and streams at once.
    Kernels.addATB(ys, hs + b * h, gWhy, k: n, m: v, n: h)
    for k in 0..<n { Kernels.axpy(1, ys + k * v, gby, v) }
    for i in 0..<(n * h) { dhOut[i] = 0 }
    for k in 0..<n {
      let dy = ys + k * v
      for r in 0..<v where dy[r] != 0 { Kernels.axpy(dy[r], why + r * h, dhOut + k * h, h) }
    }
    // Backward through time: dh = Whyᵀdy + dh_next, draw = (1 − h²)⊙dh, dh_next = Whhᵀ·draw.
    for i in 0..<(b * h) { dhNext[i] = 0 }
    for s in stride(from: t - 1, through: 0, by: -1) {
      let current = hs + (s + 1) * b * h
      let d = draw + s * b * h
      for i in 0..<(b * h) {
        d[i] = (1 - current[i] * current[i]) * (dhOut[s * b * h + i] + dhNext[i])
      }
      for j in 0..<b {
        Kernels.axpy(1, d + j * h, gbh, h)
        Kernels.axpy(1, d + j * h, gWxhT + inputs[s * b + j] * h, h)
      }
      for j in 0..<b { Kernels.matTVec(whh, d + j * h, dhNext + j * h, rows: h, cols: h) }
    }
    // dWhh = Σ draw·h_prevᵀ over all steps and streams.
    Kernels.addATB(draw, hs, gWhh, k: n, m: h, n: h)
    // The last hidden states carry into the next window.
    for i in 0..<(b * h) { hs[i] = hs[t * b * h + i] }
  }
}
