import CourseSupport
import Foundation

// ex07's LSTM as the learner writes it (one layer, one-hot input, `LSTMParameters`), computed by
// the one-layer `CharModel<LSTMCell>`: the LSTM's math exists once, in `LSTMCell`.

extension CharModelParameters where Layer == LSTMLayer {
  /// The same fourteen tensors, as a one-layer char LSTM's.
  public init(_ p: LSTMParameters) {
    self = CharModel<LSTMCell>(vocabularySize: p.vocabularySize, hiddenSize: p.hiddenSize)
      .zeroParameters().filled(from: p)
  }
}

extension LSTMParameters {
  /// A one-layer, one-hot char LSTM's tensors, as ex07 names them.
  public init(_ p: CharModelParameters<LSTMLayer>) {
    require(p.layers.count == 1 && p.embedding == nil, "not a one-layer one-hot LSTM")
    self = Self.zeros(hiddenSize: p.layers[0].Ui.rows, vocabularySize: p.layers[0].Wi.cols)
      .filled(from: p)
  }
}

extension StackState where Layer == LSTMState {
  init(_ state: LSTMState) { self.init(layers: [state]) }
}

extension CharModel where Cell == LSTMCell {
  /// The one-layer one-hot LSTM whose tensors `p` holds.
  public init(shapedLike p: LSTMParameters) {
    self.init(vocabularySize: p.vocabularySize, hiddenSize: p.hiddenSize)
  }
}

extension CharModel.Record where Cell == LSTMCell {
  /// What the one-layer char LSTM keeps of a window, from ex07's `LSTMForwardPass`.
  init(_ pass: LSTMForwardPass) {
    let caches = pass.steps.indices.map { t in
      let s = pass.steps[t]
      return [
        LSTMCell.Cache(
          x: .index(pass.inputs[t]), previous: pass.state(before: t), i: s.i, f: s.f, g: s.g,
          o: s.o, c: s.c, tanhC: s.c.map(tanh))
      ]
    }
    self.init(
      inputs: pass.inputs, targets: pass.targets, start: StackState(pass.start), caches: caches,
      tops: pass.steps.map(\.h), probabilities: pass.steps.map(\.p))
  }
}

extension Reference {
  /// ex07's forward pass: every gate, state and distribution of every step, and the loss.
  public static func lstmForward(
    inputs: [Int], targets: [Int], start: LSTMState, parameters p: LSTMParameters
  ) -> LSTMForwardPass {
    let model = CharModel<LSTMCell>(shapedLike: p)
    let (loss, r, _) = model.forward(
      inputs: inputs, targets: targets, from: StackState(start), parameters: .init(p))
    let steps = r.caches.indices.map { t in
      let k = r.caches[t][0]
      return LSTMStep(i: k.i, f: k.f, g: k.g, o: k.o, c: k.c, h: r.tops[t], p: r.probabilities[t])
    }
    return LSTMForwardPass(
      inputs: inputs, targets: targets, start: start, steps: steps, loss: loss)
  }

  /// ex07's backward pass (see `LSTMCell.backStep` for the formulas).
  public static func lstmBackward(_ pass: LSTMForwardPass, parameters p: LSTMParameters)
    -> LSTMBackwardPass
  {
    let (g, d) = CharModel<LSTMCell>(shapedLike: p).backward(.init(pass), parameters: .init(p))
    return LSTMBackwardPass(gradients: LSTMParameters(g), dStart: d.layers[0])
  }

  /// ∂L_last/∂h_t and ∂L_last/∂c_t for t = 0 … T−1, along every path, where L_last is the loss
  /// of the last step alone.
  public static func lstmGradientsThroughTime(
    _ pass: LSTMForwardPass, parameters p: LSTMParameters
  ) -> (dh: [Vector], dc: [Vector]) {
    let states = CharModel<LSTMCell>(shapedLike: p).gradientsThroughTime(
      .init(pass), parameters: .init(p))
    return (states.map { $0.layers[0].h }, states.map { $0.layers[0].c })
  }

  /// A fresh char LSTM as the course starts one (see `LSTMCell.initialParameters`).
  public static func initialLSTMParameters(
    vocabularySize: Int, hiddenSize: Int, using rng: inout SeededGenerator
  ) -> LSTMParameters {
    LSTMParameters(
      CharModel<LSTMCell>(vocabularySize: vocabularySize, hiddenSize: hiddenSize)
        .initialParameters(using: &rng))
  }

  /// For each unit, the fraction of the steps at which its value was below 0.1 (left) and
  /// above 0.9 (right). `values[t]` is one gate's vector at step t.
  public static func saturation(of values: [Vector]) -> Saturation {
    guard let first = values.first else { return Saturation(left: [], right: []) }
    let n = Double(values.count)
    let units = first.indices
    return Saturation(
      left: units.map { u in Double(values.count { $0[u] < 0.1 }) / n },
      right: units.map { u in Double(values.count { $0[u] > 0.9 }) / n })
  }
}
