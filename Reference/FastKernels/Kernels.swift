/// The loops that do the fast trainer's work. Each conformance is a set of one-line calls to
/// the inlinable loops, so each is those loops compiled for its own module's target:
/// `PortableKernels` (here) for the platform's baseline (SSE2 on x86-64, NEON on arm64),
/// `WideKernels` (FastKernelsWide) for AVX2. `trainWindow` and `repack` orchestrate with
/// whichever is given.
public protocol Kernels: Sendable {
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
  static func activate(_ row: MutablePointer, input: Pointer, bias: Pointer, count: Int)
  static func softmax(
    _ ys: MutablePointer, rows: Int, layout: FastLayout, bias: Pointer,
    targets: UnsafePointer<Int>, losses: MutablePointer)
  static func backwardStep(
    _ d: MutablePointer, state: Pointer, fromOutput: Pointer, fromNext: Pointer, count: Int)
  static func adagrad(
    _ theta: MutablePointer, memory: MutablePointer, grad: Pointer, count: Int,
    learningRate: Double, clipLimit: Double?)
  static func add(_ other: Pointer, into total: MutablePointer, count: Int)
  static func adam(
    _ theta: MutablePointer, momentum: MutablePointer, memory: MutablePointer, grad: Pointer,
    count: Int, learningRate: Double, corrections: (Double, Double), clipLimit: Double?)
  static func lstmForward(
    _ a: MutablePointer, bias: Pointer, cPrevious: Pointer, c: MutablePointer,
    tanhC: MutablePointer, h: MutablePointer, count: Int)
  static func lstmBackward(
    _ da: MutablePointer, gates: Pointer, cPrevious: Pointer, tanhC: Pointer, dhAbove: Pointer,
    dhNext: Pointer, dcNext: MutablePointer, count: Int)
  static func gruGates(
    _ rz: MutablePointer, bias: Pointer, hPrevious: Pointer, resetH: MutablePointer, count: Int)
  static func gruCandidate(
    _ candidate: MutablePointer, bias: Pointer, rz: Pointer, hPrevious: Pointer,
    h: MutablePointer, count: Int)
  static func gruCandidateBack(
    _ daCandidate: MutablePointer, rz: Pointer, candidate: Pointer, dhAbove: Pointer,
    dhNext: Pointer, dh: MutablePointer, count: Int)
  static func gruGatesBack(
    _ daRZ: MutablePointer, rz: Pointer, candidate: Pointer, hPrevious: Pointer, dh: Pointer,
    resetInput: Pointer, dhPrevious: MutablePointer, count: Int)
}

public enum PortableKernels: Kernels {
  public static let name = "portable"

  public static func multiply(
    m: Int, n: Int, k: Int, _ a: StridedMatrix, _ b: PanelMatrix, into c: MutablePointer,
    ldc: Int, accumulate: Bool
  ) { multiplyLoop(m, n, k, a, b, c, ldc, accumulate) }

  public static func pack(
    _ source: Pointer, rows: Int, columns: Int, transposed: Bool, rowLength: Int,
    into panels: MutablePointer
  ) { packLoop(source, rows, columns, transposed, rowLength, panels) }

  public static func activate(_ row: MutablePointer, input: Pointer, bias: Pointer, count: Int) {
    activateLoop(row, input, bias, count)
  }

  public static func softmax(
    _ ys: MutablePointer, rows: Int, layout: FastLayout, bias: Pointer,
    targets: UnsafePointer<Int>, losses: MutablePointer
  ) { softmaxLoop(ys, rows, layout, bias, targets, losses) }

  public static func backwardStep(
    _ d: MutablePointer, state: Pointer, fromOutput: Pointer, fromNext: Pointer, count: Int
  ) { backwardLoop(d, state, fromOutput, fromNext, count) }

  public static func adagrad(
    _ theta: MutablePointer, memory: MutablePointer, grad: Pointer, count: Int,
    learningRate: Double, clipLimit: Double?
  ) { adagradLoop(theta, memory, grad, count, learningRate, clipLimit) }

  public static func add(_ other: Pointer, into total: MutablePointer, count: Int) {
    addLoop(other, total, count)
  }

  public static func adam(
    _ theta: MutablePointer, momentum: MutablePointer, memory: MutablePointer, grad: Pointer,
    count: Int, learningRate: Double, corrections: (Double, Double), clipLimit: Double?
  ) {
    adamLoop(
      theta, momentum, memory, grad, count, learningRate, corrections.0, corrections.1, clipLimit)
  }

  public static func lstmForward(
    _ a: MutablePointer, bias: Pointer, cPrevious: Pointer, c: MutablePointer,
    tanhC: MutablePointer, h: MutablePointer, count: Int
  ) { lstmForwardLoop(a, bias, cPrevious, c, tanhC, h, count) }

  public static func lstmBackward(
    _ da: MutablePointer, gates: Pointer, cPrevious: Pointer, tanhC: Pointer, dhAbove: Pointer,
    dhNext: Pointer, dcNext: MutablePointer, count: Int
  ) { lstmBackwardLoop(da, gates, cPrevious, tanhC, dhAbove, dhNext, dcNext, count) }

  public static func gruGates(
    _ rz: MutablePointer, bias: Pointer, hPrevious: Pointer, resetH: MutablePointer, count: Int
  ) { gruGatesLoop(rz, bias, hPrevious, resetH, count) }

  public static func gruCandidate(
    _ candidate: MutablePointer, bias: Pointer, rz: Pointer, hPrevious: Pointer,
    h: MutablePointer, count: Int
  ) { gruCandidateLoop(candidate, bias, rz, hPrevious, h, count) }

  public static func gruCandidateBack(
    _ daCandidate: MutablePointer, rz: Pointer, candidate: Pointer, dhAbove: Pointer,
    dhNext: Pointer, dh: MutablePointer, count: Int
  ) { gruCandidateBackLoop(daCandidate, rz, candidate, dhAbove, dhNext, dh, count) }

  public static func gruGatesBack(
    _ daRZ: MutablePointer, rz: Pointer, candidate: Pointer, hPrevious: Pointer, dh: Pointer,
    resetInput: Pointer, dhPrevious: MutablePointer, count: Int
  ) { gruGatesBackLoop(daRZ, rz, candidate, hPrevious, dh, resetInput, dhPrevious, count) }
}
