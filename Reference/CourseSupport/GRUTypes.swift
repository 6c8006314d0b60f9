/// A character-level GRU, as ex08 writes it: one GRU layer reading one-hot characters, and the
/// output layer. For the reset gate r, the update gate z and the candidate h̃:
///
///     a_k = Wk·x_t + Uk·(h_{t−1}, or r_t ⊙ h_{t−1} for the candidate) + bk
public struct GRUParameters: TensorSet, Codable {
  /// The reset gate's weights on x_t.
  public var Wr: Matrix  // H × V
  /// The update gate's weights on x_t.
  public var Wz: Matrix  // H × V
  /// The candidate's weights on x_t.
  public var Wh: Matrix  // H × V
  /// The reset gate's weights on h_{t−1}.
  public var Ur: Matrix  // H × H
  /// The update gate's weights on h_{t−1}.
  public var Uz: Matrix  // H × H
  /// The candidate's weights on r_t ⊙ h_{t−1}.
  public var Uh: Matrix  // H × H
  /// The reset gate's bias.
  public var br: Vector  // H
  /// The update gate's bias.
  public var bz: Vector  // H
  /// The candidate's bias.
  public var bh: Vector  // H
  /// The output layer's weights: the scores are y_t = Why·h_t + by.
  public var Why: Matrix  // V × H
  /// The output layer's bias.
  public var by: Vector  // V

  /// All zeros: the start of a gradient sum.
  public static func zeros(hiddenSize h: Int, vocabularySize v: Int) -> GRUParameters {
    GRUParameters(h, v)
  }

  private init(_ h: Int, _ v: Int) {
    (Wr, Wz, Wh) = (.zeros(h, v), .zeros(h, v), .zeros(h, v))
    (Ur, Uz, Uh) = (.zeros(h, h), .zeros(h, h), .zeros(h, h))
    (br, bz, bh) = (.zeros(h), .zeros(h), .zeros(h))
    (Why, by) = (.zeros(v, h), .zeros(v))
  }

  /// H, the number of hidden units.
  public var hiddenSize: Int { Ur.rows }
  /// V, the number of characters.
  public var vocabularySize: Int { Wr.cols }

  /// The eleven tensors, gates in PyTorch's order (r, z, candidate).
  public var tensors: [TensorSlot<GRUParameters>] {
    [
      .matrix("Wr", Wr, \.Wr), .matrix("Wz", Wz, \.Wz), .matrix("Wh", Wh, \.Wh),
      .matrix("Ur", Ur, \.Ur), .matrix("Uz", Uz, \.Uz), .matrix("Uh", Uh, \.Uh),
      .vector("br", br, \.br), .vector("bz", bz, \.bz), .vector("bh", bh, \.bh),
      .matrix("Why", Why, \.Why), .vector("by", by, \.by),
    ]
  }
}

/// What one step of a GRU computed.
public struct GRUStep: Equatable, Sendable {
  /// The reset and update gates, each in (0, 1).
  public var r: Vector
  /// z_t, the update gate: how much of the candidate h_t takes.
  public var z: Vector
  /// The candidate h̃_t, in (−1, 1).
  public var candidate: Vector
  /// The new hidden state h_t.
  public var h: Vector
  /// p_t = softmax(Why·h_t + by).
  public var p: Vector

  /// The step's values, field by field.
  public init(r: Vector, z: Vector, candidate: Vector, h: Vector, p: Vector) {
    self.r = r
    self.z = z
    self.candidate = candidate
    self.h = h
    self.p = p
  }
}

/// What the GRU's forward pass keeps for the backward pass.
public struct GRUForwardPass: Equatable, Sendable {
  /// The input character indices x_0 … x_{T−1}.
  public var inputs: [Int]
  /// The target indices: the character that follows each input.
  public var targets: [Int]
  /// h_{−1}, the hidden state before the first step.
  public var start: Vector
  /// steps[t]: the gates, candidate, state and distribution of step t.
  public var steps: [GRUStep]
  /// L = Σ_t −ln p_t[targets[t]].
  public var loss: Double

  /// The record of a forward pass, field by field.
  public init(inputs: [Int], targets: [Int], start: Vector, steps: [GRUStep], loss: Double) {
    self.inputs = inputs
    self.targets = targets
    self.start = start
    self.steps = steps
    self.loss = loss
  }

  /// h_{t−1}: the hidden state step t started from (`start` when t = 0).
  public func hidden(before t: Int) -> Vector { t == 0 ? start : steps[t - 1].h }
}

/// What the GRU's backward pass returns: ∂L/∂(every parameter) and ∂L/∂h_{−1}.
public struct GRUBackwardPass: Equatable, Sendable {
  /// ∂L/∂(every parameter), in the parameters' own shapes.
  public var gradients: GRUParameters
  /// ∂L/∂h_{−1}: how the loss depends on the hidden state the window started from.
  public var dStart: Vector

  /// The gradients and ∂L/∂h_{−1}.
  public init(gradients: GRUParameters, dStart: Vector) {
    self.gradients = gradients
    self.dStart = dStart
  }
}
