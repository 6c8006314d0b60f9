/// The shape of a gated cell's step, what the fast path lays its buffers out by.
///
/// A step's `gates` blocks of h columns come in one or two phases. The first `direct` read x_t
/// and h_{t−1}: one recurrent product U·h_{t−1} for all of them, then the cell's element-wise
/// `forward`. The others (a GRU's candidate) read what `forward` left in `aux` (r ⊙ h_{t−1}):
/// a second product, then `finish`. Within a phase the gates are interleaved per block of 8
/// units (`GatedLayout.column`), so each run of units owns one run of columns per phase.
public struct GateShape: Sendable, Equatable {
  /// G, the blocks of h columns a step computes (an LSTM's 4; a GRU's r, z and h̃).
  public let gates: Int
  /// How many of them read h_{t−1} in the first phase; the rest make the second.
  public let direct: Int
  /// Whether the cell carries c besides h.
  public let hasCellState: Bool

  /// A step of `gates` blocks, the first `direct` of them in the first phase.
  public init(gates: Int, direct: Int, hasCellState: Bool) {
    precondition(0 < direct && direct <= gates, "a step reads h_{t−1} for 1 … gates of its gates")
    self.gates = gates
    self.direct = direct
    self.hasCellState = hasCellState
  }

  /// Whether the step has a second phase.
  public var twoPhase: Bool { direct < gates }
}

/// One row's (one stream's) pointers at one step, for a part's run of units: each points at the
/// part's first unit (or at its first column of a phase's gates).
public struct GateRow<S: KernelScalar> {
  /// The first phase's pre-activations (products without bias), overwritten with its gates.
  public let a: UnsafeMutablePointer<S>
  /// The second phase's (a GRU's candidate), when there is one.
  public let second: UnsafeMutablePointer<S>
  /// The biases of the same columns.
  public let bias: UnsafePointer<S>
  /// The second phase's biases.
  public let secondBias: UnsafePointer<S>
  /// h_{t−1}.
  public let hPrevious: UnsafePointer<S>
  /// h_t, which the cell writes.
  public let h: UnsafeMutablePointer<S>
  /// c_{t−1} and c_t, for a cell that has a cell state.
  public let cPrevious: UnsafePointer<S>
  /// c_t, which a cell with a cell state writes.
  public let c: UnsafeMutablePointer<S>
  /// What the cell keeps per unit for its backward step, or for its second phase to read.
  public let aux: UnsafeMutablePointer<S>
  /// How many units: the part's run, a multiple of 8.
  public let count: Int

  /// A row's pointers at one step (see each field).
  public init(
    a: UnsafeMutablePointer<S>, second: UnsafeMutablePointer<S>, bias: UnsafePointer<S>,
    secondBias: UnsafePointer<S>,
    hPrevious: UnsafePointer<S>, h: UnsafeMutablePointer<S>, cPrevious: UnsafePointer<S>,
    c: UnsafeMutablePointer<S>,
    aux: UnsafeMutablePointer<S>, count: Int
  ) {
    (self.a, self.second, self.bias, self.secondBias) = (a, second, bias, secondBias)
    (self.hPrevious, self.h, self.cPrevious, self.c) = (hPrevious, h, cPrevious, c)
    (self.aux, self.count) = (aux, count)
  }
}

