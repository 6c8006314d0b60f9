import FastKernels

/// The fast trainer's loops compiled again, from the same inlinable source, for AVX2 on x86-64
/// (Package.swift gives this module `-target-cpu haswell` there and nothing elsewhere). Those
/// instructions exist only on CPUs that have them, so nothing here may run before
/// `CPUFeatures.canRunWide` says yes: the choice is made in RNNModels (`fastestKernels`),
/// which is compiled for the baseline.
///
/// The one-line methods repeat PortableKernels' on purpose: written here, each is compiled here.
/// (Default implementations in a protocol extension were measured 35% slower: not all of them
/// were inlined into this module's witnesses.)
public enum WideKernels: Kernels {
  /// "AVX2 (x86-64, haswell)"; "portable" off x86-64, where the two modules are the same.
  public static let name = wideName

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

#if arch(x86_64)
  private let wideName = "AVX2 (x86-64, haswell)"
#else
  private let wideName = "portable"
#endif

/// One core's FP64 peak in GFLOP/s, measured with code compiled like the wide kernels
/// (`peakGFLOPs`). Only where `CPUFeatures.canRunWide`.
public func widePeakGFLOPs() -> Double { peakGFLOPs() }
