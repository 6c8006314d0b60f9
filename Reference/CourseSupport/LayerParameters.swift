/// One vanilla RNN layer: h_t = tanh(Wxh·x_t + Whh·h_{t−1} + bh). With D inputs (V for one-hot
/// characters, E for an embedding, H for the layer below) and H hidden units.
public struct RNNLayer: TensorSet, Codable {
  /// The input weights, applied to x_t.
  public var Wxh: Matrix  // H × D
  /// The recurrent weights, applied to h_{t−1}.
  public var Whh: Matrix  // H × H
  /// The bias.
  public var bh: Vector  // H

  /// The layer with these weights; the shapes are not checked here.
  public init(Wxh: Matrix, Whh: Matrix, bh: Vector) {
    self.Wxh = Wxh
    self.Whh = Whh
    self.bh = bh
  }

  /// Wxh, Whh and bh, under those names.
  public var tensors: [TensorSlot<RNNLayer>] {
    [.matrix("Wxh", Wxh, \.Wxh), .matrix("Whh", Whh, \.Whh), .vector("bh", bh, \.bh)]
  }
}

/// One LSTM layer. Each gate k of i (input), f (forget), g (candidate) and o (output) has a
/// weight matrix Wk on the input x_t (H × D), one Uk on the previous hidden state (H × H) and a
/// bias bk (H): pre-activation Wk·x_t + Uk·h_{t−1} + bk. Listed in PyTorch's gate order.
public struct LSTMLayer: TensorSet, Codable {
  /// The input gate's input weights (H × D).
  public var Wi: Matrix
  /// The forget gate's input weights (H × D).
  public var Wf: Matrix
  /// The candidate's input weights (H × D).
  public var Wg: Matrix
  /// The output gate's input weights (H × D).
  public var Wo: Matrix
  /// The input gate's recurrent weights (H × H).
  public var Ui: Matrix
  /// The forget gate's recurrent weights (H × H).
  public var Uf: Matrix
  /// The candidate's recurrent weights (H × H).
  public var Ug: Matrix
  /// The output gate's recurrent weights (H × H).
  public var Uo: Matrix
  /// The input gate's bias (H).
  public var bi: Vector
  /// The forget gate's bias (H).
  public var bf: Vector
  /// The candidate's bias (H).
  public var bg: Vector
  /// The output gate's bias (H).
  public var bo: Vector

  /// All zeros, for `hidden` units reading `inputs` numbers.
  public init(inputs d: Int, hidden h: Int) {
    (Wi, Wf, Wg, Wo) = (.zeros(h, d), .zeros(h, d), .zeros(h, d), .zeros(h, d))
    (Ui, Uf, Ug, Uo) = (.zeros(h, h), .zeros(h, h), .zeros(h, h), .zeros(h, h))
    (bi, bf, bg, bo) = (.zeros(h), .zeros(h), .zeros(h), .zeros(h))
  }

  /// The twelve tensors, named as the fields: the W's, then the U's, then the biases.
  public var tensors: [TensorSlot<LSTMLayer>] {
    [
      .matrix("Wi", Wi, \.Wi), .matrix("Wf", Wf, \.Wf), .matrix("Wg", Wg, \.Wg),
      .matrix("Wo", Wo, \.Wo), .matrix("Ui", Ui, \.Ui), .matrix("Uf", Uf, \.Uf),
      .matrix("Ug", Ug, \.Ug), .matrix("Uo", Uo, \.Uo), .vector("bi", bi, \.bi),
      .vector("bf", bf, \.bf), .vector("bg", bg, \.bg), .vector("bo", bo, \.bo),
    ]
  }
}

/// What an LSTM carries from one step to the next: the hidden state h and the cell state c.
public struct LSTMState: TensorSet, Codable {
  /// The hidden state h, what the layer shows (H numbers).
  public var h: Vector
  /// The cell state c, the LSTM's memory (H numbers).
  public var c: Vector

  /// The state (h, c).
  public init(h: Vector, c: Vector) {
    self.h = h
    self.c = c
  }

  /// The zero state of `hiddenSize` units: where a sequence starts.
  public static func zeros(_ hiddenSize: Int) -> LSTMState {
    LSTMState(h: .zeros(hiddenSize), c: .zeros(hiddenSize))
  }

  /// h and c, under those names.
  public var tensors: [TensorSlot<LSTMState>] { [.vector("h", h, \.h), .vector("c", c, \.c)] }
}

/// One GRU layer (Cho et al., 2014). The gates r (reset) and z (update) and the candidate h̃
/// each have an input weight Wk (H × D), a recurrent weight Uk (H × H) and a bias bk (H);
/// listed in PyTorch's gate order (r, z, candidate).
public struct GRULayer: TensorSet, Codable {
  /// The reset gate's input weights (H × D).
  public var Wr: Matrix
  /// The update gate's input weights (H × D).
  public var Wz: Matrix
  /// The candidate's input weights (H × D).
  public var Wh: Matrix
  /// The reset gate's recurrent weights (H × H).
  public var Ur: Matrix
  /// The update gate's recurrent weights (H × H).
  public var Uz: Matrix
  /// The candidate's recurrent weights (H × H), applied to r_t ⊙ h_{t−1}.
  public var Uh: Matrix
  /// The reset gate's bias (H).
  public var br: Vector
  /// The update gate's bias (H).
  public var bz: Vector
  /// The candidate's bias (H).
  public var bh: Vector

  /// All zeros, for `hidden` units reading `inputs` numbers.
  public init(inputs d: Int, hidden h: Int) {
    (Wr, Wz, Wh) = (.zeros(h, d), .zeros(h, d), .zeros(h, d))
    (Ur, Uz, Uh) = (.zeros(h, h), .zeros(h, h), .zeros(h, h))
    (br, bz, bh) = (.zeros(h), .zeros(h), .zeros(h))
  }

  /// The nine tensors, named as the fields: the W's, then the U's, then the biases.
  public var tensors: [TensorSlot<GRULayer>] {
    [
      .matrix("Wr", Wr, \.Wr), .matrix("Wz", Wz, \.Wz), .matrix("Wh", Wh, \.Wh),
      .matrix("Ur", Ur, \.Ur), .matrix("Uz", Uz, \.Uz), .matrix("Uh", Uh, \.Uh),
      .vector("br", br, \.br), .vector("bz", bz, \.bz), .vector("bh", bh, \.bh),
    ]
  }
}
