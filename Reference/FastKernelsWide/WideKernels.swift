import FastKernels

// The fast trainer's loops compiled again, from the same inlinable source, for AVX2 with fused
// multiply-add on x86-64 (Package.swift gives this module `-target-cpu haswell` there and nothing
// elsewhere). Those instructions exist only on CPUs that have them, so nothing here may run
// before `CPUFeatures.canRunWide` says yes: the choice is made in RNNModels (`fastestKernels`),
// which is compiled for the baseline.
//
// The one-line methods repeat PortableKernels' on purpose: written here, each is compiled here.
// (Default implementations in a protocol extension were measured 35% slower: not all of them
// were inlined into this module's witnesses.)

/// The kernels in double precision for AVX2 and FMA: tiles of 4 rows × 8 doubles, 8 registers of
/// sums.
public enum WideKernels: Kernels {
  /// "AVX2 + FMA (x86-64, haswell)"; "portable" off x86-64, where the modules are the same.
  public static let name = wideName

  /// C = A·B or C += A·B, compiled here: see `Kernels.multiply`.
  public static func multiply(
    m: Int, n: Int, k: Int, _ a: StridedMatrix<Double>, _ b: PanelMatrix<Double>,
    into c: UnsafeMutablePointer<Double>, ldc: Int, accumulate: Bool
  ) { multiplyLoop(m, n, k, a, b, c, ldc, accumulate, ProductShape(tileRows: 4, fused: true)) }

  /// B in panels of 8 columns, compiled here: see `Kernels.pack`.
  public static func pack(
    _ source: UnsafePointer<Double>, rows: Int, columns: Int, transposed: Bool, rowLength: Int,
    into panels: UnsafeMutablePointer<Double>
  ) { packLoop(source, rows, columns, transposed, rowLength, panels) }

  /// A vanilla RNN's h_t, compiled here: see `Kernels.activate`.
  public static func activate(
    _ row: UnsafeMutablePointer<Double>, input: UnsafePointer<Double>, bias: UnsafePointer<Double>,
    count: Int
  ) { activateLoop(row, input, bias, count) }

  /// Softmax, loss and dy, compiled here: see `Kernels.softmax`.
  public static func softmax(
    _ ys: UnsafeMutablePointer<Double>, rows: Int, layout: FastLayout, bias: UnsafePointer<Double>,
    targets: UnsafePointer<Int>, losses: UnsafeMutablePointer<Double>
  ) { softmaxLoop(ys, rows, layout, bias, targets, losses) }

  /// Back through tanh, compiled here: see `Kernels.backwardStep`.
  public static func backwardStep(
    _ d: UnsafeMutablePointer<Double>, state: UnsafePointer<Double>,
    fromOutput: UnsafePointer<Double>,
    fromNext: UnsafePointer<Double>, count: Int
  ) { backwardLoop(d, state, fromOutput, fromNext, count) }

  /// Clip and Adagrad, compiled here: see `Kernels.adagrad`.
  public static func adagrad(
    _ theta: UnsafeMutablePointer<Double>, memory: UnsafeMutablePointer<Double>,
    grad: UnsafePointer<Double>, count: Int, learningRate: Double, clipLimit: Double?
  ) { adagradLoop(theta, memory, grad, count, learningRate, clipLimit) }

  /// total += other, compiled here: see `Kernels.add`.
  public static func add(
    _ other: UnsafePointer<Double>, into total: UnsafeMutablePointer<Double>, count: Int
  ) { addLoop(other, total, count) }

  /// Clip and Adam, compiled here: see `Kernels.adam`.
  public static func adam(
    _ theta: UnsafeMutablePointer<Double>, momentum: UnsafeMutablePointer<Double>,
    memory: UnsafeMutablePointer<Double>, grad: UnsafePointer<Double>, count: Int,
    learningRate: Double, corrections: (Double, Double), clipLimit: Double?
  ) {
    adamLoop(
      theta, momentum, memory, grad, count, learningRate, corrections.0, corrections.1, clipLimit)
  }

  /// One LSTM step, compiled here: see `Kernels.lstmForward`.
  public static func lstmForward(
    _ a: UnsafeMutablePointer<Double>, bias: UnsafePointer<Double>,
    cPrevious: UnsafePointer<Double>,
    c: UnsafeMutablePointer<Double>, tanhC: UnsafeMutablePointer<Double>,
    h: UnsafeMutablePointer<Double>, count: Int
  ) { lstmForwardLoop(a, bias, cPrevious, c, tanhC, h, count) }

