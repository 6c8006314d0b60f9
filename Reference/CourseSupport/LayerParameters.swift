/// One vanilla RNN layer: h_t = tanh(Wxh·x_t + Whh·h_{t−1} + bh). With D inputs (V for one-hot
/// characters, E for an embedding, H for the layer below) and H hidden units.
public struct RNNLayer: TensorSet, Codable {
  public var Wxh: Matrix  // H × D
  public var Whh: Matrix  // H × H
  public var bh: Vector  // H

  public init(Wxh: Matrix, Whh: Matrix, bh: Vector) {
    self.Wxh = Wxh
    self.Whh = Whh
    self.bh = bh
  }

  public var tensors: [TensorSlot<RNNLayer>] {
    [.matrix("Wxh", Wxh, \.Wxh), .matrix("Whh", Whh, \.Whh), .vector("bh", bh, \.bh)]
  }
}

/// One LSTM layer. Each gate k of i (input), f (forget), g (candidate) and o (output) has a
/// weight matrix Wk on the input x_t (H × D), one Uk on the previous hidden state (H × H) and a
/// bias bk (H): pre-activation Wk·x_t + Uk·h_{t−1} + bk. Listed in PyTorch's gate order.
public struct LSTMLayer: TensorSet, Codable {
  public var Wi: Matrix
  public var Wf: Matrix
  public var Wg: Matrix
  public var Wo: Matrix
  public var Ui: Matrix
  public var Uf: Matrix
  public var Ug: Matrix
  public var Uo: Matrix
  public var bi: Vector
  public var bf: Vector
  public var bg: Vector
  public var bo: Vector

  /// All zeros, for `hidden` units reading `inputs` numbers.
  public init(inputs d: Int, hidden h: Int) {
    (Wi, Wf, Wg, Wo) = (.zeros(h, d), .zeros(h, d), .zeros(h, d), .zeros(h, d))
    (Ui, Uf, Ug, Uo) = (.zeros(h, h), .zeros(h, h), .zeros(h, h), .zeros(h, h))
    (bi, bf, bg, bo) = (.zeros(h), .zeros(h), .zeros(h), .zeros(h))
  }

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
  public var h: Vector
  public var c: Vector

  public init(h: Vector, c: Vector) {
    self.h = h
    self.c = c
  }

  public static func zeros(_ hiddenSize: Int) -> LSTMState {
    LSTMState(h: .zeros(hiddenSize), c: .zeros(hiddenSize))
  }

  public var tensors: [TensorSlot<LSTMState>] { [.vector("h", h, \.h), .vector("c", c, \.c)] }
}

/// One GRU layer (Cho et al., 2014). The gates r (reset) and z (update) and the candidate h̃
/// each have an input weight Wk (H × D), a recurrent weight Uk (H × H) and a bias bk (H);
/// listed in PyTorch's gate order (r, z, candidate).
public struct GRULayer: TensorSet, Codable {
  public var Wr: Matrix
  public var Wz: Matrix
  public var Wh: Matrix
  public var Ur: Matrix
  public var Uz: Matrix
  public var Uh: Matrix
  public var br: Vector
  public var bz: Vector
  public var bh: Vector

  /// All zeros, for `hidden` units reading `inputs` numbers.
  public init(inputs d: Int, hidden h: Int) {
    (Wr, Wz, Wh) = (.zeros(h, d), .zeros(h, d), .zeros(h, d))
    (Ur, Uz, Uh) = (.zeros(h, h), .zeros(h, h), .zeros(h, h))
    (br, bz, bh) = (.zeros(h), .zeros(h), .zeros(h))
  }

  public var tensors: [TensorSlot<GRULayer>] {
    [
      .matrix("Wr", Wr, \.Wr), .matrix("Wz", Wz, \.Wz), .matrix("Wh", Wh, \.Wh),
      .matrix("Ur", Ur, \.Ur), .matrix("Uz", Uz, \.Uz), .matrix("Uh", Uh, \.Uh),
      .vector("br", br, \.br), .vector("bz", bz, \.bz), .vector("bh", bh, \.bh),
    ]
  }
}
