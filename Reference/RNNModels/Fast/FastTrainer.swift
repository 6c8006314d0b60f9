import CourseSupport
import FastKernels
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
/// - exp and tanh are computed eight at a time;
/// - with two cores, two threads share every window (`Crew`): each owns half of the hidden
///   units, i.e. half of every product's output columns and of Whh's packed panels, and they
///   meet once per time step; the result is the same bits as one thread's.
///
/// With `batch` B > 1 the data is cut into B contiguous streams, each with its own position and
/// carried hidden state; every iteration takes one window from each stream, sums their
/// gradients, clips, and makes one Adagrad update. Every product then has B rows, so each
/// weight read from memory serves B streams.
///
/// In double precision it agrees with the reference to rounding (tests check 1e-12 on the
/// losses); in single precision (`Scalar` = Float, `--precision float32`) to the tolerance the
/// tests state. `rnn bench` measures it.
public final class VanillaFastTrainer<Scalar: KernelScalar> {
  /// H, the hidden units.
  public let hidden: Int
  /// V, the characters read and scored.
  public let vocabulary: Int
  /// T, the characters of each window.
  public let sequenceLength: Int
  /// B, the streams trained side by side.
  public let batch: Int
  /// The rate of the next update (a schedule may change it between iterations).
  public var learningRate: Double
  /// Element-wise gradient clipping; nil turns it off.
  public let clipLimit: Double?
  /// The loops it runs (`fastestKernels` unless told).
  public let kernels: any Kernels<Scalar>.Type
  /// Which windows start from a zero state, besides those that wrap to their stream's start.
  public var resets = StateResets.never
  /// Iterations done so far.
  public private(set) var iteration = 0
  /// Smoothed loss of one window (summed over its characters), averaged over the streams.
  public private(set) var smoothLoss: Double

  let layout: FastLayout
  let theta: UnsafeMutablePointer<Scalar>
  let memory: UnsafeMutablePointer<Scalar>
  let packed: PackedWeights<Scalar>
  let streams: Streams<Scalar>
  /// Two threads that share every window, where there are two cores and `threads` allows it;
  /// `choice` keeps using them only while they are faster than one.
  let crew: Crew?
  private var choice: ThreadChoice

  /// Continues a batch-1 run exactly where `state` left it (parameters, Adagrad's memory, hidden
  /// state, position, iteration and smoothed loss).
  public convenience init(
    state: TrainingState, sequenceLength: Int, learningRate: Double, clipLimit: Double? = 5,
    threads: ThreadUse = .measured, kernels: any Kernels<Scalar>.Type = fastestKernels(Scalar.self)
  ) {
    self.init(
      parameters: state.parameters, sequenceLength: sequenceLength, learningRate: learningRate,
      clipLimit: clipLimit, threads: threads, kernels: kernels)
    layout.write(state.memory, to: memory)
    for i in 0..<hidden { streams.buffers.hs[i] = Scalar(state.hPrev[i]) }
    streams.positions[0] = state.position
    iteration = state.iteration
    smoothLoss = state.smoothLoss
  }

  /// A fresh run from `p`: zero Adagrad memory and hidden states, every stream at its start, and
  /// the smoothed loss of a uniform guess, −ln(1/V)·T.
  public init(
    parameters p: RNNParameters, batch: Int = 1, sequenceLength: Int, learningRate: Double,
    clipLimit: Double? = 5, threads: ThreadUse = .measured,
    kernels: any Kernels<Scalar>.Type = fastestKernels(Scalar.self)
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
    theta = cacheAligned(layout.count)
    memory = cacheAligned(layout.count)
    packed = PackedWeights(layout: layout)
    streams = Streams(count: batch, layout: layout, sequenceLength: sequenceLength)
    crew = threads.makeCrew()
    choice = ThreadChoice(threads)
    layout.write(p, to: theta)
    repack(kernels, theta, layout, into: packed)
  }

  deinit {
    crew?.stop()
    theta.deallocate()
    memory.deallocate()
  }

  /// The parameters in the course's layout.
  public var parameters: RNNParameters { layout.read(theta) }

  /// Everything needed to continue a batch-1 run. With several streams, their own positions and
  /// hidden states are not kept (hPrev and position are zero): such a run is sampled from, not
  /// resumed.
  public var state: TrainingState {
    let single = batch == 1
    return TrainingState(
      parameters: layout.read(theta), memory: layout.read(memory),
      hPrev: single
        ? Vector((0..<hidden).map { streams.buffers.hs[$0].double })
        : .zeros(hidden),
      position: single ? streams.positions[0] : 0, iteration: iteration, smoothLoss: smoothLoss)
  }

