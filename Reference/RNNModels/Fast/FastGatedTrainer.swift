import CourseSupport
import FastKernels
import Foundation

/// The reference training loop (`Reference.trainingStep`) for a `CharModel` of gated layers (any
/// `GatedCell`: LSTM, GRU, MGU; any depth, one-hot or embedded input, Adagrad or Adam, clipping),
/// restructured for speed as the vanilla `FastTrainer` is (Reference/FastKernels,
/// `forwardGatedWindow`):
///
/// - every tensor lives in one flat block, H, V and E padded to multiples of 8, the gates of
///   8 units side by side so each block of units is one run of columns;
/// - a layer's input products for a whole window are one matrix product (for one-hot
///   characters, a row of WT each), and only the recurrent products run step by step;
/// - the output layer and every weight gradient are matrix–matrix products over the window.
///
/// With `batch` B > 1 the data is cut into B contiguous streams, each with its own position and
/// carried state; an iteration takes one window from each, sums their gradients and makes one
/// update, so every product has B rows. In double precision its losses agree with the reference
/// to rounding (tests check every kind, depth, input and optimizer); in single precision
/// (`Scalar` = Float, `--precision float32`) to the tolerance the tests state. `rnn bench
/// --model lstm` measures it.
public final class GatedFastTrainer<Cell: GatedCell, Scalar: KernelScalar> {
  /// The model it trains: a `CharModel` of `Cell` layers.
  public typealias Model = CharModel<Cell>
  /// The model trained.
  public let model: Model
  /// B, the streams trained side by side.
  public let batch: Int
  /// T, the characters of each window.
  public let sequenceLength: Int
  /// The rate of the next update (a schedule may change it between iterations).
  public var learningRate: Double
  /// Element-wise gradient clipping; nil turns it off.
  public let clipLimit: Double?
  /// The loops it runs (`fastestKernels` unless told).
  public let kernels: any Kernels<Scalar>.Type
  /// Which windows start from a zero state, besides those that wrap to their stream's start.
  public var resets = StateResets.never
  /// Iterations done so far.
  public private(set) var iteration: Int
  /// Smoothed loss of one window (summed over its characters), averaged over the streams.
  public private(set) var smoothLoss: Double

  let layout: GatedLayout
  let block: GatedBlock<Cell>
  let theta: UnsafeMutablePointer<Scalar>
  let memory: UnsafeMutablePointer<Scalar>
  let momentum: UnsafeMutablePointer<Scalar>?
  let optimizerKind: OptimizerKind
  private(set) var updates: Int
  let packed: GatedPackedWeights<Scalar>
  let buffers: GatedBuffers<Scalar>
  var positions: [Int]
  let noise: SeededGenerator
  /// Two threads that share every window, where there are two cores and `threads` allows it;
  /// `choice` keeps using them only while they are faster than one.
  let crew: Crew?
  private var choice: ThreadChoice
  /// A one-stream workspace for scoring text (validation), made when first needed.
  private var scorer: GatedBuffers<Scalar>?

  /// Continues `run` exactly where it stands (parameters, optimizer memory, position, iteration,
  /// smoothed loss; with one stream, the carried state too).
  public init(
    _ model: Model, _ run: RunState<Model>, batch: Int = 1, sequenceLength: Int,
    learningRate: Double, clipLimit: Double? = 5, threads: ThreadUse = .measured,
    kernels: any Kernels<Scalar>.Type = fastestKernels(Scalar.self)
  ) {
    require((model.spec.dropout ?? 0) == 0, "the fast path trains without dropout")
    self.model = model
    self.batch = batch
    self.sequenceLength = sequenceLength
    self.learningRate = learningRate
    self.clipLimit = clipLimit
    self.kernels = kernels
    let spec = model.spec
    let layout = GatedLayout(
      shape: Cell.shape, hidden: spec.hiddenSize, vocabulary: spec.vocabularySize,
      embedding: spec.embedding, layers: spec.layers)
    self.layout = layout
    block = GatedBlock(layout: layout, shape: model.zeroParameters())
    theta = cacheAligned(layout.count)
    memory = cacheAligned(layout.count)
    optimizerKind = run.optimizer.kind
    momentum = run.optimizer.momentum.map { _ in cacheAligned(layout.count) }
    updates = run.optimizer.updates
    packed = GatedPackedWeights(layout: layout)
    buffers = GatedBuffers(layout: layout, steps: sequenceLength, streams: batch)
    positions = Array(repeating: batch == 1 ? run.position : 0, count: batch)
    iteration = run.iteration
    smoothLoss = run.smoothLoss
    noise = run.noise
    crew = threads.makeCrew()
    choice = ThreadChoice(threads)
    block.write(run.parameters, to: theta)
    block.write(run.optimizer.memory, to: memory)
    if let momentum, let m = run.optimizer.momentum { block.write(m, to: momentum) }
    if batch == 1 { GatedBlock<Cell>.write(run.carried, into: buffers, stream: 0) }
    repackGated(kernels, theta, layout, into: packed)
  }

