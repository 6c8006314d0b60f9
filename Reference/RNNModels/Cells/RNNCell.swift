import CourseSupport
import Foundation

/// The vanilla RNN layer of min-char-rnn:
///
///     h_t = tanh(Wxh·x_t + Whh·h_{t−1} + bh)
public struct RNNCell: RecurrentCell {
  /// "rnn": see `RecurrentCell.kind`.
  public static let kind = ModelKind(cell: "rnn")
  /// "vanilla RNN": see `RecurrentCell.title`.
  public static let title = "vanilla RNN"
  /// "rnn": PyTorch's layer of the same math (see `RecurrentCell.pyTorchLayer`).
  public static let pyTorchLayer: String? = "rnn"
  /// "a vanilla RNN".
  public static let titleWithArticle = "a vanilla RNN"
  /// One block: Wxh, Whh and bh, the size every other cell is counted in.
  public static let blocks = 1
  /// Measured (ex03's lesson, `rnn fresh-state`, 1,000 iterations, seeds 1–100): trained
  /// min-char-rnn's way, 20–22 of 100 vanilla RNNs on each of three texts worked only from their
  /// training states, 1 of 300 with 5% of windows reset, at a cost of 0.02–0.04 nats per
  /// character; none of 230 LSTMs and GRUs did without.
  public static let defaultResetProbability = 0.05
  /// min-char-rnn's.
  public static let defaultOptimizer = OptimizerKind.adagrad
  /// D, the numbers read at each step: V one-hot, E embedded, or H from below.
  public let inputSize: Int
  /// H, the hidden units.
  public let hiddenSize: Int

  /// A layer of `hiddenSize` units reading `inputSize` numbers at each step.
  public init(inputSize: Int, hiddenSize: Int) {
    self.inputSize = inputSize
    self.hiddenSize = hiddenSize
  }

  /// What one step keeps for its backward step: x_t, h_{t−1} and h_t.
  public struct Cache: Sendable {
    let x: LayerInput
    let hPrevious: Vector
    /// h_t, the step's output and new state.
    public let h: Vector

    /// The cache of a step that read `x` from `hPrevious` and made `h`.
    public init(x: LayerInput, hPrevious: Vector, h: Vector) {
      (self.x, self.hPrevious, self.h) = (x, hPrevious, h)
    }
  }

  /// Zeros with every tensor's shape: Wxh (H × D), Whh (H × H), bh (H).
  public func zeroParameters() -> RNNLayer {
    RNNLayer(
      Wxh: .zeros(hiddenSize, inputSize), Whh: .zeros(hiddenSize, hiddenSize),
      bh: .zeros(hiddenSize))
  }

  /// min-char-rnn's: N(0, 1)·0.01, Wxh then Whh; the bias zero.
  public func initialParameters(using rng: inout SeededGenerator) -> RNNLayer {
    let Wxh = randomWeights(rows: hiddenSize, cols: inputSize, using: &rng)
    let Whh = randomWeights(rows: hiddenSize, cols: hiddenSize, using: &rng)
    return RNNLayer(Wxh: Wxh, Whh: Whh, bh: .zeros(hiddenSize))
  }

  /// N(0, 1)·0.01, min-char-rnn's draw.
  public func randomWeights(rows: Int, cols: Int, using rng: inout SeededGenerator) -> Matrix {
    .random(rows, cols, scale: 0.01, using: &rng)
  }

  /// One step, h_t = tanh(Wxh·x_t + Whh·h_{t−1} + bh): see `RecurrentCell.step`.
  public func step(_ x: LayerInput, from state: HiddenState, parameters p: RNNLayer) -> (
    state: HiddenState, cache: Cache
  ) {
    let h = (p.Wxh.times(x) + p.Whh * state.h + p.bh).map(tanh)
    return (HiddenState(h: h), Cache(x: x, hPrevious: state.h, h: h))
  }

  ///     draw   = (1 − h_t²) ⊙ (dh + dh_next)      back through tanh
  ///     dbh   += draw,  dWxh += draw·x_tᵀ,  dWhh += draw·h_{t−1}ᵀ
  ///     dh_{t−1} = Whhᵀ·draw,  dx_t = Wxhᵀ·draw
  public func backStep(
    _ dh: Vector, _ dNext: HiddenState, cache: Cache, parameters p: RNNLayer,
    gradients g: inout RNNLayer
  ) -> (input: Vector?, previous: HiddenState, current: HiddenState) {
    let dhTotal = dh + dNext.h
    let draw = cache.h.map { 1 - $0 * $0 } * dhTotal
    g.bh += draw
    g.Wxh.addOuterProduct(draw, cache.x)
    g.Whh.addOuterProduct(draw, cache.hPrevious)
    let dx: Vector? = if case .vector = cache.x { p.Wxh.transposedTimes(draw) } else { nil }
    return (dx, HiddenState(h: p.Whh.transposedTimes(draw)), HiddenState(h: dhTotal))
  }
}
