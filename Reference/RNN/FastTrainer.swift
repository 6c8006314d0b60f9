import CourseSupport
import Foundation

/// min-char-rnn's training step, the same math as `Reference.trainingStep` with the reference
/// functions, restructured for speed:
///
/// - all tensors live in flat buffers allocated once; Wxh is kept transposed (V × H) so that
///   reading column x_t, and adding to it, is a contiguous row;
/// - only what is truly sequential runs step by step: h_t = tanh(Wxh[:, x_t] + Whh·h_{t−1} + bh)
///   forward and dh_next = Whhᵀ·draw_t backward (two H × H passes per step);
/// - everything else waits for the whole window and is done as matrix–matrix products over
///   time: Y = Why·H, Whyᵀ·dY, dWhy = Σ dy_t·h_tᵀ, dWhh = Σ draw_t·h_{t−1}ᵀ.
///
/// It agrees with the reference to rounding (a test checks 1e-12 over 20 iterations) and with
/// numpy to the baseline's printed precision; `rnn bench` measures it.
public final class FastTrainer {
  public let hidden: Int
  public let vocabulary: Int
  public let sequenceLength: Int
  public let learningRate: Double
  public let clipLimit: Double?
  public private(set) var iteration = 0
  public private(set) var position = 0
  public private(set) var smoothLoss: Double

  // Parameters, gradients and Adagrad memory: one contiguous block each, in the order
  // WxhT (V×H), Whh (H×H), Why (V×H), bh (H), by (V).
  private let count: Int
  private let theta: UnsafeMutablePointer<Double>
  private let grad: UnsafeMutablePointer<Double>
  private let memory: UnsafeMutablePointer<Double>
  // Workspaces for one window.
  private let hs: UnsafeMutablePointer<Double>  // (T + 1) × H; row 0 is h_{−1}
  private let ys: UnsafeMutablePointer<Double>  // T × V, scores then probabilities then dY
  private let dhOut: UnsafeMutablePointer<Double>  // T × H: Whyᵀ·dy_t
  private let draw: UnsafeMutablePointer<Double>  // T × H
  private let dhNext: UnsafeMutablePointer<Double>  // H

  private var wxhT: UnsafeMutablePointer<Double> { theta }
  private var whh: UnsafeMutablePointer<Double> { theta + vocabulary * hidden }
  private var why: UnsafeMutablePointer<Double> { theta + vocabulary * hidden + hidden * hidden }
  private var bh: UnsafeMutablePointer<Double> { why + vocabulary * hidden }
  private var by: UnsafeMutablePointer<Double> { bh + hidden }

  /// Continues a run exactly where `state` left it (parameters, Adagrad's memory, hidden state,
  /// position, iteration and smoothed loss).
  public convenience init(
    state: TrainingState, sequenceLength: Int, learningRate: Double, clipLimit: Double? = 5
  ) {
    self.init(
      parameters: state.parameters, sequenceLength: sequenceLength, learningRate: learningRate,
      clipLimit: clipLimit)
    write(state.memory, to: memory)
    for i in 0..<hidden { hs[i] = state.hPrev[i] }
    position = state.position
    iteration = state.iteration
    smoothLoss = state.smoothLoss
  }

  public init(
    parameters p: RNNParameters, sequenceLength: Int, learningRate: Double, clipLimit: Double? = 5
  ) {
    hidden = p.hiddenSize
    vocabulary = p.vocabularySize
    self.sequenceLength = sequenceLength
    self.learningRate = learningRate
    self.clipLimit = clipLimit
    smoothLoss = -log(1 / Double(p.vocabularySize)) * Double(sequenceLength)
    let (h, v, t) = (hidden, vocabulary, sequenceLength)
    count = 2 * v * h + h * h + h + v
    theta = .allocate(capacity: count)
    grad = .allocate(capacity: count)
    memory = .allocate(capacity: count)
    memory.initialize(repeating: 0, count: count)
    hs = .allocate(capacity: (t + 1) * h)
    hs.initialize(repeating: 0, count: (t + 1) * h)
    ys = .allocate(capacity: t * v)
    dhOut = .allocate(capacity: t * h)
    draw = .allocate(capacity: t * h)
    dhNext = .allocate(capacity: h)
    load(p)
  }

  deinit {
    for buffer in [theta, grad, memory, hs, ys, dhOut, draw, dhNext] { buffer.deallocate() }
  }

  private func load(_ p: RNNParameters) { write(p, to: theta) }

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

