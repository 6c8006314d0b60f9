import CourseSupport
import Foundation

/// The LSTM layer of Hochreiter and Schmidhuber, with the forget gate of Gers et al., as Olah's
/// "Understanding LSTM Networks" draws it:
///
///     i_t = σ(Wi·x_t + Ui·h_{t−1} + bi)        input gate: how much of g to write
///     f_t = σ(Wf·x_t + Uf·h_{t−1} + bf)        forget gate: how much of c_{t−1} to keep
///     g_t = tanh(Wg·x_t + Ug·h_{t−1} + bg)     candidate values
///     o_t = σ(Wo·x_t + Uo·h_{t−1} + bo)        output gate: how much of the cell to show
///     c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t
///     h_t = o_t ⊙ tanh(c_t)
public struct LSTMCell: RecurrentCell {
  /// "lstm": see `RecurrentCell.kind`.
  public static let kind = ModelKind(cell: "lstm")
  /// "LSTM": see `RecurrentCell.title`.
  public static let title = "LSTM"
  /// "lstm": PyTorch's layer of the same math (see `RecurrentCell.pyTorchLayer`).
  public static let pyTorchLayer: String? = "lstm"
  /// "an LSTM".
  public static let titleWithArticle = "an LSTM"
  /// Four: the gates i, f, o and the candidate values g.
  public static let blocks = 4
  /// D, the numbers read at each step: V one-hot, E embedded, or H from below.
  public let inputSize: Int
  /// H, the hidden units.
  public let hiddenSize: Int

  /// A layer of `hiddenSize` units reading `inputSize` numbers at each step.
  public init(inputSize: Int, hiddenSize: Int) {
    self.inputSize = inputSize
    self.hiddenSize = hiddenSize
  }

  /// The gates' values at one step, and what they were computed from.
  public struct Cache: Sendable {
    /// x_t.
    public let x: LayerInput
    /// (h_{t−1}, c_{t−1}), the state the step read.
    public let previous: LSTMState
    /// i_t, the input gate.
    public let i: Vector
    /// f_t, the forget gate.
    public let f: Vector
    /// g_t, the candidate values.
    public let g: Vector
    /// o_t, the output gate.
    public let o: Vector
    /// c_t, the new cell state.
    public let c: Vector
    /// tanh(c_t).
    public let tanhC: Vector

    /// The cache of one step, from its values.
    public init(
      x: LayerInput, previous: LSTMState, i: Vector, f: Vector, g: Vector, o: Vector, c: Vector,
      tanhC: Vector
    ) {
      (self.x, self.previous, self.i, self.f, self.g, self.o) = (x, previous, i, f, g, o)
      (self.c, self.tanhC) = (c, tanhC)
    }
  }

  /// Zeros with every tensor's shape (`LSTMLayer(inputs:hidden:)`).
  public func zeroParameters() -> LSTMLayer { LSTMLayer(inputs: inputSize, hidden: hiddenSize) }

  /// Weights uniform in ±1/√H (PyTorch's default), drawn in the order of `tensors`; biases
  /// zero except the forget gate's, which is 1: at the start every cell keeps what it holds
  /// (f ≈ σ(1) = 0.73), so the gradient through c reaches back from the first step.
  public func initialParameters(using rng: inout SeededGenerator) -> LSTMLayer {
    var p = zeroParameters()
    for path in [\LSTMLayer.Wi, \.Wf, \.Wg, \.Wo] {
      p[keyPath: path] = randomWeights(rows: hiddenSize, cols: inputSize, using: &rng)
    }
    for path in [\LSTMLayer.Ui, \.Uf, \.Ug, \.Uo] {
      p[keyPath: path] = randomWeights(rows: hiddenSize, cols: hiddenSize, using: &rng)
    }
    p.bf = Vector(count: hiddenSize, repeating: 1)
    return p
  }