  /// One iteration; returns the windows' summed loss averaged over the streams.
  @discardableResult
  public func step(_ data: [Int]) -> Double {
    data.withUnsafeBufferPointer {
      streams.take(
        $0.baseAddress!, streamLength: data.count / batch, resets: resets, iteration: self.iteration
      )
    }
    let (theta, memory, packed, kernels) = (Shared(theta), Shared(memory), packed, kernels)
    let (layout, rate, clip, buffers) = (layout, learningRate, clipLimit, streams.buffers)
    let iteration: @Sendable (Split) -> Void = { split in
      trainWindow(kernels, UnsafePointer(theta.pointer), packed, buffers, split)
      split.barrier()
      update(
        kernels, theta.pointer, memory: memory.pointer, grad: buffers.grad, layout: layout,
        packed: packed, learningRate: rate, clipLimit: clip, split)
    }
    choice.run { two in runSplit(on: crew, twoThreads: two, iteration) }
    let loss = FastKernels.loss(of: buffers) / Double(batch)
    smoothLoss = 0.999 * smoothLoss + 0.001 * loss
    self.iteration += 1
    return loss
  }
}

extension VanillaFastTrainer {
  /// `Reference.validationLoss` on the fast path: windows of `sequenceLength` from the start,
  /// the hidden state carried from zero, no learning. NaN when no window fits.
  public func validationLoss(_ data: [Int], sequenceLength t: Int) -> Double {
    validationLoss(data, sequenceLength: t, fromCarried: false)
  }

  /// The same, starting from zero or (`fromCarried`) from the state the first stream carries
  /// into its next training window (`FreshStateCheck`).
  public func validationLoss(_ data: [Int], sequenceLength t: Int, fromCarried: Bool) -> Double {
    let w = WindowBuffers<Scalar>(layout: layout, steps: t, streams: 1)
    if fromCarried { copy(streams.buffers.hs, to: w.hs, layout.h) }
    return lossPerCharacter(data, steps: t, inputs: w.inputs, targets: w.targets) {
      scoreWindow(kernels, UnsafePointer(theta), packed, w)
      return FastKernels.loss(of: w)
    }
  }
}

extension FastLayout {
  /// Copies ex01's tensors into a block with this layout, rounded to its precision (the padding
  /// stays zero).
  func write<S: KernelScalar>(_ p: RNNParameters, to block: UnsafeMutablePointer<S>) {
    for r in 0..<hidden {
      for c in 0..<vocabulary { block[wxhT + c * h + r] = S(p.Wxh[r, c]) }
      for c in 0..<hidden { block[whh + r * h + c] = S(p.Whh[r, c]) }
      block[bh + r] = S(p.bh[r])
    }
    for r in 0..<vocabulary {
      for c in 0..<hidden { block[why + r * h + c] = S(p.Why[r, c]) }
      block[by + r] = S(p.by[r])
    }
  }

  /// The block's numbers as ex01's tensors.
  func read<S: KernelScalar>(_ block: UnsafeMutablePointer<S>) -> RNNParameters {
    var p = RNNParameters.zeros(hiddenSize: hidden, vocabularySize: vocabulary)
    for r in 0..<hidden {
      for c in 0..<vocabulary { p.Wxh[r, c] = block[wxhT + c * h + r].double }
      for c in 0..<hidden { p.Whh[r, c] = block[whh + r * h + c].double }
      p.bh[r] = block[bh + r].double
    }
    for r in 0..<vocabulary {
      for c in 0..<hidden { p.Why[r, c] = block[why + r * h + c].double }
      p.by[r] = block[by + r].double
    }
    return p
  }
}

/// The vanilla fast path in double precision: what the tests compare with the reference.
public typealias FastTrainer = VanillaFastTrainer<Double>

/// Pointers handed to the threads of one iteration; each thread writes only its own share.
struct Shared<S>: @unchecked Sendable {
  let pointer: UnsafeMutablePointer<S>
  init(_ p: UnsafeMutablePointer<S>) { pointer = p }
}

/// The streams' positions and their window buffers.
final class Streams<S: KernelScalar> {
  var positions: [Int]
  let buffers: WindowBuffers<S>

  init(count: Int, layout: FastLayout, sequenceLength: Int) {
    positions = Array(repeating: 0, count: count)
    buffers = WindowBuffers(layout: layout, steps: sequenceLength, streams: count)
  }

  /// The next window of each stream (`takeWindows`).
  func take(
    _ data: UnsafePointer<Int>, streamLength: Int, resets: StateResets, iteration: Int
  ) {
    let (h, hs) = (buffers.layout.h, buffers.hs)
    takeWindows(
      data, streamLength: streamLength, positions: &positions, steps: buffers.steps,
      inputs: buffers.inputs, targets: buffers.targets, resets: resets, iteration: iteration,
      reset: { zero(hs + $0 * h, h) })
  }
}
