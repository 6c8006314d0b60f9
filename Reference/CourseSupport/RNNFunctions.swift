/// The four functions a training step is made of, as values: the reference supplies one set
/// (`RNNFunctions.reference`, in RNNModels), a learner's exercises another, and any training
/// loop takes either.
public struct RNNFunctions: Sendable {
  /// ex01's forward pass: from `hPrev`, reads `inputs` and scores `targets` (the loss),
  /// keeping what the backward pass needs.
  public var forward:
    @Sendable (_ inputs: [Int], _ targets: [Int], _ hPrev: Vector, _ p: RNNParameters) ->
      ForwardPass
  /// ex01's backward pass: every parameter's gradient and ∂L/∂hPrev, from a forward pass.
  public var backward: @Sendable (_ pass: ForwardPass, _ p: RNNParameters) -> BackwardPass
  /// Clips the gradients to [−limit, limit], in place (the reference clips element by element).
  public var clip: @Sendable (_ gradients: inout RNNParameters, _ limit: Double) -> Void
  /// One optimizer step on the parameters with its memory (the reference's is Adagrad).
  public var update:
    @Sendable (
      _ parameters: inout RNNParameters, _ gradients: RNNParameters, _ memory: inout RNNParameters,
      _ learningRate: Double
    ) -> Void

  /// The four functions, in the order a training step calls them.
  public init(
    forward: @escaping @Sendable ([Int], [Int], Vector, RNNParameters) -> ForwardPass,
    backward: @escaping @Sendable (ForwardPass, RNNParameters) -> BackwardPass,
    clip: @escaping @Sendable (inout RNNParameters, Double) -> Void,
    update:
      @escaping @Sendable (inout RNNParameters, RNNParameters, inout RNNParameters, Double) -> Void
  ) {
    self.forward = forward
    self.backward = backward
    self.clip = clip
    self.update = update
  }
}