  /// h = c = 0, where every sequence starts.
  public func zeroState() -> LSTMState { .zeros(hiddenSize) }
  /// h_t: the layer shows h, never c.
  public func output(of state: LSTMState) -> Vector { state.h }

  /// One step of the LSTM, the six lines above: see `RecurrentCell.step`.
  public func step(_ x: LayerInput, from s: LSTMState, parameters p: LSTMLayer) -> (
    state: LSTMState, cache: Cache
  ) {
    let i = (p.Wi.times(x) + p.Ui * s.h + p.bi).map(sigmoid)
    let f = (p.Wf.times(x) + p.Uf * s.h + p.bf).map(sigmoid)
    let g = (p.Wg.times(x) + p.Ug * s.h + p.bg).map(tanh)
    let o = (p.Wo.times(x) + p.Uo * s.h + p.bo).map(sigmoid)
    let c = f * s.c + i * g
    let tanhC = c.map(tanh)
    let h = o * tanhC
    return (
      LSTMState(h: h, c: c), Cache(x: x, previous: s, i: i, f: f, g: g, o: o, c: c, tanhC: tanhC)
    )
  }

  /// c_t reaches the loss along two paths, through h_t and through c_{t+1}; both are summed:
  ///
  ///     dh   = dh_above + dh_next
  ///     do   = dh ⊙ tanh(c_t)
  ///     dc   = dc_next + dh ⊙ o_t ⊙ (1 − tanh²(c_t))
  ///     di = dc ⊙ g_t,  df = dc ⊙ c_{t−1},  dg = dc ⊙ i_t,  dc_{t−1} = dc ⊙ f_t
  ///     back through σ (s·(1 − s)) and tanh (1 − g²) to each gate's pre-activation a_k:
  ///     dWk += da_k·x_tᵀ,  dUk += da_k·h_{t−1}ᵀ,  dbk += da_k
  ///     dh_{t−1} = Σ_k Ukᵀ·da_k,  dx_t = Σ_k Wkᵀ·da_k
  public func backStep(
    _ dhAbove: Vector, _ dNext: LSTMState, cache k: Cache, parameters p: LSTMLayer,
    gradients grad: inout LSTMLayer
  ) -> (input: Vector?, previous: LSTMState, current: LSTMState) {
    let dh = dhAbove + dNext.h
    let dc = dNext.c + dh * k.o * k.tanhC.map { 1 - $0 * $0 }
    let dai = dc * k.g * k.i.map { $0 * (1 - $0) }
    let daf = dc * k.previous.c * k.f.map { $0 * (1 - $0) }
    let dag = dc * k.i * k.g.map { 1 - $0 * $0 }
    let dao = dh * k.tanhC * k.o.map { $0 * (1 - $0) }
    let gates:
      [(
        WritableKeyPath<LSTMLayer, Matrix>, WritableKeyPath<LSTMLayer, Matrix>,
        WritableKeyPath<LSTMLayer, Vector>, Vector
      )] = [
        (\.Wi, \.Ui, \.bi, dai), (\.Wf, \.Uf, \.bf, daf), (\.Wg, \.Ug, \.bg, dag),
        (\.Wo, \.Uo, \.bo, dao),
      ]
    var dhPrevious = Vector.zeros(hiddenSize)
    var dx: Vector? = if case .vector(let v) = k.x { .zeros(v.count) } else { nil }
    for (W, U, b, da) in gates {
      grad[keyPath: W].addOuterProduct(da, k.x)
      grad[keyPath: U].addOuterProduct(da, k.previous.h)
      grad[keyPath: b] += da
      dhPrevious += p[keyPath: U].transposedTimes(da)
      if dx != nil { dx! += p[keyPath: W].transposedTimes(da) }
    }
    return (dx, LSTMState(h: dhPrevious, c: dc * k.f), LSTMState(h: dh, c: dc))
  }
}

/// σ(x) = 1 / (1 + e^(−x)).
func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
