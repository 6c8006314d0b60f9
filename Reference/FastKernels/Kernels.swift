/// The loops that do the fast trainer's work. Each conformance is a set of one-line calls to
/// the inlinable loops, so each is those loops compiled for its own module's target:
/// `PortableKernels` (here) for the platform's baseline (SSE2 on x86-64, NEON on arm64),
/// `WideKernels` (FastKernelsWide) for AVX2. `trainWindow` and `repack` orchestrate with
/// whichever is given.
public protocol Kernels: Sendable {
  /// How `rnn bench` names these kernels: "portable", "AVX2 (x86-64, haswell)".
  static var name: String { get }
  /// C (m × n, rows `ldc` apart) = A·B, or C += A·B; n is a multiple of 8.
  static func multiply(
    m: Int, n: Int, k: Int, _ a: StridedMatrix, _ b: PanelMatrix, into c: MutablePointer,
    ldc: Int, accumulate: Bool)
  /// Panels of 8 columns of B (rows × columns): the row-major `source` (rows `rowLength`
  /// apart), or with `transposed` the transpose of the row-major `source` (columns × rows,
  /// `rowLength` apart).
  static func pack(
    _ source: Pointer, rows: Int, columns: Int, transposed: Bool, rowLength: Int,
    into panels: MutablePointer)
  /// row = tanh(row + input + bias), in place: a vanilla RNN's h_t from Whh·h_{t−1} (already in
  /// `row`), the column Wxh[:, x_t] and bh (`activateLoop`).
  static func activate(_ row: MutablePointer, input: Pointer, bias: Pointer, count: Int)
  /// For each of `rows` rows of scores: add by, softmax over the real classes, −log p[target] into
  /// `losses`, and p turned into dy = p − onehot(target) (`softmaxLoop`).
  static func softmax(
    _ ys: MutablePointer, rows: Int, layout: FastLayout, bias: Pointer,
    targets: UnsafePointer<Int>, losses: MutablePointer)
  /// d = (1 − h²) ⊙ (fromOutput + fromNext), h read from `state`: ∂L/∂(pre-activation) of a vanilla
  /// RNN step (`backwardLoop`).
  static func backwardStep(
    _ d: MutablePointer, state: Pointer, fromOutput: Pointer, fromNext: Pointer, count: Int)
  /// Clip to [−clipLimit, clipLimit] (when given), then Adagrad: m += g², θ −= rate·g/√(m + 1e-8)
  /// (`adagradLoop`).
  static func adagrad(
    _ theta: MutablePointer, memory: MutablePointer, grad: Pointer, count: Int,
    learningRate: Double, clipLimit: Double?)
  /// total += other, `count` elements, a multiple of 4 (`addLoop`).
  static func add(_ other: Pointer, into total: MutablePointer, count: Int)
  /// Clip (when given), then Adam, with `corrections` = (1 − β1ⁿ, 1 − β2ⁿ) for update n
  /// (`adamLoop`).
  static func adam(
    _ theta: MutablePointer, momentum: MutablePointer, memory: MutablePointer, grad: Pointer,
    count: Int, learningRate: Double, corrections: (Double, Double), clipLimit: Double?)
  /// One LSTM step: the gates from the pre-activations in `a` (overwritten with them), then c_t,
  /// tanh(c_t) and h_t (`lstmForwardLoop`).
  static func lstmForward(
    _ a: MutablePointer, bias: Pointer, cPrevious: Pointer, c: MutablePointer,
    tanhC: MutablePointer, h: MutablePointer, count: Int)
  /// Back through one LSTM step: each gate's dA into `da`, and dc ⊙ f, what step t−1 receives along
  /// c, into `dcNext` (`lstmBackwardLoop`).
  static func lstmBackward(
    _ da: MutablePointer, gates: Pointer, cPrevious: Pointer, tanhC: Pointer, dhAbove: Pointer,
    dhNext: Pointer, dcNext: MutablePointer, count: Int)
  /// The GRU's r and z from their pre-activations in `rz` (overwritten with them), and r ⊙ h_{t−1}
  /// into `resetH` (`gruGatesLoop`).
  static func gruGates(
    _ rz: MutablePointer, bias: Pointer, hPrevious: Pointer, resetH: MutablePointer, count: Int)
  /// The GRU's h̃ = tanh(candidate + bias), over `candidate`, and h_t = (1 − z) ⊙ h_{t−1} + z ⊙ h̃
  /// (`gruCandidateLoop`).
  static func gruCandidate(
    _ candidate: MutablePointer, bias: Pointer, rz: Pointer, hPrevious: Pointer,
    h: MutablePointer, count: Int)
  /// Back through the GRU's candidate: dh = dh_above + dh_next into `dh`, and h̃'s dA into
  /// `daCandidate` (`gruCandidateBackLoop`).
  static func gruCandidateBack(
    _ daCandidate: MutablePointer, rz: Pointer, candidate: Pointer, dhAbove: Pointer,
    dhNext: Pointer, dh: MutablePointer, count: Int)
  /// Back through the GRU's gates: r's and z's dA into `daRZ`, and dh_{t−1} along every path but
  /// Urᵀ·da_r + Uzᵀ·da_z into `dhPrevious` (`gruGatesBackLoop`).
  static func gruGatesBack(
    _ daRZ: MutablePointer, rz: Pointer, candidate: Pointer, hPrevious: Pointer, dh: Pointer,
    resetInput: Pointer, dhPrevious: MutablePointer, count: Int)
}

