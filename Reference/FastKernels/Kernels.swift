/// The loops that do the fast trainer's work, in one precision (`Scalar`). Each conformance is a
/// set of one-line calls to the inlinable loops, so each is those loops compiled for its own
/// module's target and precision: `PortableKernels` and `PortableFloatKernels`
/// (FastKernelsPortable) for the platform's baseline (SSE2 on x86-64, NEON on arm64),
/// `WideKernels` and `WideFloatKernels` (FastKernelsWide) for AVX2 with FMA, `Wide512Kernels` and
/// `Wide512FloatKernels` (FastKernels512) for AVX-512. `trainWindow` and `repack` orchestrate with
/// whichever is given.
public protocol Kernels<Scalar>: Sendable {
  /// The precision the loops compute in.
  associatedtype Scalar: KernelScalar
  /// C (m × n, rows `ldc` apart) = A·B, or C += A·B; n is a multiple of 8.
  static func multiply(
    m: Int, n: Int, k: Int, _ a: StridedMatrix<Scalar>, _ b: PanelMatrix<Scalar>,
    into c: UnsafeMutablePointer<Scalar>,
    ldc: Int, accumulate: Bool)
  /// Panels of 8 columns of B (rows × columns): the row-major `source` (rows `rowLength`
  /// apart), or with `transposed` the transpose of the row-major `source` (columns × rows,
  /// `rowLength` apart).
  static func pack(
    _ source: UnsafePointer<Scalar>, rows: Int, columns: Int, transposed: Bool, rowLength: Int,
    into panels: UnsafeMutablePointer<Scalar>)
  /// row = tanh(row + input + bias), in place: a vanilla RNN's h_t from Whh·h_{t−1} (already in
  /// `row`), the column Wxh[:, x_t] and bh (`activateLoop`).
  static func activate(
    _ row: UnsafeMutablePointer<Scalar>, input: UnsafePointer<Scalar>, bias: UnsafePointer<Scalar>,
    count: Int)
  /// For each of `rows` rows of scores: add by, softmax over the real classes, −log p[target] into
  /// `losses`, and p turned into dy = p − onehot(target) (`softmaxLoop`).
  static func softmax(
    _ ys: UnsafeMutablePointer<Scalar>, rows: Int, layout: FastLayout, bias: UnsafePointer<Scalar>,
    targets: UnsafePointer<Int>, losses: UnsafeMutablePointer<Double>)
  /// d = (1 − h²) ⊙ (fromOutput + fromNext), h read from `state`: ∂L/∂(pre-activation) of a vanilla
  /// RNN step (`backwardLoop`).
  static func backwardStep(
    _ d: UnsafeMutablePointer<Scalar>, state: UnsafePointer<Scalar>,
    fromOutput: UnsafePointer<Scalar>, fromNext: UnsafePointer<Scalar>, count: Int)
  /// Clip to [−clipLimit, clipLimit] (when given), then Adagrad: m += g², θ −= rate·g/√(m + 1e-8)
  /// (`adagradLoop`).
  static func adagrad(
    _ theta: UnsafeMutablePointer<Scalar>, memory: UnsafeMutablePointer<Scalar>,
    grad: UnsafePointer<Scalar>, count: Int,
    learningRate: Double, clipLimit: Double?)
  /// total += other, `count` elements, a multiple of 8 (`addLoop`).
  static func add(
    _ other: UnsafePointer<Scalar>, into total: UnsafeMutablePointer<Scalar>, count: Int)
  /// Clip (when given), then Adam, with `corrections` = (1 − β1ⁿ, 1 − β2ⁿ) for update n
  /// (`adamLoop`).
  static func adam(
    _ theta: UnsafeMutablePointer<Scalar>, momentum: UnsafeMutablePointer<Scalar>,
    memory: UnsafeMutablePointer<Scalar>, grad: UnsafePointer<Scalar>,
    count: Int, learningRate: Double, corrections: (Double, Double), clipLimit: Double?)
  /// One LSTM step: the gates from the pre-activations in `a` (overwritten with them), then c_t,
  /// tanh(c_t) and h_t (`lstmForwardLoop`).
  static func lstmForward(
    _ a: UnsafeMutablePointer<Scalar>, bias: UnsafePointer<Scalar>,
    cPrevious: UnsafePointer<Scalar>, c: UnsafeMutablePointer<Scalar>,
    tanhC: UnsafeMutablePointer<Scalar>, h: UnsafeMutablePointer<Scalar>, count: Int)
  /// Back through one LSTM step: each gate's dA into `da`, and dc ⊙ f, what step t−1 receives along
  /// c, into `dcNext` (`lstmBackwardLoop`).
  static func lstmBackward(
    _ da: UnsafeMutablePointer<Scalar>, gates: UnsafePointer<Scalar>,
    cPrevious: UnsafePointer<Scalar>, tanhC: UnsafePointer<Scalar>, dhAbove: UnsafePointer<Scalar>,
    dhNext: UnsafePointer<Scalar>, dcNext: UnsafeMutablePointer<Scalar>, count: Int)
  /// The GRU's r and z from their pre-activations in `rz` (overwritten with them), and r ⊙ h_{t−1}
  /// into `resetH` (`gruGatesLoop`).
  static func gruGates(
    _ rz: UnsafeMutablePointer<Scalar>, bias: UnsafePointer<Scalar>,
    hPrevious: UnsafePointer<Scalar>, resetH: UnsafeMutablePointer<Scalar>, count: Int)
  /// The GRU's h̃ = tanh(candidate + bias), over `candidate`, and h_t = (1 − z) ⊙ h_{t−1} + z ⊙ h̃
  /// (`gruCandidateLoop`).
  static func gruCandidate(
    _ candidate: UnsafeMutablePointer<Scalar>, bias: UnsafePointer<Scalar>,
    rz: UnsafePointer<Scalar>, hPrevious: UnsafePointer<Scalar>,
    h: UnsafeMutablePointer<Scalar>, count: Int)
  /// Back through the GRU's candidate: dh = dh_above + dh_next into `dh`, and h̃'s dA into
  /// `daCandidate` (`gruCandidateBackLoop`).
  static func gruCandidateBack(
    _ daCandidate: UnsafeMutablePointer<Scalar>, rz: UnsafePointer<Scalar>,
    candidate: UnsafePointer<Scalar>, dhAbove: UnsafePointer<Scalar>,
    dhNext: UnsafePointer<Scalar>, dh: UnsafeMutablePointer<Scalar>, count: Int)
  /// Back through the GRU's gates: r's and z's dA into `daRZ`, and dh_{t−1} along every path but
  /// Urᵀ·da_r + Uzᵀ·da_z into `dhPrevious` (`gruGatesBackLoop`).
  static func gruGatesBack(
    _ daRZ: UnsafeMutablePointer<Scalar>, rz: UnsafePointer<Scalar>,
    candidate: UnsafePointer<Scalar>, hPrevious: UnsafePointer<Scalar>, dh: UnsafePointer<Scalar>,
    resetInput: UnsafePointer<Scalar>, dhPrevious: UnsafeMutablePointer<Scalar>, count: Int)

  /// One core's peak in GFLOP/s in this precision with this module's widest vectors and
  /// multiply–add (`peakLoop`): what `rnn bench` reports each row's speed as a fraction of.
  static func peakGFLOPs() -> Double
}
