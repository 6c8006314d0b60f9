import CourseSupport
import FastKernels
import Foundation

/// The minimal gated unit of Zhou, Wu, Zhang and Zhou (2016): a GRU whose reset and update
/// gates are one gate, f. It asks how little gating a recurrent layer needs:
///
///     f_t = σ(Wf·x_t + Uf·h_{t−1} + bf)           the one gate: what to forget, and to read
///     h̃_t = tanh(Wh·x_t + Uh·(f_t ⊙ h_{t−1}) + bh)
///     h_t = (1 − f_t) ⊙ h_{t−1} + f_t ⊙ h̃_t
///
/// Two weight blocks to the GRU's three and the LSTM's four, so at one budget it affords more
/// units. This file is all the course needed to add it: the cell, its parameters, and its
/// element-wise math for the fast path; `ModelKind.cells` lists it.
public struct MGUCell: RecurrentCell {
  /// "mgu": see `RecurrentCell.kind`.
  public static let kind = ModelKind(cell: "mgu")
  /// "minimal gated unit": see `RecurrentCell.title`.
  public static let title = "minimal gated unit"
  /// "a minimal gated unit".
  public static let titleWithArticle = "a minimal gated unit"
  /// Two: the gate f and the candidate h̃.
  public static let blocks = 2
  /// D, the numbers read at each step: V one-hot, E embedded, or H from below.
  public let inputSize: Int
  /// H, the hidden units.
  public let hiddenSize: Int

  /// A layer of `hiddenSize` units reading `inputSize` numbers at each step.
  public init(inputSize: Int, hiddenSize: Int) {
    self.inputSize = inputSize
    self.hiddenSize = hiddenSize
  }

  /// What one step keeps for its backward step: x_t, h_{t−1}, f_t and h̃_t.
  public struct Cache: Sendable {
    /// x_t.
    public let x: LayerInput
    /// h_{t−1}.
    public let hPrevious: Vector
    /// f_t, the one gate.
    public let f: Vector
    /// h̃_t, the candidate.
    public let candidate: Vector

    /// The cache of one step, from its values.
    public init(x: LayerInput, hPrevious: Vector, f: Vector, candidate: Vector) {
      (self.x, self.hPrevious, self.f, self.candidate) = (x, hPrevious, f, candidate)
    }
  }

  /// Zeros with every tensor's shape (`MGULayer(inputs:hidden:)`).
  public func zeroParameters() -> MGULayer { MGULayer(inputs: inputSize, hidden: hiddenSize) }

  /// Weights uniform in ±1/√H, as the GRU's, drawn in the order of `tensors`; biases zero.
  public func initialParameters(using rng: inout SeededGenerator) -> MGULayer {
    var p = zeroParameters()
    for path in [\MGULayer.Wf, \.Wh] {
      p[keyPath: path] = randomWeights(rows: hiddenSize, cols: inputSize, using: &rng)
    }
    for path in [\MGULayer.Uf, \.Uh] {
      p[keyPath: path] = randomWeights(rows: hiddenSize, cols: hiddenSize, using: &rng)
    }
    return p
  }

  /// One step of the MGU, the three lines above: see `RecurrentCell.step`.
  public func step(_ x: LayerInput, from s: HiddenState, parameters p: MGULayer) -> (
    state: HiddenState, cache: Cache
  ) {
    let f = (p.Wf.times(x) + p.Uf * s.h + p.bf).map(sigmoid)
    let candidate = (p.Wh.times(x) + p.Uh * (f * s.h) + p.bh).map(tanh)
    let h = f.map { 1 - $0 } * s.h + f * candidate
    return (HiddenState(h: h), Cache(x: x, hPrevious: s.h, f: f, candidate: candidate))
  }

  ///     dh   = dh_above + dh_next;   dah = dh ⊙ f ⊙ (1 − h̃²)
  ///     dWh += dah·xᵀ,  dUh += dah·(f ⊙ h_{t−1})ᵀ,  dbh += dah;   it = Uhᵀ·dah
  ///     df   = dh ⊙ (h̃ − h_{t−1}) + it ⊙ h_{t−1};   daf = df ⊙ f(1 − f)
  ///     dh_{t−1} = dh ⊙ (1 − f) + it ⊙ f + Ufᵀ·daf;   dx = Wfᵀ·daf + Whᵀ·dah
  public func backStep(
    _ dhAbove: Vector, _ dNext: HiddenState, cache k: Cache, parameters p: MGULayer,
    gradients g: inout MGULayer
  ) -> (input: Vector?, previous: HiddenState, current: HiddenState) {
    let dh = dhAbove + dNext.h
    let dah = dh * k.f * k.candidate.map { 1 - $0 * $0 }
    let it = p.Uh.transposedTimes(dah)
    let daf = (dh * (k.candidate - k.hPrevious) + it * k.hPrevious) * k.f.map { $0 * (1 - $0) }
    g.Wh.addOuterProduct(dah, k.x)
    g.Uh.addOuterProduct(dah, k.f * k.hPrevious)
    g.bh += dah
    g.Wf.addOuterProduct(daf, k.x)
    g.Uf.addOuterProduct(daf, k.hPrevious)
    g.bf += daf
    let dhPrevious = dh * k.f.map { 1 - $0 } + it * k.f + p.Uf.transposedTimes(daf)
    let dx: Vector? =
      if case .vector = k.x { p.Wf.transposedTimes(daf) + p.Wh.transposedTimes(dah) } else { nil }
    return (dx, HiddenState(h: dhPrevious), HiddenState(h: dh))
  }
}

