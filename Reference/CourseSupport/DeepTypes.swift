/// A stack of vanilla RNN layers, as ex09 writes it: layer 0 reads the one-hot characters, each
/// layer above reads the h of the layer below, and the output layer reads the top layer's h.
///
///     h⁰_t = tanh(Wxh⁰·x_t + Whh⁰·h⁰_{t−1} + bh⁰)
///     hˡ_t = tanh(Wxhˡ·hˡ⁻¹_t + Whhˡ·hˡ_{t−1} + bhˡ)       for l = 1 … L−1
///     p_t  = softmax(Why·hᴸ⁻¹_t + by)
public struct StackedRNNParameters: TensorSet, Codable {
  /// layers[0].Wxh is H × V; every layer above reads H numbers, so its Wxh is H × H.
  public var layers: [RNNLayer]
  /// The output layer's weights, reading the top layer's h.
  public var Why: Matrix  // V × H
  /// The output layer's bias.
  public var by: Vector  // V

  /// The stack of `layers` under the output layer (`Why`, `by`); shapes are not checked here.
  public init(layers: [RNNLayer], Why: Matrix, by: Vector) {
    self.layers = layers
    self.Why = Why
    self.by = by
  }

  /// All zeros, `depth` layers of H units reading V characters.
  public static func zeros(depth: Int, hiddenSize h: Int, vocabularySize v: Int)
    -> StackedRNNParameters
  {
    StackedRNNParameters(
      layers: (0..<depth).map {
        RNNLayer(Wxh: .zeros(h, $0 == 0 ? v : h), Whh: .zeros(h, h), bh: .zeros(h))
      }, Why: .zeros(v, h), by: .zeros(v))
  }

  /// L, the number of layers.
  public var depth: Int { layers.count }
  /// H, the number of hidden units of each layer.
  public var hiddenSize: Int { Why.cols }
  /// V, the number of characters.
  public var vocabularySize: Int { Why.rows }

  /// `layer1.Wxh`, `layer1.Whh`, … `layerL.bh`, `Why`, `by`.
  public var tensors: [TensorSlot<StackedRNNParameters>] {
    layers.indices.flatMap { l in
      layers[l].tensors.map { $0.nested(in: \.layers[l], prefix: "layer\(l + 1).") }
    } + [.matrix("Why", Why, \.Why), .vector("by", by, \.by)]
  }
}

/// What the stacked forward pass keeps for the backward pass.
public struct StackedForwardPass: Equatable, Sendable {
  /// The input character indices x_0 … x_{T−1}.
  public var inputs: [Int]
  /// The target indices: the character that follows each input.
  public var targets: [Int]
  /// start[l]: layer l's hidden state before the first step.
  public var start: [Vector]
  /// hs[l][t]: layer l's hidden state after step t.
  public var hs: [[Vector]]
  /// ps[t] = softmax(Why·hᴸ⁻¹_t + by).
  public var ps: [Vector]
  /// L = Σ_t −ln p_t[targets[t]], summed over the sequence.
  public var loss: Double

  /// The record of a forward pass, field by field.
  public init(
    inputs: [Int], targets: [Int], start: [Vector], hs: [[Vector]], ps: [Vector], loss: Double
  ) {
    self.inputs = inputs
    self.targets = targets
    self.start = start
    self.hs = hs
    self.ps = ps
    self.loss = loss
  }

  /// Layer l's h_{t−1} (its start state when t = 0).
  public func hidden(layer l: Int, before t: Int) -> Vector { t == 0 ? start[l] : hs[l][t - 1] }
}

/// What the stacked backward pass returns: every layer's gradients and ∂L/∂(each start state).
public struct StackedBackwardPass: Equatable, Sendable {
  /// ∂L/∂(every parameter), in the parameters' own shapes.
  public var gradients: StackedRNNParameters
  /// dStart[l]: ∂L/∂(layer l's hidden state before the first step).
  public var dStart: [Vector]

  /// The gradients and ∂L/∂(each start state).
  public init(gradients: StackedRNNParameters, dStart: [Vector]) {
    self.gradients = gradients
    self.dStart = dStart
  }
}

/// A bidirectional tagger: one vanilla RNN reads the characters left to right, another right to
/// left, and at each position the output layer reads both states side by side:
///
///     f_t = tanh(Wxh→·x_t + Whh→·f_{t−1} + bh→)      f_{−1} = 0
///     b_t = tanh(Wxh←·x_t + Whh←·b_{t+1} + bh←)      b_T = 0
///     p_t = softmax(Why·[f_t; b_t] + by)             over K labels; Why is K × 2H
public struct BidirectionalParameters: TensorSet, Codable {
  /// The left-to-right layer (→), giving f_t.
  public var forward: RNNLayer
  /// The right-to-left layer (←), giving b_t.
  public var backward: RNNLayer
  /// The output layer's weights on [f_t; b_t].
  public var Why: Matrix  // K × 2H: columns 0..<H read f_t, H..<2H read b_t
  /// The output layer's bias.
  public var by: Vector  // K

  /// The tagger's four parts; shapes are not checked here.
  public init(forward: RNNLayer, backward: RNNLayer, Why: Matrix, by: Vector) {
    self.forward = forward
    self.backward = backward
    self.Why = Why
    self.by = by
  }

  /// All zeros: H units in each direction, V characters in, K labels out.
  public static func zeros(hiddenSize h: Int, vocabularySize v: Int, labels k: Int)
    -> BidirectionalParameters
  {
    let layer = RNNLayer(Wxh: .zeros(h, v), Whh: .zeros(h, h), bh: .zeros(h))
    return BidirectionalParameters(
      forward: layer, backward: layer, Why: .zeros(k, 2 * h), by: .zeros(k))
  }

  /// H, the number of hidden units in each direction.
  public var hiddenSize: Int { forward.Whh.rows }

  /// `forward.Wxh` … `backward.bh`, `Why`, `by`.
  public var tensors: [TensorSlot<BidirectionalParameters>] {
    forward.tensors.map { $0.nested(in: \.forward, prefix: "forward.") }
      + backward.tensors.map { $0.nested(in: \.backward, prefix: "backward.") }
      + [.matrix("Why", Why, \.Why), .vector("by", by, \.by)]
  }
}

/// What the bidirectional forward pass keeps for the backward pass.
public struct TaggerPass: Equatable, Sendable {
  /// The input character indices x_0 … x_{T−1}.
  public var inputs: [Int]
  /// The label of each position, the targets of the loss.
  public var labels: [Int]
  /// forwardStates[t] = f_t, backwardStates[t] = b_t.
  public var forwardStates: [Vector]
  /// b_t for t = 0 … T−1: the right-to-left state at each position.
  public var backwardStates: [Vector]
  /// ps[t]: the distribution over the labels at position t.
  public var ps: [Vector]
  /// L = Σ_t −ln p_t[labels[t]].
  public var loss: Double

  /// The record of a forward pass, field by field.
  public init(
    inputs: [Int], labels: [Int], forwardStates: [Vector], backwardStates: [Vector],
    ps: [Vector], loss: Double
  ) {
    self.inputs = inputs
    self.labels = labels
    self.forwardStates = forwardStates
    self.backwardStates = backwardStates
    self.ps = ps
    self.loss = loss
  }
}
