/// The five parameter tensors of min-char-rnn's vanilla RNN.
///
///     h_t = tanh(Wxh·x_t + Whh·h_{t−1} + bh)      hidden state, H numbers
///     y_t = Why·h_t + by                          scores for the next character, V numbers
///     p_t = softmax(y_t)
///
/// The same type holds gradients (dWxh … dby) and Adagrad's memory (mWxh … mby), exactly as
/// min-char-rnn keeps them in arrays of the same shapes.
public struct RNNParameters: Equatable, Sendable, Codable {
  /// The input-to-hidden weights, applied to the one-hot x_t.
  public var Wxh: Matrix  // H × V
  /// The hidden-to-hidden (recurrent) weights, applied to h_{t−1}.
  public var Whh: Matrix  // H × H
  /// The hidden-to-output weights, giving the scores y_t.
  public var Why: Matrix  // V × H
  /// The hidden bias.
  public var bh: Vector  // H
  /// The output bias.
  public var by: Vector  // V

  /// The five tensors; their shapes must fit together (H × V, H × H, V × H, H, V).
  public init(Wxh: Matrix, Whh: Matrix, Why: Matrix, bh: Vector, by: Vector) {
    require(
      Wxh.rows == Whh.rows && Whh.rows == Whh.cols && Why.cols == Whh.rows
        && Why.rows == Wxh.cols && bh.count == Whh.rows && by.count == Wxh.cols,
      "RNNParameters: inconsistent shapes Wxh \(Wxh.rows)×\(Wxh.cols), Whh \(Whh.rows)×\(Whh.cols), "
        + "Why \(Why.rows)×\(Why.cols), bh \(bh.count), by \(by.count)")
    self.Wxh = Wxh
    self.Whh = Whh
    self.Why = Why
    self.bh = bh
    self.by = by
  }

  private enum CodingKeys: String, CodingKey { case Wxh, Whh, Why, bh, by }

  /// Decoding checks that the five shapes fit together, so a corrupt file is an error rather
  /// than a crash.
  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let Wxh = try c.decode(Matrix.self, forKey: .Wxh)
    let Whh = try c.decode(Matrix.self, forKey: .Whh)
    let Why = try c.decode(Matrix.self, forKey: .Why)
    let bh = try c.decode(Vector.self, forKey: .bh)
    let by = try c.decode(Vector.self, forKey: .by)
    guard
      Wxh.rows == Whh.rows && Whh.rows == Whh.cols && Why.cols == Whh.rows
        && Why.rows == Wxh.cols && bh.count == Whh.rows && by.count == Wxh.cols
    else {
      throw DecodingError.dataCorruptedError(
        forKey: .Whh, in: c, debugDescription: "the five tensors' shapes do not fit together")
    }
    self.init(Wxh: Wxh, Whh: Whh, Why: Why, bh: bh, by: by)
  }

  /// H, the number of hidden units.
  public var hiddenSize: Int { Whh.rows }
  /// V, the number of distinct characters.
  public var vocabularySize: Int { Wxh.cols }

  /// All zeros: the start of a gradient sum or of Adagrad's memory.
  public static func zeros(hiddenSize h: Int, vocabularySize v: Int) -> RNNParameters {
    RNNParameters(
      Wxh: .zeros(h, v), Whh: .zeros(h, h), Why: .zeros(v, h), bh: .zeros(h), by: .zeros(v))
  }

  /// Zeros shaped like `self`.
  public func zeros() -> RNNParameters {
    .zeros(hiddenSize: hiddenSize, vocabularySize: vocabularySize)
  }

  /// min-char-rnn's initialisation: weights N(0,1)·scale drawn in the order Wxh, Whh, Why;
  /// biases zero.
  public static func random(
    hiddenSize h: Int, vocabularySize v: Int, scale: Double = 0.01,
    using rng: inout SeededGenerator
  ) -> RNNParameters {
    let Wxh = Matrix.random(h, v, scale: scale, using: &rng)
    let Whh = Matrix.random(h, h, scale: scale, using: &rng)
    let Why = Matrix.random(v, h, scale: scale, using: &rng)
    return RNNParameters(Wxh: Wxh, Whh: Whh, Why: Why, bh: .zeros(h), by: .zeros(v))
  }

  /// One tensor's numbers, by name, so a loop can visit all five (clipping, Adagrad).
  public subscript(tensor: RNNTensor) -> [Double] {
    get {
      switch tensor {
      case .Wxh: Wxh.scalars
      case .Whh: Whh.scalars
      case .Why: Why.scalars
      case .bh: bh.scalars
      case .by: by.scalars
      }
    }
    _modify {
      switch tensor {
      case .Wxh: yield &Wxh.scalars
      case .Whh: yield &Whh.scalars
      case .Why: yield &Why.scalars
      case .bh: yield &bh.scalars
      case .by: yield &by.scalars
      }
    }
    set {
      switch tensor {
      case .Wxh: Wxh.scalars = newValue
      case .Whh: Whh.scalars = newValue
      case .Why: Why.scalars = newValue
      case .bh: bh.scalars = newValue
      case .by: by.scalars = newValue
      }
    }
  }

  /// The shape of one tensor, as (rows, columns); vectors are columns.
  public func shape(of tensor: RNNTensor) -> (rows: Int, cols: Int) {
    switch tensor {
    case .Wxh: Wxh.shape
    case .Whh: Whh.shape
    case .Why: Why.shape
    case .bh: (bh.count, 1)
    case .by: (by.count, 1)
    }
  }
}

