import CourseSupport
import FastKernels

/// A recurrent cell the gated fast path can train: which of its tensors make each gate's
/// column block, and how its state reads as h (and c).
public protocol GatedCell: RecurrentCell {
  static var gatedKind: GatedKind { get }
  /// Gate k's input weights, recurrent weights and bias, in the fast path's gate order.
  static var gateTensors:
    [(
      W: WritableKeyPath<Parameters, Matrix>, U: WritableKeyPath<Parameters, Matrix>,
      b: WritableKeyPath<Parameters, Vector>
    )]
  { get }
  static func vectors(of state: State) -> (h: Vector, c: Vector?)
  static func state(h: Vector, c: Vector?) -> State
}

extension LSTMCell: GatedCell {
  public static let gatedKind = GatedKind.lstm
  public static var gateTensors:
    [(
      W: WritableKeyPath<LSTMLayer, Matrix>, U: WritableKeyPath<LSTMLayer, Matrix>,
      b: WritableKeyPath<LSTMLayer, Vector>
    )]
  { [(\.Wi, \.Ui, \.bi), (\.Wf, \.Uf, \.bf), (\.Wg, \.Ug, \.bg), (\.Wo, \.Uo, \.bo)] }
  public static func vectors(of s: LSTMState) -> (h: Vector, c: Vector?) { (s.h, s.c) }
  public static func state(h: Vector, c: Vector?) -> LSTMState { LSTMState(h: h, c: c!) }
}

extension GRUCell: GatedCell {
  public static let gatedKind = GatedKind.gru
  public static var gateTensors:
    [(
      W: WritableKeyPath<GRULayer, Matrix>, U: WritableKeyPath<GRULayer, Matrix>,
      b: WritableKeyPath<GRULayer, Vector>
    )]
  { [(\.Wr, \.Ur, \.br), (\.Wz, \.Uz, \.bz), (\.Wh, \.Uh, \.bh)] }
  public static func vectors(of s: HiddenState) -> (h: Vector, c: Vector?) { (s.h, nil) }
  public static func state(h: Vector, c: Vector?) -> HiddenState { HiddenState(h: h) }
}