/// One row's pointers going back through one step, for a part's run of units.
public struct GateBackRow<S: KernelScalar> {
  /// ∂L/∂(pre-activations) of each phase, written here; the gates the forward pass left.
  public let da: UnsafeMutablePointer<S>
  /// The second phase's ∂L/∂(pre-activations), written here.
  public let secondDA: UnsafeMutablePointer<S>
  /// The first phase's gates, as the forward pass left them.
  public let gates: UnsafePointer<S>
  /// The second phase's values, as the forward pass left them (a GRU's h̃).
  public let secondGates: UnsafePointer<S>
  /// h_{t−1}.
  public let hPrevious: UnsafePointer<S>
  /// c_{t−1}, for a cell that has a cell state.
  public let cPrevious: UnsafePointer<S>
  /// What the cell kept in `GateRow.aux` at this step.
  public let aux: UnsafePointer<S>
  /// ∂L/∂h_t from the layer above (or the output layer).
  public let dhAbove: UnsafePointer<S>
  /// ∂L/∂h_t and ∂L/∂c_t from step t + 1 in; ∂L/∂h_{t−1} along every path but the first phase's
  /// product (which the fast path adds after) and ∂L/∂c_{t−1}, out.
  public let dhNext: UnsafeMutablePointer<S>
  /// ∂L/∂c_t from step t + 1 in, ∂L/∂c_{t−1} out, for a cell that has a cell state.
  public let dcNext: UnsafeMutablePointer<S>
  /// Scratch: the whole ∂L/∂h_t, kept between the two backward phases.
  public let dh: UnsafeMutablePointer<S>
  /// The second phase's dA·Uᵀ (what reached `aux` through the second product).
  public let secondInput: UnsafePointer<S>
  /// How many units: the part's run, a multiple of 8.
  public let count: Int

  /// A row's pointers going back through one step (see each field).
  public init(
    da: UnsafeMutablePointer<S>, secondDA: UnsafeMutablePointer<S>, gates: UnsafePointer<S>,
    secondGates: UnsafePointer<S>,
    hPrevious: UnsafePointer<S>, cPrevious: UnsafePointer<S>, aux: UnsafePointer<S>,
    dhAbove: UnsafePointer<S>,
    dhNext: UnsafeMutablePointer<S>, dcNext: UnsafeMutablePointer<S>, dh: UnsafeMutablePointer<S>,
    secondInput: UnsafePointer<S>,
    count: Int
  ) {
    (self.da, self.secondDA, self.gates, self.secondGates) = (da, secondDA, gates, secondGates)
    (self.hPrevious, self.cPrevious, self.aux, self.dhAbove) = (hPrevious, cPrevious, aux, dhAbove)
    (self.dhNext, self.dcNext, self.dh) = (dhNext, dcNext, dh)
    (self.secondInput, self.count) = (secondInput, count)
  }
}

/// What the gated fast path needs of a cell: its shape and its element-wise math, one row at a
/// time. Everything else (layout, products, threads, the optimizer) is shared. The element-wise
/// functions get the kernels in use (`K`), so a cell can call loops compiled for the CPU's
/// widest vectors (as the LSTM and GRU do, through `Kernels`) or write its own with `SIMD8` lanes of `K.Scalar`.
public protocol GateMath {
  /// How many gate blocks, in which phases, and whether the cell carries c.
  static var shape: GateShape { get }
  /// The first phase: gates from `row.a` (plus bias); a one-phase cell writes h_t (and c_t).
  static func forward<K: Kernels>(_: K.Type, _ row: GateRow<K.Scalar>)
  /// The second phase, after its product: h_t. (A one-phase cell has none.)
  static func finish<K: Kernels>(_: K.Type, _ row: GateRow<K.Scalar>)
  /// Back through the second phase: its dA, and the whole ∂L/∂h_t into `row.dh`.
  static func backFinish<K: Kernels>(_: K.Type, _ row: GateBackRow<K.Scalar>)
  /// Back through the first phase: its dA, ∂L/∂c_{t−1} and the rest of ∂L/∂h_{t−1} (see
  /// `GateBackRow.dhNext`).
  static func backward<K: Kernels>(_: K.Type, _ row: GateBackRow<K.Scalar>)
}

extension GateMath {
  /// A one-phase cell has no second phase: nothing to do.
  public static func finish<K: Kernels>(_: K.Type, _ row: GateRow<K.Scalar>) {}
  /// A one-phase cell has no second phase: nothing to do.
  public static func backFinish<K: Kernels>(_: K.Type, _ row: GateBackRow<K.Scalar>) {}
}
