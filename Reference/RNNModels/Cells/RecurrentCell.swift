import CourseSupport

/// One recurrent layer's math at one time step, forward and back. Time is written once per
/// family of model, on top of this: `CharModel` (language models: windows, a carried state,
/// stacks, the output layer), `Tagger` (one layer read both ways, a label per character) and
/// `LatentModel` (a regression head whose prediction may be the next step's input, so its
/// steps cannot be run ahead of its outputs) and `Seq2SeqModel` (two layers, one reading a
/// source, one writing a target from the first's last state). Each family's training step is
/// `Reference.step`.
public protocol RecurrentCell: Sendable {
  /// The layer's weights and biases, as named tensors.
  associatedtype Parameters: TensorSet
  /// What is carried from one step to the next: h, or (h, c).
  associatedtype State: TensorSet
  /// What one step keeps for its backward step.
  associatedtype Cache: Sendable

  /// What a checkpoint and the command line call a model made of these layers ("lstm").
  static var kind: ModelKind { get }
  /// How lessons and reports name it: "vanilla RNN", "GRU", "LSTM".
  static var title: String { get }
  /// The title with its article: "a vanilla RNN", "an LSTM".
  static var titleWithArticle: String { get }
  /// How many weight blocks of a vanilla RNN's size one layer holds (its gates and candidate).
  static var blocks: Int { get }
  /// The share of training windows that start from a zero state unless told otherwise
  /// (`StateResets`; 0 unless the cell says).
  static var defaultResetProbability: Double { get }
  /// How its models learn unless told otherwise (Adam unless the cell says).
  static var defaultOptimizer: OptimizerKind { get }
  /// PyTorch's layer for this cell as the benchmark baseline names it (`torch_charlstm.py
  /// --cell lstm`); nil when PyTorch has none, and `rnn bench` then measures ours alone.
  static var pyTorchLayer: String? { get }
  /// How PyTorch's layer computes something else, when it does (`rnn bench` compares learning
  /// with PyTorch only where the math is the same); nil when it is the same.
  static var pyTorchDifference: String? { get }
  /// Whether models of `spec` trained with `optimizer` have a fast path (`fastTrainer`); only
  /// a fast path trains several streams at once (none unless the cell says).
  static func trainsFast(_ spec: ModelSpec, optimizer: OptimizerKind) -> Bool
  /// `trainsFast` in words, for a learner told why `--batch` cannot be used ("no dropout"); nil
  /// when the cell has no fast path.
  static var fastPathTerms: String? { get }
  /// The fast path for `model`, or nil where it has none: `makeTrainer` then uses the
  /// reference loop.
  static func fastTrainer(
    _ model: CharModel<Self>, _ run: RunState<CharModel<Self>>, _ hp: Hyperparameters, batch: Int,
    threads: ThreadUse
  ) -> (any RunTrainer<CharModel<Self>>)?
  /// A reader on the fast path for `model` (sampling, scoring), or nil where it has none.
  static func fastReader(
    _ model: CharModel<Self>, parameters: CharModel<Self>.Parameters,
    from state: CharModel<Self>.State
  ) -> (any CharacterReader)?

  /// A layer of `hiddenSize` units reading `inputSize` numbers at each step.
  init(inputSize: Int, hiddenSize: Int)
  /// D, the numbers read at each step: V one-hot, E embedded, or H from below.
  var inputSize: Int { get }
  /// H, the hidden units.
  var hiddenSize: Int { get }

  /// Zeros with every tensor's shape.
  func zeroParameters() -> Parameters
  /// A fresh layer: weights drawn from the generator, in the order of `tensors`.
  func initialParameters(using rng: inout SeededGenerator) -> Parameters
  /// A weight matrix drawn as this cell draws its own: what the output layer on top uses.
  func randomWeights(rows: Int, cols: Int, using rng: inout SeededGenerator) -> Matrix
  /// The zero state, where every sequence starts.
  func zeroState() -> State
  /// h_t: what the layer above, or the output layer, reads.
  func output(of state: State) -> Vector

  /// One step forward: the state after reading `x` from `state`, and what `backStep` needs.
  func step(_ x: LayerInput, from state: State, parameters p: Parameters) -> (
    state: State, cache: Cache
  )

  /// Back through one step. `dh` is ∂L/∂h_t from above (the output layer or the next layer),
  /// `dNext` is what step t+1 passed back. Adds this step's share of every parameter's gradient
  /// to `g` and returns ∂L/∂x_t (nil for a one-hot input), what to pass back to step t−1, and
  /// ∂L/∂(this step's state) along every path (what a gradient-flow picture shows).
  func backStep(
    _ dh: Vector, _ dNext: State, cache: Cache, parameters p: Parameters,
    gradients g: inout Parameters
  ) -> (input: Vector?, previous: State, current: State)
}

extension RecurrentCell {
  /// 0: no window starts from zero unless the cell says.
  public static var defaultResetProbability: Double { 0 }
  /// Adam, unless the cell says.
  public static var defaultOptimizer: OptimizerKind { .adam }
  /// nil: PyTorch has no such layer, unless the cell names it.
  public static var pyTorchLayer: String? { nil }
  /// nil: the same math as PyTorch's layer, unless the cell says.
  public static var pyTorchDifference: String? { nil }
  /// false: no fast path, unless the cell has one.
  public static func trainsFast(_ spec: ModelSpec, optimizer: OptimizerKind) -> Bool { false }
  /// nil: no fast path, unless the cell has one.
  public static var fastPathTerms: String? { nil }
  /// nil: the reference loop trains it, unless the cell has a fast path.
  public static func fastTrainer(
    _ model: CharModel<Self>, _ run: RunState<CharModel<Self>>, _ hp: Hyperparameters, batch: Int,
    threads: ThreadUse
  ) -> (any RunTrainer<CharModel<Self>>)? { nil }
  /// nil: `step` reads, unless the cell has a fast path.
  public static func fastReader(
    _ model: CharModel<Self>, parameters: CharModel<Self>.Parameters,
    from state: CharModel<Self>.State
  ) -> (any CharacterReader)? { nil }
}

extension RecurrentCell {
  /// Uniform in ±1/√H (PyTorch's default), unless the cell draws its own (the vanilla RNN draws
  /// min-char-rnn's).
  public func randomWeights(rows: Int, cols: Int, using rng: inout SeededGenerator) -> Matrix {
    .uniform(rows, cols, bound: 1 / Double(hiddenSize).squareRoot(), using: &rng)
  }
}

extension RecurrentCell where State == HiddenState {
  /// h = 0, where every sequence starts.
  public func zeroState() -> HiddenState { HiddenState(h: .zeros(hiddenSize)) }
  /// h_t itself: a cell whose state is h alone shows all of it.
  public func output(of state: HiddenState) -> Vector { state.h }
}