  deinit {
    crew?.stop()
    for buffer in [theta, memory] + (momentum.map { [$0] } ?? []) { buffer.deallocate() }
  }

  /// The parameters now, as the model's tensors.
  public var parameters: Model.Parameters { block.read(theta) }

  /// The summed gradient of the last iteration's windows, before clipping.
  public var lastGradients: Model.Parameters {
    block.read(buffers.grad)
  }

  /// Everything needed to continue. With several streams, their own positions and states are
  /// not kept (zero state, position 0): such a run is sampled from, not resumed.
  public var run: RunState<Model> {
    let optimizer = OptimizerState(
      kind: optimizerKind, memory: block.read(memory),
      momentum: momentum.map { block.read($0) }, updates: updates)
    return RunState(
      parameters: parameters, optimizer: optimizer,
      carried: batch == 1 ? GatedBlock<Cell>.readState(buffers, stream: 0) : model.zeroState(),
      position: batch == 1 ? positions[0] : 0, iteration: iteration, smoothLoss: smoothLoss,
      noise: noise)
  }

  /// One iteration; returns the windows' summed loss averaged over the streams.
  @discardableResult
  public func step(_ data: [Int]) -> Double {
    data.withUnsafeBufferPointer {
      takeWindows(
        $0.baseAddress!, streamLength: data.count / batch, positions: &positions,
        steps: sequenceLength, inputs: buffers.inputs, targets: buffers.targets,
        resets: resets, iteration: iteration, reset: buffers.resetState)
    }
    updates += 1
    let n = Double(updates)
    let corrections = (1 - pow(0.9, n), 1 - pow(0.999, n))
    choice.run { two in runWindow(kernels, corrections: corrections, twoThreads: two) }
    let loss = buffers.loss / Double(batch)
    smoothLoss = 0.999 * smoothLoss + 0.001 * loss
    iteration += 1
    return loss
  }

  /// One iteration's window, gradients and update, on one thread or shared by two.
  private func runWindow<K: Kernels>(
    _: K.Type, corrections: (Double, Double), twoThreads: Bool
  ) where K.Scalar == Scalar {
    let (theta, memory, momentum) = (Shared(theta), Shared(memory), momentum.map(Shared.init))
    let (packed, buffers, layout) = (packed, buffers, layout)
    let (rate, clip) = (learningRate, clipLimit)
    let iteration: @Sendable (Split) -> Void = { split in
      forwardGatedWindow(K.self, Cell.self, theta.pointer, packed, buffers, split)
      backwardGatedWindow(K.self, Cell.self, theta.pointer, packed, buffers, split)
      split.barrier()
      carryGatedStates(buffers, split)
      updateGated(
        K.self, theta.pointer, memory: memory.pointer, momentum: momentum?.pointer,
        grad: buffers.grad, layout: layout, packed: packed, learningRate: rate,
        corrections: corrections, clipLimit: clip, split)
    }
    runSplit(on: crew, twoThreads: twoThreads, iteration)
  }

  /// `Reference.validationLoss` on the fast path: windows of `sequenceLength` from the start,
  /// the state carried from zero, no learning. NaN when no window fits.
  public func validationLoss(_ data: [Int], sequenceLength t: Int) -> Double {
    validationLoss(data, sequenceLength: t, fromCarried: false)
  }

  /// The same, starting from zero or (`fromCarried`) from the state the first stream carries
  /// into its next training window (`FreshStateCheck`).
  public func validationLoss(_ data: [Int], sequenceLength t: Int, fromCarried: Bool) -> Double {
    let w =
      scorer.flatMap { $0.steps == t ? $0 : nil }
      ?? GatedBuffers<Scalar>(layout: layout, steps: t, streams: 1)
    scorer = w
    w.resetState(stream: 0)
    if fromCarried {
      for l in 0..<layout.layers {
        copy(buffers.hs[l], to: w.hs[l], layout.h)
        if Cell.shape.hasCellState { copy(buffers.cs[l], to: w.cs[l], layout.h) }
      }
    }
    return lossPerCharacter(data, steps: t, inputs: w.inputs, targets: w.targets) {
      score(kernels, w)
      return w.loss
    }
  }

  /// One window read without learning, on two threads while they are the faster.
  private func score<K: Kernels>(_: K.Type, _ w: GatedBuffers<Scalar>) where K.Scalar == Scalar {
    let (theta, packed) = (Shared(theta), packed)
    runSplit(on: crew, twoThreads: choice.twoAreFaster) { split in
      forwardGatedWindow(K.self, Cell.self, theta.pointer, packed, w, split)
      split.barrier()
      carryGatedStates(w, split)
    }
  }
}

/// The gated fast path in double precision: what the tests compare with the reference.
public typealias FastGatedTrainer<Cell: GatedCell> = GatedFastTrainer<Cell, Double>