  /// A block laid out as WxhT, Whh, Why, bh, by, in the course's layout.
  private func read(_ block: UnsafeMutablePointer<Double>) -> RNNParameters {
    let (h, v) = (hidden, vocabulary)
    var p = RNNParameters.zeros(hiddenSize: h, vocabularySize: v)
    for r in 0..<h {
      for c in 0..<v { p.Wxh[r, c] = block[c * h + r] }
    }
    p.Whh.scalars = Array(UnsafeBufferPointer(start: block + v * h, count: h * h))
    p.Why.scalars = Array(UnsafeBufferPointer(start: block + v * h + h * h, count: v * h))
    p.bh.scalars = Array(UnsafeBufferPointer(start: block + 2 * v * h + h * h, count: h))
    p.by.scalars = Array(UnsafeBufferPointer(start: block + 2 * v * h + h * h + h, count: v))
    return p
  }

  /// The parameters in the course's layout.
  public var parameters: RNNParameters { read(theta) }

  /// Everything needed to continue this run later, in the course's layout.
  public var state: TrainingState {
    TrainingState(
      parameters: read(theta), memory: read(memory),
      hPrev: Vector(Array(UnsafeBufferPointer(start: hs, count: hidden))), position: position,
      iteration: iteration, smoothLoss: smoothLoss)
  }

  /// One iteration over `data`, with min-char-rnn's window rule; returns the window's loss.
  @discardableResult
  public func step(_ data: [Int]) -> Double {
    let (h, t) = (hidden, sequenceLength)
    if position + t + 1 >= data.count {
      position = 0
      for i in 0..<h { hs[i] = 0 }
    }
    let loss = data.withUnsafeBufferPointer { d in
      forwardBackward(inputs: d.baseAddress! + position, targets: d.baseAddress! + position + 1)
    }
    if let limit = clipLimit {
      for i in 0..<count { grad[i] = min(max(grad[i], -limit), limit) }
    }
    let lr = learningRate
    for i in 0..<count {
      let g = grad[i]
      memory[i] += g * g
      theta[i] -= lr * g / (memory[i] + 1e-8).squareRoot()
    }
    // The last hidden state becomes the next window's h_{−1}.
    for i in 0..<h { hs[i] = hs[t * h + i] }
    smoothLoss = 0.999 * smoothLoss + 0.001 * loss
    position += t
    iteration += 1
    return loss
  }

  private func forwardBackward(inputs: UnsafePointer<Int>, targets: UnsafePointer<Int>) -> Double {
    let (h, v, t) = (hidden, vocabulary, sequenceLength)
    // Forward, sequential part: h_t = tanh(WxhT[x_t] + Whh·h_{t−1} + bh).
    for s in 0..<t {
      let previous = hs + s * h
      let current = hs + (s + 1) * h
      Kernels.matVec(whh, previous, bh, current, rows: h, cols: h)
      Kernels.axpy(1, wxhT + inputs[s] * h, current, h)
      for i in 0..<h { current[i] = tanh(current[i]) }
    }
    // Scores, softmax and loss for each step; ys becomes dY = P − onehot.
    var loss = 0.0
    for s in 0..<t {
      let y = ys + s * v
      Kernels.matVec(why, hs + (s + 1) * h, by, y, rows: v, cols: h)
      var m = y[0]
      for j in 1..<v where y[j] > m { m = y[j] }
      var sum = 0.0
      for j in 0..<v {
        y[j] = exp(y[j] - m)
        sum += y[j]
      }
      let scale = 1 / sum
      for j in 0..<v { y[j] *= scale }
      loss -= log(y[targets[s]])
      y[targets[s]] -= 1
    }
    grad.initialize(repeating: 0, count: count)
    let gWxhT = grad
    let gWhh = grad + v * h
    let gWhy = gWhh + h * h
    let gbh = gWhy + v * h
    let gby = gbh + h
    // Over all steps at once: dWhy = Σ dy_t·h_tᵀ, dby = Σ dy_t, and Whyᵀ·dy_t.
    Kernels.addATB(ys, hs + h, gWhy, k: t, m: v, n: h)
    for s in 0..<t {
      Kernels.axpy(1, ys + s * v, gby, v)
      Kernels.matTVec(why, ys + s * v, dhOut + s * h, rows: v, cols: h)
    }
    // Backward, sequential part: dh = Whyᵀdy_t + dh_next, draw = (1 − h²)⊙dh, dh_next = Whhᵀ·draw.
    for i in 0..<h { dhNext[i] = 0 }
    for s in stride(from: t - 1, through: 0, by: -1) {
      let current = hs + (s + 1) * h
      let d = draw + s * h
      for i in 0..<h { d[i] = (1 - current[i] * current[i]) * (dhOut[s * h + i] + dhNext[i]) }
      Kernels.axpy(1, d, gbh, h)
      Kernels.axpy(1, d, gWxhT + inputs[s] * h, h)
      Kernels.matTVec(whh, d, dhNext, rows: h, cols: h)
    }
    // dWhh = Σ draw_t·h_{t−1}ᵀ over all steps at once.
    Kernels.addATB(draw, hs, gWhh, k: t, m: h, n: h)
    return loss
  }
}
