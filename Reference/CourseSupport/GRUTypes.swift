/// A character-level GRU, as ex08 writes it: one GRU layer reading one-hot characters, and the
/// output layer. For the reset gate r, the update gate z and the candidate h̃:
///
///     a_k = Wk·x_t + Uk·(h_{t−1}, or r_t ⊙ h_{t−1} for the candidate) + bk
public struct GRUParameters: TensorSet, Codable {
  public var Wr: Matrix  // H × V
  public var Wz: Matrix  // H × V
  public var Wh: Matrix  // H × V
  public var Ur: Matrix  // H × H
  public var Uz: Matrix  // H × H
  public var Uh: Matrix  // H × H
  public var br: Vector  // H
  public var bz: Vector  // H
  public var bh: Vector  // H
  public var Why: Matrix  // V × H
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

  public var hiddenSize: Int { Ur.rows }
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
  public var z: Vector
  /// The candidate h̃_t, in (−1, 1).
  public var candidate: Vector
  /// The new hidden state h_t.
  public var h: Vector
  /// p_t = softmax(Why·h_t + by).
  public var p: Vector

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
  public var inputs: [Int]
  public var targets: [Int]
  /// h_{−1}, the hidden state before the first step.
  public var start: Vector
  public var steps: [GRUStep]
  /// L = Σ_t −ln p_t[targets[t]].
  public var loss: Double

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
  public var gradients: GRUParameters
  public var dStart: Vector

  public init(gradients: GRUParameters, dStart: Vector) {
    self.gradients = gradients
    self.dStart = dStart
  }
}
