import CourseSupport

/// What a recurrent layer reads at one time step: a character, which is a one-hot vector kept
/// as its index, or a vector (an embedding row, or the h of the layer below).
public enum LayerInput: Sendable, Equatable {
  case index(Int)
  case vector(Vector)
}

extension Matrix {
  /// W·x. With a one-hot x = e_i that is column i of W: no multiplication at all.
  public func times(_ x: LayerInput) -> Vector {
    switch x {
    case .index(let i): column(i)
    case .vector(let v): self * v
    }
  }

  /// self += d·xᵀ: for a one-hot x = e_i, column i gets d.
  public mutating func addOuterProduct(_ d: Vector, _ x: LayerInput) {
    switch x {
    case .index(let i): addToColumn(i, d)
    case .vector(let v): addOuterProduct(d, v)
    }
  }
}

/// One recurrent layer's math at one time step, forward and back. Everything about time
/// (windows, carried state) and depth (stacks, the output layer) is written once, in
/// `CharModel`, on top of this.
public protocol RecurrentCell: Sendable {
  associatedtype Parameters: TensorSet
  /// What is carried from one step to the next: h, or (h, c).
  associatedtype State: TensorSet
  /// What one step keeps for its backward step.
  associatedtype Cache: Sendable

  /// What a checkpoint calls a model made of these layers.
  static var kind: ModelKind { get }

  init(inputSize: Int, hiddenSize: Int)
  var inputSize: Int { get }
  var hiddenSize: Int { get }

  /// Zeros with every tensor's shape.
  func zeroParameters() -> Parameters
  /// A fresh layer: weights drawn from the generator, in the order of `tensors`.
  func initialParameters(using rng: inout SeededGenerator) -> Parameters
  /// A weight matrix drawn as this cell draws its own: what the output layer on top uses.
  func randomWeights(rows: Int, cols: Int, using rng: inout SeededGenerator) -> Matrix
  func zeroState() -> State
  /// h_t: what the layer above, or the output layer, reads.
  func output(of state: State) -> Vector

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