extension RNNParameters: TensorSet {
  /// The five tensors in min-char-rnn's order, named as in the formulas.
  public var tensors: [TensorSlot<RNNParameters>] {
    [
      .matrix("Wxh", Wxh, \.Wxh), .matrix("Whh", Whh, \.Whh), .matrix("Why", Why, \.Why),
      .vector("bh", bh, \.bh), .vector("by", by, \.by),
    ]
  }
}

/// The names of the five tensors, in min-char-rnn's order.
public enum RNNTensor: String, CaseIterable, Sendable, Codable {
  case Wxh, Whh, Why, bh, by

  /// The gradient's name in messages: dWxh, dWhh, …
  public var gradientName: String { "d" + rawValue }
}

/// What the forward pass keeps for the backward pass.
public struct ForwardPass: Equatable, Sendable {
  /// The input character indices x_0 … x_{T−1}.
  public var inputs: [Int]
  /// The target indices: the character that follows each input.
  public var targets: [Int]
  /// The hidden state before the first step, h_{−1}.
  public var hPrev: Vector
  /// hs[t] = h_t, for t = 0 … T−1.
  public var hs: [Vector]
  /// ps[t] = p_t = softmax(y_t), the predicted distribution of the next character.
  public var ps: [Vector]
  /// L = Σ_t −ln p_t[targets[t]], summed (not averaged) over the sequence.
  public var loss: Double

  /// The record of a forward pass, field by field.
  public init(
    inputs: [Int], targets: [Int], hPrev: Vector, hs: [Vector], ps: [Vector], loss: Double
  ) {
    self.inputs = inputs
    self.targets = targets
    self.hPrev = hPrev
    self.hs = hs
    self.ps = ps
    self.loss = loss
  }

  /// h_{t−1}: the hidden state step t started from (hPrev when t = 0).
  public func hidden(before t: Int) -> Vector { t == 0 ? hPrev : hs[t - 1] }

  /// The last hidden state, carried into the next sequence.
  public var lastHidden: Vector { hs.last ?? hPrev }
}

/// What the backward pass returns: ∂L/∂(every parameter) and ∂L/∂h_{−1}.
public struct BackwardPass: Equatable, Sendable {
  /// ∂L/∂Wxh … ∂L/∂by, in the parameters' own shapes.
  public var gradients: RNNParameters
  /// ∂L/∂hPrev: how the loss depends on the hidden state the sequence started from.
  public var dhPrev: Vector

  /// The gradients and ∂L/∂hPrev.
  public init(gradients: RNNParameters, dhPrev: Vector) {
    self.gradients = gradients
    self.dhPrev = dhPrev
  }
}