  /// Back through one LSTM step, compiled here: see `Kernels.lstmBackward`.
  public static func lstmBackward(
    _ da: UnsafeMutablePointer<Double>, gates: UnsafePointer<Double>,
    cPrevious: UnsafePointer<Double>,
    tanhC: UnsafePointer<Double>, dhAbove: UnsafePointer<Double>, dhNext: UnsafePointer<Double>,
    dcNext: UnsafeMutablePointer<Double>, count: Int
  ) { lstmBackwardLoop(da, gates, cPrevious, tanhC, dhAbove, dhNext, dcNext, count) }

  /// The GRU's r and z, compiled here: see `Kernels.gruGates`.
  public static func gruGates(
    _ rz: UnsafeMutablePointer<Double>, bias: UnsafePointer<Double>,
    hPrevious: UnsafePointer<Double>,
    resetH: UnsafeMutablePointer<Double>, count: Int
  ) { gruGatesLoop(rz, bias, hPrevious, resetH, count) }

  /// The GRU's h̃ and h_t, compiled here: see `Kernels.gruCandidate`.
  public static func gruCandidate(
    _ candidate: UnsafeMutablePointer<Double>, bias: UnsafePointer<Double>,
    rz: UnsafePointer<Double>,
    hPrevious: UnsafePointer<Double>, h: UnsafeMutablePointer<Double>, count: Int
  ) { gruCandidateLoop(candidate, bias, rz, hPrevious, h, count) }

  /// Back through h̃, compiled here: see `Kernels.gruCandidateBack`.
  public static func gruCandidateBack(
    _ daCandidate: UnsafeMutablePointer<Double>, rz: UnsafePointer<Double>,
    candidate: UnsafePointer<Double>, dhAbove: UnsafePointer<Double>, dhNext: UnsafePointer<Double>,
    dh: UnsafeMutablePointer<Double>, count: Int
  ) { gruCandidateBackLoop(daCandidate, rz, candidate, dhAbove, dhNext, dh, count) }

  /// Back through r and z, compiled here: see `Kernels.gruGatesBack`.
  public static func gruGatesBack(
    _ daRZ: UnsafeMutablePointer<Double>, rz: UnsafePointer<Double>,
    candidate: UnsafePointer<Double>,
    hPrevious: UnsafePointer<Double>, dh: UnsafePointer<Double>, resetInput: UnsafePointer<Double>,
    dhPrevious: UnsafeMutablePointer<Double>, count: Int
  ) { gruGatesBackLoop(daRZ, rz, candidate, hPrevious, dh, resetInput, dhPrevious, count) }

  /// One core's peak in GFLOP/s for this precision, with these products' tile: see
  /// `Kernels.peakGFLOPs`.
  public static func peakGFLOPs() -> Double { peakLoop(SIMD4<Double>.self, fused: true) }
}

/// The kernels in single precision for AVX2 and FMA: tiles of 8 rows × 8 floats, 8 registers of
/// sums.
public enum WideFloatKernels: Kernels {
  /// The same name as `WideKernels`.
  public static let name = wideName

  /// C = A·B or C += A·B, compiled here: see `Kernels.multiply`.
  public static func multiply(
    m: Int, n: Int, k: Int, _ a: StridedMatrix<Float>, _ b: PanelMatrix<Float>,
    into c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool
  ) { multiplyLoop(m, n, k, a, b, c, ldc, accumulate, ProductShape(tileRows: 8, fused: true)) }

  /// B in panels of 8 columns, compiled here: see `Kernels.pack`.
  public static func pack(
    _ source: UnsafePointer<Float>, rows: Int, columns: Int, transposed: Bool, rowLength: Int,
    into panels: UnsafeMutablePointer<Float>
  ) { packLoop(source, rows, columns, transposed, rowLength, panels) }

  /// A vanilla RNN's h_t, compiled here: see `Kernels.activate`.
  public static func activate(
    _ row: UnsafeMutablePointer<Float>, input: UnsafePointer<Float>, bias: UnsafePointer<Float>,
    count: Int
  ) { activateLoop(row, input, bias, count) }

  /// Softmax, loss and dy, compiled here: see `Kernels.softmax`.
  public static func softmax(
    _ ys: UnsafeMutablePointer<Float>, rows: Int, layout: FastLayout, bias: UnsafePointer<Float>,
    targets: UnsafePointer<Int>, losses: UnsafeMutablePointer<Double>
  ) { softmaxLoop(ys, rows, layout, bias, targets, losses) }

