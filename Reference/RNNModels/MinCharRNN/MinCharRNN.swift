import CourseSupport
import Foundation

// min-char-rnn's vanilla RNN as ex01 writes it (one layer, one-hot input, `RNNParameters`),
// computed by the one-layer `CharModel<RNNCell>`: the recurrence exists once.

extension CharModelParameters where Layer == RNNLayer {
  /// The same five tensors, as a one-layer char RNN's.
  public init(_ p: RNNParameters) {
    self.init(
      embedding: nil, layers: [RNNLayer(Wxh: p.Wxh, Whh: p.Whh, bh: p.bh)], Why: p.Why, by: p.by)
  }
}

extension RNNParameters {
  /// A one-layer, one-hot char RNN's tensors, as ex01 names them.
  public init(_ p: CharModelParameters<RNNLayer>) {
    require(p.layers.count == 1 && p.embedding == nil, "not a one-layer one-hot RNN")
    self.init(Wxh: p.layers[0].Wxh, Whh: p.layers[0].Whh, Why: p.Why, bh: p.layers[0].bh, by: p.by)
  }
}

extension StackState where Layer == HiddenState {
  /// One layer's h.
  public init(h: Vector) { self.init(layers: [HiddenState(h: h)]) }
}

extension CharModel.Record where Cell == RNNCell {
  /// What the one-layer char RNN keeps of a window, from ex01's `ForwardPass`.
  init(_ pass: ForwardPass) {
    let caches = pass.inputs.indices.map { t in
      [RNNCell.Cache(x: .index(pass.inputs[t]), hPrevious: pass.hidden(before: t), h: pass.hs[t])]
    }
    self.init(
      inputs: pass.inputs, targets: pass.targets, start: StackState(h: pass.hPrev),
      caches: caches, tops: pass.hs, probabilities: pass.ps)
  }
}

extension CharModel where Cell == RNNCell {
  /// The one-layer one-hot RNN whose tensors `p` holds.
  public init(shapedLike p: RNNParameters) {
    self.init(vocabularySize: p.vocabularySize, hiddenSize: p.hiddenSize)
  }
}

extension Reference {
  /// Forward pass over one sequence, keeping what backward needs.
  ///
  ///     h_t = tanh(Wxh·x_t + Whh·h_{t−1} + bh)
  ///     p_t = softmax(Why·h_t + by)
  ///     L   = Σ_t −ln p_t[target_t]
  public static func forward(
    inputs: [Int], targets: [Int], hPrev: Vector, parameters p: RNNParameters
  ) -> ForwardPass {
    let model = CharModel<RNNCell>(shapedLike: p)
    let (loss, record, _) = model.forward(
      inputs: inputs, targets: targets, from: StackState(h: hPrev), parameters: .init(p))
    return ForwardPass(
      inputs: inputs, targets: targets, hPrev: hPrev, hs: record.tops, ps: record.probabilities,
      loss: loss)
  }

  /// Backpropagation through time over one forward pass (see `RNNCell.backStep` and
  /// `CharModel.backward` for the formulas).
  public static func backward(_ pass: ForwardPass, parameters p: RNNParameters) -> BackwardPass {
    let (g, d) = CharModel<RNNCell>(shapedLike: p).backward(.init(pass), parameters: .init(p))
    return BackwardPass(gradients: RNNParameters(g), dhPrev: d.layers[0].h)
  }

  /// ∂L_last/∂h_t for t = 0 … T−1, where L_last = −ln p_{T−1}[target_{T−1}] is the loss of the
  /// last step only: how much each earlier hidden state still matters to the end of the sequence.
  ///
  ///     g_{T−1} = Whyᵀ·(p_{T−1} − onehot(target_{T−1}))
  ///     g_{t−1} = Whhᵀ·((1 − h_t²) ⊙ g_t)
  public static func gradientsThroughTime(_ pass: ForwardPass, parameters p: RNNParameters)
    -> [Vector]
  {
    CharModel<RNNCell>(shapedLike: p).gradientsThroughTime(.init(pass), parameters: .init(p)).map {
      $0.layers[0].h
    }
  }

  /// softmax(y)_i = exp(y_i − max y) / Σ_j exp(y_j − max y). Subtracting the max changes
  /// nothing mathematically and keeps exp from overflowing.
  public static func softmax(_ y: Vector) -> Vector {
    let m = y.max()
    let e = y.map { exp($0 - m) }
    return e / e.sum()
  }
}

extension RunState where M == CharModel<RNNCell> {
  /// ex03's `TrainingState` (Adagrad on `RNNParameters`), as a run of the one-layer char RNN.
  public init(_ s: TrainingState) {
    self.init(
      parameters: .init(s.parameters),
      optimizer: OptimizerState(
        kind: .adagrad, memory: .init(s.memory), momentum: nil, updates: s.iteration),
      carried: StackState(h: s.hPrev), position: s.position, iteration: s.iteration,
      smoothLoss: s.smoothLoss)
  }

  /// The same run in ex03's terms; nil unless it is a one-layer one-hot RNN trained by Adagrad.
  public var trainingState: TrainingState? {
    guard parameters.layers.count == 1, parameters.embedding == nil, optimizer.kind == .adagrad
    else { return nil }
    return TrainingState(
      parameters: RNNParameters(parameters), memory: RNNParameters(optimizer.memory),
      hPrev: carried.layers[0].h, position: position, iteration: iteration, smoothLoss: smoothLoss)
  }
}
