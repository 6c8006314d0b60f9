import CourseSupport
import FastKernels

/// A recurrent cell the gated fast path can train: its math as the fast path runs it
/// (`GateMath`: its shape and its element-wise steps), which of its tensors make each gate's
/// column block, and how its state reads as h (and c). A new gated cell conforms in its own
/// file; a missing piece is a compile error.
public protocol GatedCell: RecurrentCell, GateMath {
  /// Gate k's input weights, recurrent weights and bias, in the order of `shape`'s gates: the
  /// first phase's, then the second's.
  static var gateTensors:
    [(
      W: WritableKeyPath<Parameters, Matrix>, U: WritableKeyPath<Parameters, Matrix>,
      b: WritableKeyPath<Parameters, Vector>
    )]
  { get }
  /// The state's h, and its c for a cell that has one: what the fast path's buffers hold.
  static func vectors(of state: State) -> (h: Vector, c: Vector?)
  /// The state made of h (and c), read back from the fast path's buffers.
  static func state(h: Vector, c: Vector?) -> State
}

extension LSTMCell: GatedCell {
  /// i, f, g, o, all from x_t and h_{t−1}: one phase, and a cell state.
  public static let shape = GateShape(gates: 4, direct: 4, hasCellState: true)
  /// i, f, g, o: each gate's W, U and b.
  public static var gateTensors:
    [(
      W: WritableKeyPath<LSTMLayer, Matrix>, U: WritableKeyPath<LSTMLayer, Matrix>,
      b: WritableKeyPath<LSTMLayer, Vector>
    )]
  { [(\.Wi, \.Ui, \.bi), (\.Wf, \.Uf, \.bf), (\.Wg, \.Ug, \.bg), (\.Wo, \.Uo, \.bo)] }
  /// h and c.
  public static func vectors(of s: LSTMState) -> (h: Vector, c: Vector?) { (s.h, s.c) }
  /// (h, c); `c` must be given.
  public static func state(h: Vector, c: Vector?) -> LSTMState { LSTMState(h: h, c: c!) }

  /// The gates, c_t = f ⊙ c_{t−1} + i ⊙ g and h_t = o ⊙ tanh(c_t); tanh(c_t) kept in aux.
  public static func forward<K: Kernels>(_: K.Type, _ r: GateRow<K.Scalar>) {
    K.lstmForward(
      r.a, bias: r.bias, cPrevious: r.cPrevious, c: r.c, tanhC: r.aux, h: r.h, count: r.count)
  }

  /// Every gate's dA and dc_{t−1} = dc ⊙ f; h_{t−1} reaches the loss only through the gates'
  /// product, so the rest of dh_{t−1} is 0.
  public static func backward<K: Kernels>(_: K.Type, _ r: GateBackRow<K.Scalar>) {
    K.lstmBackward(
      r.da, gates: r.gates, cPrevious: r.cPrevious, tanhC: r.aux, dhAbove: r.dhAbove,
      dhNext: r.dhNext, dcNext: r.dcNext, count: r.count)
    zero(r.dhNext, r.count)
  }
}

extension GRUCell: GatedCell {
  /// r and z from x_t and h_{t−1}; the candidate reads r ⊙ h_{t−1}: two phases, no cell state.
  public static let shape = GateShape(gates: 3, direct: 2, hasCellState: false)
  /// r and z (the first phase), then the candidate (the second).
  public static var gateTensors:
    [(
      W: WritableKeyPath<GRULayer, Matrix>, U: WritableKeyPath<GRULayer, Matrix>,
      b: WritableKeyPath<GRULayer, Vector>
    )]
  { [(\.Wr, \.Ur, \.br), (\.Wz, \.Uz, \.bz), (\.Wh, \.Uh, \.bh)] }
  /// h alone: the GRU carries no c.
  public static func vectors(of s: HiddenState) -> (h: Vector, c: Vector?) { (s.h, nil) }
  /// The state h; `c` is ignored.
  public static func state(h: Vector, c: Vector?) -> HiddenState { HiddenState(h: h) }

  /// r and z; r ⊙ h_{t−1} into aux, what the candidate's product reads.
  public static func forward<K: Kernels>(_: K.Type, _ r: GateRow<K.Scalar>) {
    K.gruGates(r.a, bias: r.bias, hPrevious: r.hPrevious, resetH: r.aux, count: r.count)
  }

  /// h̃ and h_t = (1 − z) ⊙ h_{t−1} + z ⊙ h̃.
  public static func finish<K: Kernels>(_: K.Type, _ r: GateRow<K.Scalar>) {
    K.gruCandidate(
      r.second, bias: r.secondBias, rz: r.a, hPrevious: r.hPrevious, h: r.h, count: r.count)
  }

  /// dh, and h̃'s dA = dh ⊙ z ⊙ (1 − h̃²).
  public static func backFinish<K: Kernels>(_: K.Type, _ r: GateBackRow<K.Scalar>) {
    K.gruCandidateBack(
      r.secondDA, rz: r.gates, candidate: r.secondGates, dhAbove: r.dhAbove, dhNext: r.dhNext,
      dh: r.dh, count: r.count)
  }

  /// r's and z's dA, and dh_{t−1} = dh ⊙ (1 − z) + (Uhᵀ·da_h) ⊙ r, to which the fast path adds the
  /// first phase's product.
  public static func backward<K: Kernels>(_: K.Type, _ r: GateBackRow<K.Scalar>) {
    K.gruGatesBack(
      r.da, rz: r.gates, candidate: r.secondGates, hPrevious: r.hPrevious, dh: r.dh,
      resetInput: r.secondInput, dhPrevious: r.dhNext, count: r.count)
  }
}
