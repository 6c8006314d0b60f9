import CourseSupport
import Foundation

/// The vanilla RNN layer of min-char-rnn:
///
///     h_t = tanh(Wxh·x_t + Whh·h_{t−1} + bh)
public struct RNNCell: RecurrentCell {
  public static let kind = ModelKind(cell: "rnn")
  public static let title = "vanilla RNN"
  public static let titleWithArticle = "a vanilla RNN"
  public static let blocks = 1
  /// Measured (ex03's lesson, `rnn fresh-state`, 1,000 iterations, seeds 1–100): trained
  /// min-char-rnn's way, 20–22 of 100 vanilla RNNs on each of three texts worked only from their
  /// training states, 1 of 300 with 5% of windows reset, at a cost of 0.02–0.04 nats per
  /// character; none of 230 LSTMs and GRUs did without.
  public static let defaultResetProbability = 0.05
  /// min-char-rnn's.
  public static let defaultOptimizer = OptimizerKind.adagrad
  public let inputSize: Int
  public let hiddenSize: Int

  public init(inputSize: Int, hiddenSize: Int) {
    self.inputSize = inputSize
    self.hiddenSize = hiddenSize
  }

  public struct Cache: Sendable {
    let x: LayerInput
    let hPrevious: Vector
    public let h: Vector

    public init(x: LayerInput, hPrevious: Vector, h: Vector) {
      (self.x, self.hPrevious, self.h) = (x, hPrevious, h)
    }
  }

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

  public func randomWeights(rows: Int, cols: Int, using rng: inout SeededGenerator) -> Matrix {
    .random(rows, cols, scale: 0.01, using: &rng)
  }

  public func zeroState() -> HiddenState { HiddenState(h: .zeros(hiddenSize)) }
  public func output(of state: HiddenState) -> Vector { state.h }

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
