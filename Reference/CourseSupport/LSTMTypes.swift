/// A character-level LSTM, as ex07 writes it: one LSTM layer reading one-hot characters, and the
/// output layer. For each gate k of i (input), f (forget), g (candidate) and o (output):
///
///     a_k = Wk·x_t + Uk·h_{t−1} + bk        (Wk·x_t is column x_t of Wk for a one-hot x_t)
public struct LSTMParameters: TensorSet, Codable {
  /// The input gate's weights on x_t.
  public var Wi: Matrix  // H × V
  /// The forget gate's weights on x_t.
  public var Wf: Matrix  // H × V
  /// The candidate's weights on x_t.
  public var Wg: Matrix  // H × V
  /// The output gate's weights on x_t.
  public var Wo: Matrix  // H × V
  /// The input gate's weights on h_{t−1}.
  public var Ui: Matrix  // H × H
  /// The forget gate's weights on h_{t−1}.
  public var Uf: Matrix  // H × H
  /// The candidate's weights on h_{t−1}.
  public var Ug: Matrix  // H × H
  /// The output gate's weights on h_{t−1}.
  public var Uo: Matrix  // H × H
  /// The input gate's bias.
  public var bi: Vector  // H
  /// The forget gate's bias.
  public var bf: Vector  // H
  /// The candidate's bias.
  public var bg: Vector  // H
  /// The output gate's bias.
  public var bo: Vector  // H
  /// The output layer's weights: the scores are y_t = Why·h_t + by.
  public var Why: Matrix  // V × H
  /// The output layer's bias.
  public var by: Vector  // V

  /// All zeros: the start of a gradient sum.
  public static func zeros(hiddenSize h: Int, vocabularySize v: Int) -> LSTMParameters {
    LSTMParameters(h, v)
  }

  private init(_ h: Int, _ v: Int) {
    (Wi, Wf, Wg, Wo) = (.zeros(h, v), .zeros(h, v), .zeros(h, v), .zeros(h, v))
    (Ui, Uf, Ug, Uo) = (.zeros(h, h), .zeros(h, h), .zeros(h, h), .zeros(h, h))
    (bi, bf, bg, bo) = (.zeros(h), .zeros(h), .zeros(h), .zeros(h))
    (Why, by) = (.zeros(v, h), .zeros(v))
  }

  /// H, the number of hidden units.
  public var hiddenSize: Int { Ui.rows }
  /// V, the number of characters.
  public var vocabularySize: Int { Wi.cols }

  /// The fourteen tensors, gates in PyTorch's order (i, f, g, o).
  public var tensors: [TensorSlot<LSTMParameters>] {
    [
      .matrix("Wi", Wi, \.Wi), .matrix("Wf", Wf, \.Wf), .matrix("Wg", Wg, \.Wg),
      .matrix("Wo", Wo, \.Wo), .matrix("Ui", Ui, \.Ui), .matrix("Uf", Uf, \.Uf),
      .matrix("Ug", Ug, \.Ug), .matrix("Uo", Uo, \.Uo), .vector("bi", bi, \.bi),
      .vector("bf", bf, \.bf), .vector("bg", bg, \.bg), .vector("bo", bo, \.bo),
      .matrix("Why", Why, \.Why), .vector("by", by, \.by),
    ]
  }
}

/// What one step of an LSTM computed.
public struct LSTMStep: Equatable, Sendable {
  /// The gates' values: input, forget, output (each in (0, 1)), and the candidate g (in (−1, 1)).
  public var i: Vector
  /// f_t, the forget gate: how much of c_{t−1} is kept.
  public var f: Vector
  /// g_t, the candidate values written into the cell.
  public var g: Vector
  /// o_t, the output gate: how much of tanh(c_t) is shown as h_t.
  public var o: Vector
  /// The cell state c_t and the hidden state h_t.
  public var c: Vector
  /// h_t = o_t ⊙ tanh(c_t), the hidden state.
  public var h: Vector
  /// p_t = softmax(Why·h_t + by): the predicted distribution of the next character.
  public var p: Vector

  /// The step's values, field by field.
  public init(i: Vector, f: Vector, g: Vector, o: Vector, c: Vector, h: Vector, p: Vector) {
    self.i = i
    self.f = f
    self.g = g
    self.o = o
    self.c = c
    self.h = h
    self.p = p
  }
}

/// What the forward pass keeps for the backward pass.
public struct LSTMForwardPass: Equatable, Sendable {
  /// The input character indices x_0 … x_{T−1}.
  public var inputs: [Int]
  /// The target indices: the character that follows each input.
  public var targets: [Int]
  /// The state before the first step: (h_{−1}, c_{−1}).
  public var start: LSTMState
  /// steps[t]: the gates, states and distribution of step t.
  public var steps: [LSTMStep]
  /// L = Σ_t −ln p_t[targets[t]], summed over the sequence.
  public var loss: Double

  /// The record of a forward pass, field by field.
  public init(
    inputs: [Int], targets: [Int], start: LSTMState, steps: [LSTMStep], loss: Double
  ) {
    self.inputs = inputs
    self.targets = targets
    self.start = start
    self.steps = steps
    self.loss = loss
  }

  /// (h_{t−1}, c_{t−1}): the state step t started from (`start` when t = 0).
  public func state(before t: Int) -> LSTMState {
    t == 0 ? start : LSTMState(h: steps[t - 1].h, c: steps[t - 1].c)
  }

  /// The state after the last step, carried into the next window.
  public var last: LSTMState { state(before: steps.count) }
}

/// What the backward pass returns: ∂L/∂(every parameter), and ∂L/∂h_{−1}, ∂L/∂c_{−1}.
public struct LSTMBackwardPass: Equatable, Sendable {
  /// ∂L/∂(every parameter), in the parameters' own shapes.
  public var gradients: LSTMParameters
  /// ∂L/∂(the state the window started from): dh and dc after the t = 0 step.
  public var dStart: LSTMState

  /// The gradients and ∂L/∂(the start state).
  public init(gradients: LSTMParameters, dStart: LSTMState) {
    self.gradients = gradients
    self.dStart = dStart
  }
}

/// How often each unit of one gate sat near 0 or near 1 over a text (Karpathy, Johnson and
/// Fei-Fei, "Visualizing and Understanding Recurrent Networks", 2015).
public struct Saturation: Equatable, Sendable {
  /// left[u]: the fraction of time steps at which unit u's value was below 0.1.
  public var left: [Double]
  /// right[u]: the fraction of time steps at which unit u's value was above 0.9.
  public var right: [Double]

  /// The two fractions of every unit.
  public init(left: [Double], right: [Double]) {
    self.left = left
    self.right = right
  }
}
