/// The four functions a training step is made of, as values: the reference supplies one set
/// (`RNNFunctions.reference` in ReferenceRNN), a learner's exercises another, and any training
/// loop takes either.
public struct RNNFunctions: Sendable {
  public var forward:
    @Sendable (_ inputs: [Int], _ targets: [Int], _ hPrev: Vector, _ p: RNNParameters) ->
      ForwardPass
  public var backward: @Sendable (_ pass: ForwardPass, _ p: RNNParameters) -> BackwardPass
  public var clip: @Sendable (_ gradients: inout RNNParameters, _ limit: Double) -> Void
  public var update:
    @Sendable (
      _ parameters: inout RNNParameters, _ gradients: RNNParameters, _ memory: inout RNNParameters,
      _ learningRate: Double
    ) -> Void

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
