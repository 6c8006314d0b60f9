import CourseSupport

/// What the training loop needs of a character-level model: read a window of characters from a
/// carried state, score each next character, and say how the loss depends on every parameter.
public protocol TrainableModel: Sendable {
  /// Every weight and bias, as named tensors.
  associatedtype Parameters: TensorSet
  /// What is carried from one character to the next (h; (h, c); one per layer).
  associatedtype State: TensorSet
  /// What a forward pass over a window keeps for its backward pass.
  associatedtype Record: Sendable

  /// What it is, as a checkpoint records it.
  var spec: ModelSpec { get }

  /// Zeros with every tensor's shape.
  func zeroParameters() -> Parameters
  /// A fresh model, its weights drawn from the generator.
  func initialParameters(using rng: inout SeededGenerator) -> Parameters
  /// The zero state, where every sequence starts.
  func zeroState() -> State

  /// Reads `inputs` from `state`, scoring each next character against `targets`: the summed
  /// cross-entropy, what backward needs, and the state after the last input.
  func forward(inputs: [Int], targets: [Int], from state: State, parameters: Parameters) -> (
    loss: Double, record: Record, last: State
  )
  /// ∂L/∂(every parameter) and ∂L/∂(the state the window started from).
  func backward(_ record: Record, parameters: Parameters) -> (gradients: Parameters, dState: State)

  /// The forward pass of training, which may draw from `noise` (dropout's masks).
  func forward(
    inputs: [Int], targets: [Int], from state: State, parameters: Parameters,
    noise: inout SeededGenerator
  ) -> (loss: Double, record: Record, last: State)
}

/// A character-level model: it reads characters one at a time, carries a state, and scores the
/// next character. Training, checkpoints, sampling, temperature, entropy, scoring and the
/// pictures are written once against this; a model is one conformance.
public protocol LanguageModel: TrainableModel {
  /// One character in: the next state and the scores y (not probabilities) of the character
  /// after it. Sampling at any temperature, entropy and scoring are built on this.
  func step(input: Int, from state: State, parameters: Parameters) -> (state: State, scores: Vector)

  /// The hidden state the output layer reads (the top layer's h): what activation pictures and
  /// classifier features show.
  func hidden(of state: State) -> Vector

  /// What the bottom layer reads for each character: its one-hot vector written out, or its
  /// embedding row. Saliency differentiates with respect to these.
  func inputVectors(_ characters: [Int], parameters: Parameters) -> [Vector]

  /// Reads `inputs` (vectors, in place of characters) from `state`: ln p(`target`) after the
  /// last of them, and its gradient with respect to each input vector.
  func logProbabilityGradient(
    inputs: [Vector], target: Int, from state: State, parameters: Parameters
  ) -> (logProbability: Double, gradients: [Vector])

  /// A faster trainer than the reference loop for this model, if it has one (`makeTrainer`).
  func fastTrainer(_ run: RunState<Self>, _ hp: Hyperparameters, batch: Int, threads: ThreadUse)
    -> (any RunTrainer<Self>)?

  /// Reads characters one at a time from `state`: on the fast path where the model has one,
  /// else `step` (`StepReader`, the default).
  func reader(parameters: Parameters, from state: State) -> any CharacterReader
}

extension LanguageModel {
  /// nil: the reference loop trains it (`makeTrainer`).
  public func fastTrainer(
    _ run: RunState<Self>, _ hp: Hyperparameters, batch: Int, threads: ThreadUse
  ) -> (any RunTrainer<Self>)? { nil }
}

extension TrainableModel {
  /// V, the characters the model reads and scores.
  public var vocabularySize: Int { spec.vocabularySize }

  /// A model without randomness in training reads as it always does.
  public func forward(
    inputs: [Int], targets: [Int], from state: State, parameters: Parameters,
    noise: inout SeededGenerator
  ) -> (loss: Double, record: Record, last: State) {
    forward(inputs: inputs, targets: targets, from: state, parameters: parameters)
  }

  /// A fresh model from a seed.
  public func initialParameters(seed: UInt64) -> Parameters {
    var rng = SeededGenerator(seed: seed)
    return initialParameters(using: &rng)
  }
}
