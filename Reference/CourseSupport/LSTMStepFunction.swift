/// One step of an LSTM layer as a value, forward and back: the course's own
/// (`LSTMStepFunction.reference`, in RNNModels) or a learner's from ex07. ex12's encoder and decoder
/// are loops of it; `pullback` is the step's way back, holding what the forward step computed.
public struct LSTMStepFunction: Sendable {
  /// Back through the step: `dh` arrives from above (the output layer, or attention), `dNext`
  /// from the step after; the step's share of every gradient is added to `gradients`. Returns
  /// ∂L/∂x (nil for a one-hot input) and what to pass back to the step before.
  public typealias Pullback =
    @Sendable (_ dh: Vector, _ dNext: LSTMState, _ gradients: inout LSTMLayer) -> (
      dx: Vector?, previous: LSTMState
    )

  /// Reads `x` from `state` with the layer's tensors: the new state, and the way back.
  public var run:
    @Sendable (_ x: LayerInput, _ state: LSTMState, _ p: LSTMLayer) -> (
      state: LSTMState, pullback: Pullback
    )

  /// A step from its function.
  public init(
    run:
      @escaping @Sendable (LayerInput, LSTMState, LSTMLayer) -> (
        state: LSTMState, pullback: Pullback
      )
  ) {
    self.run = run
  }
}