  /// Back through tanh, compiled here: see `Kernels.backwardStep`.
  public static func backwardStep(
    _ d: UnsafeMutablePointer<Float>, state: UnsafePointer<Float>, fromOutput: UnsafePointer<Float>,
    fromNext: UnsafePointer<Float>, count: Int
  ) { backwardLoop(d, state, fromOutput, fromNext, count) }

  /// Clip and Adagrad, compiled here: see `Kernels.adagrad`.
  public static func adagrad(
    _ theta: UnsafeMutablePointer<Float>, memory: UnsafeMutablePointer<Float>,
    grad: UnsafePointer<Float>, count: Int, learningRate: Double, clipLimit: Double?
  ) { adagradLoop(theta, memory, grad, count, learningRate, clipLimit) }

  /// total += other, compiled here: see `Kernels.add`.
  public static func add(
    _ other: UnsafePointer<Float>, into total: UnsafeMutablePointer<Float>, count: Int
  ) { addLoop(other, total, count) }

  /// Clip and Adam, compiled here: see `Kernels.adam`.
  public static func adam(
    _ theta: UnsafeMutablePointer<Float>, momentum: UnsafeMutablePointer<Float>,
    memory: UnsafeMutablePointer<Float>, grad: UnsafePointer<Float>, count: Int,
    learningRate: Double, corrections: (Double, Double), clipLimit: Double?
  ) {
    adamLoop(
      theta, momentum, memory, grad, count, learningRate, corrections.0, corrections.1, clipLimit)
  }

  /// One LSTM step, compiled here: see `Kernels.lstmForward`.
  public static func lstmForward(
    _ a: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>, cPrevious: UnsafePointer<Float>,
    c: UnsafeMutablePointer<Float>, tanhC: UnsafeMutablePointer<Float>,
    h: UnsafeMutablePointer<Float>, count: Int
  ) { lstmForwardLoop(a, bias, cPrevious, c, tanhC, h, count) }

  /// Back through one LSTM step, compiled here: see `Kernels.lstmBackward`.
  public static func lstmBackward(
    _ da: UnsafeMutablePointer<Float>, gates: UnsafePointer<Float>, cPrevious: UnsafePointer<Float>,
    tanhC: UnsafePointer<Float>, dhAbove: UnsafePointer<Float>, dhNext: UnsafePointer<Float>,
    dcNext: UnsafeMutablePointer<Float>, count: Int
  ) { lstmBackwardLoop(da, gates, cPrevious, tanhC, dhAbove, dhNext, dcNext, count) }

  /// The GRU's r and z, compiled here: see `Kernels.gruGates`.
  public static func gruGates(
    _ rz: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>, hPrevious: UnsafePointer<Float>,
    resetH: UnsafeMutablePointer<Float>, count: Int
  ) { gruGatesLoop(rz, bias, hPrevious, resetH, count) }

  /// The GRU's h̃ and h_t, compiled here: see `Kernels.gruCandidate`.
  public static func gruCandidate(
    _ candidate: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>, rz: UnsafePointer<Float>,
    hPrevious: UnsafePointer<Float>, h: UnsafeMutablePointer<Float>, count: Int
  ) { gruCandidateLoop(candidate, bias, rz, hPrevious, h, count) }

  /// Back through h̃, compiled here: see `Kernels.gruCandidateBack`.
  public static func gruCandidateBack(
    _ daCandidate: UnsafeMutablePointer<Float>, rz: UnsafePointer<Float>,
    candidate: UnsafePointer<Float>, dhAbove: UnsafePointer<Float>, dhNext: UnsafePointer<Float>,
    dh: UnsafeMutablePointer<Float>, count: Int
  ) { gruCandidateBackLoop(daCandidate, rz, candidate, dhAbove, dhNext, dh, count) }

  /// Back through r and z, compiled here: see `Kernels.gruGatesBack`.
  public static func gruGatesBack(
    _ daRZ: UnsafeMutablePointer<Float>, rz: UnsafePointer<Float>, candidate: UnsafePointer<Float>,
    hPrevious: UnsafePointer<Float>, dh: UnsafePointer<Float>, resetInput: UnsafePointer<Float>,
    dhPrevious: UnsafeMutablePointer<Float>, count: Int
  ) { gruGatesBackLoop(daRZ, rz, candidate, hPrevious, dh, resetInput, dhPrevious, count) }

  /// One core's peak in GFLOP/s for this precision, with these products' tile: see
  /// `Kernels.peakGFLOPs`.
  public static func peakGFLOPs() -> Double { peakLoop(SIMD8<Float>.self, fused: true) }
}

#if arch(x86_64)
  private let wideName = "AVX2 + FMA (x86-64, haswell)"
#else
  private let wideName = "portable"
#endif