/// The kernels compiled for the platform's baseline (SSE2 on x86-64, NEON on arm64): what runs
/// where the CPU cannot run `WideKernels`, or with `RNN_KERNELS=portable`.
public enum PortableKernels: Kernels {
  /// "portable".
  public static let name = "portable"

  /// C = A·B or C += A·B, compiled here: see `Kernels.multiply`.
  public static func multiply(
    m: Int, n: Int, k: Int, _ a: StridedMatrix, _ b: PanelMatrix, into c: MutablePointer,
    ldc: Int, accumulate: Bool
  ) { multiplyLoop(m, n, k, a, b, c, ldc, accumulate) }

  /// B in panels of 8 columns, compiled here: see `Kernels.pack`.
  public static func pack(
    _ source: Pointer, rows: Int, columns: Int, transposed: Bool, rowLength: Int,
    into panels: MutablePointer
  ) { packLoop(source, rows, columns, transposed, rowLength, panels) }

  /// A vanilla RNN's h_t, compiled here: see `Kernels.activate`.
  public static func activate(_ row: MutablePointer, input: Pointer, bias: Pointer, count: Int) {
    activateLoop(row, input, bias, count)
  }

  /// Softmax, loss and dy, compiled here: see `Kernels.softmax`.
  public static func softmax(
    _ ys: MutablePointer, rows: Int, layout: FastLayout, bias: Pointer,
    targets: UnsafePointer<Int>, losses: MutablePointer
  ) { softmaxLoop(ys, rows, layout, bias, targets, losses) }

  /// Back through tanh, compiled here: see `Kernels.backwardStep`.
  public static func backwardStep(
    _ d: MutablePointer, state: Pointer, fromOutput: Pointer, fromNext: Pointer, count: Int
  ) { backwardLoop(d, state, fromOutput, fromNext, count) }

  /// Clip and Adagrad, compiled here: see `Kernels.adagrad`.
  public static func adagrad(
    _ theta: MutablePointer, memory: MutablePointer, grad: Pointer, count: Int,
    learningRate: Double, clipLimit: Double?
  ) { adagradLoop(theta, memory, grad, count, learningRate, clipLimit) }

  /// total += other, compiled here: see `Kernels.add`.
  public static func add(_ other: Pointer, into total: MutablePointer, count: Int) {
    addLoop(other, total, count)
  }

  /// Clip and Adam, compiled here: see `Kernels.adam`.
  public static func adam(
    _ theta: MutablePointer, momentum: MutablePointer, memory: MutablePointer, grad: Pointer,
    count: Int, learningRate: Double, corrections: (Double, Double), clipLimit: Double?
  ) {
    adamLoop(
      theta, momentum, memory, grad, count, learningRate, corrections.0, corrections.1, clipLimit)
  }

  /// One LSTM step, compiled here: see `Kernels.lstmForward`.
  public static func lstmForward(
    _ a: MutablePointer, bias: Pointer, cPrevious: Pointer, c: MutablePointer,
    tanhC: MutablePointer, h: MutablePointer, count: Int
  ) { lstmForwardLoop(a, bias, cPrevious, c, tanhC, h, count) }

  /// Back through one LSTM step, compiled here: see `Kernels.lstmBackward`.
  public static func lstmBackward(
    _ da: MutablePointer, gates: Pointer, cPrevious: Pointer, tanhC: Pointer, dhAbove: Pointer,
    dhNext: Pointer, dcNext: MutablePointer, count: Int
  ) { lstmBackwardLoop(da, gates, cPrevious, tanhC, dhAbove, dhNext, dcNext, count) }

  /// The GRU's r and z, compiled here: see `Kernels.gruGates`.
  public static func gruGates(
    _ rz: MutablePointer, bias: Pointer, hPrevious: Pointer, resetH: MutablePointer, count: Int
  ) { gruGatesLoop(rz, bias, hPrevious, resetH, count) }

  /// The GRU's h̃ and h_t, compiled here: see `Kernels.gruCandidate`.
  public static func gruCandidate(
    _ candidate: MutablePointer, bias: Pointer, rz: Pointer, hPrevious: Pointer,
    h: MutablePointer, count: Int
  ) { gruCandidateLoop(candidate, bias, rz, hPrevious, h, count) }

  /// Back through h̃, compiled here: see `Kernels.gruCandidateBack`.
  public static func gruCandidateBack(
    _ daCandidate: MutablePointer, rz: Pointer, candidate: Pointer, dhAbove: Pointer,
    dhNext: Pointer, dh: MutablePointer, count: Int
  ) { gruCandidateBackLoop(daCandidate, rz, candidate, dhAbove, dhNext, dh, count) }

  /// Back through r and z, compiled here: see `Kernels.gruGatesBack`.
  public static func gruGatesBack(
    _ daRZ: MutablePointer, rz: Pointer, candidate: Pointer, hPrevious: Pointer, dh: Pointer,
    resetInput: Pointer, dhPrevious: MutablePointer, count: Int
  ) { gruGatesBackLoop(daRZ, rz, candidate, hPrevious, dh, resetInput, dhPrevious, count) }
}