/// A minimal gated unit's weights: the gate f and the candidate, each an input weight (H × D),
/// a recurrent weight (H × H) and a bias (H).
public struct MGULayer: TensorSet, Codable {
  /// The gate's input weights (H × D).
  public var Wf: Matrix
  /// The candidate's input weights (H × D).
  public var Wh: Matrix
  /// The gate's recurrent weights (H × H).
  public var Uf: Matrix
  /// The candidate's recurrent weights (H × H).
  public var Uh: Matrix
  /// The gate's bias (H).
  public var bf: Vector
  /// The candidate's bias (H).
  public var bh: Vector

  /// All zeros, for `hidden` units reading `inputs` numbers.
  public init(inputs d: Int, hidden h: Int) {
    (Wf, Wh, Uf, Uh) = (.zeros(h, d), .zeros(h, d), .zeros(h, h), .zeros(h, h))
    (bf, bh) = (.zeros(h), .zeros(h))
  }

  /// Wf, Wh, Uf, Uh, bf, bh by name: input weights, recurrent weights, biases, as the GRU's.
  public var tensors: [TensorSlot<MGULayer>] {
    [
      .matrix("Wf", Wf, \.Wf), .matrix("Wh", Wh, \.Wh), .matrix("Uf", Uf, \.Uf),
      .matrix("Uh", Uh, \.Uh), .vector("bf", bf, \.bf), .vector("bh", bh, \.bh),
    ]
  }
}

/// On the gated fast path: f reads h_{t−1} (the first phase), the candidate reads f ⊙ h_{t−1},
/// kept in aux (the second). With one gate per phase, unit u's column is u in each phase's block.
extension MGUCell: GatedCell {
  /// f in the first phase, h̃ (reading f ⊙ h_{t−1}) in the second; no cell state.
  public static let shape = GateShape(gates: 2, direct: 1, hasCellState: false)
  /// f's W, U and b, then the candidate's.
  public static var gateTensors:
    [(
      W: WritableKeyPath<MGULayer, Matrix>, U: WritableKeyPath<MGULayer, Matrix>,
      b: WritableKeyPath<MGULayer, Vector>
    )]
  { [(\.Wf, \.Uf, \.bf), (\.Wh, \.Uh, \.bh)] }
  /// h alone: the MGU carries no c.
  public static func vectors(of s: HiddenState) -> (h: Vector, c: Vector?) { (s.h, nil) }
  /// The state h; `c` is ignored.
  public static func state(h: Vector, c: Vector?) -> HiddenState { HiddenState(h: h) }

  /// f, and f ⊙ h_{t−1} into aux.
  public static func forward<K: Kernels>(_: K.Type, _ r: GateRow<K.Scalar>) { mguForward(r) }

  /// h̃, and h_t = (1 − f) ⊙ h_{t−1} + f ⊙ h̃.
  public static func finish<K: Kernels>(_: K.Type, _ r: GateRow<K.Scalar>) { mguFinish(r) }

  /// dh into `dh`, and the candidate's dA = dh ⊙ f ⊙ (1 − h̃²).
  public static func backFinish<K: Kernels>(_: K.Type, _ r: GateBackRow<K.Scalar>) {
    mguBackFinish(r)
  }

  /// f's dA, and dh_{t−1} = dh ⊙ (1 − f) + it ⊙ f, where it = Uhᵀ·dah (`secondInput`).
  public static func backward<K: Kernels>(_: K.Type, _ r: GateBackRow<K.Scalar>) {
    mguBackward(r)
  }
}

// The MGU's element-wise loops, written once for both precisions. The fast path calls them from
// code generic in the precision; `@_specialize` compiles each for Double and for Float and
// makes the generic entry jump to the one that matches, so the loops run on concrete vectors.

@_specialize(where S == Double)
@_specialize(where S == Float)
func mguForward<S: KernelScalar>(_ r: GateRow<S>) {
  for u in stride(from: 0, to: r.count, by: 8) {
    let f = sigmoid(load(r.a + u) + load(r.bias + u))
    store(f, r.a + u)
    store(f * load(r.hPrevious + u), r.aux + u)
  }
}

@_specialize(where S == Double)
@_specialize(where S == Float)
func mguFinish<S: KernelScalar>(_ r: GateRow<S>) {
  for u in stride(from: 0, to: r.count, by: 8) {
    let candidate = tanh(load(r.second + u) + load(r.secondBias + u))
    store(candidate, r.second + u)
    let f = load(r.a + u)
    store((1 - f) * load(r.hPrevious + u) + f * candidate, r.h + u)
  }
}

@_specialize(where S == Double)
@_specialize(where S == Float)
func mguBackFinish<S: KernelScalar>(_ r: GateBackRow<S>) {
  for u in stride(from: 0, to: r.count, by: 8) {
    let dh = load(r.dhAbove + u) + load(r.dhNext + u)
    store(dh, r.dh + u)
    let candidate = load(r.secondGates + u)
    store(dh * load(r.gates + u) * (1 - candidate * candidate), r.secondDA + u)
  }
}

@_specialize(where S == Double)
@_specialize(where S == Float)
func mguBackward<S: KernelScalar>(_ r: GateBackRow<S>) {
  for u in stride(from: 0, to: r.count, by: 8) {
    let (f, candidate, h) = (load(r.gates + u), load(r.secondGates + u), load(r.hPrevious + u))
    let (dh, it) = (load(r.dh + u), load(r.secondInput + u))
    store((dh * (candidate - h) + it * h) * (f * (1 - f)), r.da + u)
    store(dh * (1 - f) + it * f, r.dhNext + u)
  }
}
