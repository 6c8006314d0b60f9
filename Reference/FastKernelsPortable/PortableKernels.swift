import FastKernels

// The fast trainer's loops compiled for the platform's baseline (SSE2 on x86-64, NEON on arm64),
// in a module of their own like the wide ones: this file sees the loops as FastKernels' inlinable
// code and specializes them for each precision. (Written inside FastKernels, in a debug build,
// which compiles file by file, the loops of other files could not be specialized here: the
// portable kernels ran generic code, sixty times slower, on every machine without AVX2.)

/// Kernels compiled in this module, for the platform's baseline: every loop is written once,
/// below, and specialized here for each conformance's precision and `shape`. Each kernel module
/// has its own copy of these one-line witnesses (`AVX2Build`, `AVX512Build`): written there,
/// each is compiled there, for that module's instruction set.
public protocol PortableBuild: Kernels {
  /// How the products are tiled, and whether they fuse (a constant where it is inlined).
  static var shape: ProductShape { get }
}

extension PortableBuild {
  /// C = A·B or C += A·B, compiled here: see `Kernels.multiply`.
  public static func multiply(
    m: Int, n: Int, k: Int, _ a: StridedMatrix<Scalar>, _ b: PanelMatrix<Scalar>,
    into c: UnsafeMutablePointer<Scalar>, ldc: Int, accumulate: Bool
  ) { multiplyLoop(m, n, k, a, b, c, ldc, accumulate, shape) }

  /// B in panels of 8 columns, compiled here: see `Kernels.pack`.
  public static func pack(
    _ source: UnsafePointer<Scalar>, rows: Int, columns: Int, transposed: Bool, rowLength: Int,
    into panels: UnsafeMutablePointer<Scalar>
  ) { packLoop(source, rows, columns, transposed, rowLength, panels) }

  /// A vanilla RNN's h_t, compiled here: see `Kernels.activate`.
  public static func activate(
    _ row: UnsafeMutablePointer<Scalar>, input: UnsafePointer<Scalar>, bias: UnsafePointer<Scalar>,
    count: Int
  ) { activateLoop(row, input, bias, count) }

  /// Softmax, loss and dy, compiled here: see `Kernels.softmax`.
  public static func softmax(
    _ ys: UnsafeMutablePointer<Scalar>, rows: Int, layout: FastLayout, bias: UnsafePointer<Scalar>,
    targets: UnsafePointer<Int>, losses: UnsafeMutablePointer<Double>
  ) { softmaxLoop(ys, rows, layout, bias, targets, losses) }

  /// Back through tanh, compiled here: see `Kernels.backwardStep`.
  public static func backwardStep(
    _ d: UnsafeMutablePointer<Scalar>, state: UnsafePointer<Scalar>,
    fromOutput: UnsafePointer<Scalar>,
    fromNext: UnsafePointer<Scalar>, count: Int
  ) { backwardLoop(d, state, fromOutput, fromNext, count) }

  /// Clip and Adagrad, compiled here: see `Kernels.adagrad`.
  public static func adagrad(
    _ theta: UnsafeMutablePointer<Scalar>, memory: UnsafeMutablePointer<Scalar>,
    grad: UnsafePointer<Scalar>, count: Int, learningRate: Double, clipLimit: Double?
  ) { adagradLoop(theta, memory, grad, count, learningRate, clipLimit) }

  /// total += other, compiled here: see `Kernels.add`.
  public static func add(
    _ other: UnsafePointer<Scalar>, into total: UnsafeMutablePointer<Scalar>, count: Int
  ) { addLoop(other, total, count) }

  /// Clip and Adam, compiled here: see `Kernels.adam`.
  public static func adam(
    _ theta: UnsafeMutablePointer<Scalar>, momentum: UnsafeMutablePointer<Scalar>,
    memory: UnsafeMutablePointer<Scalar>, grad: UnsafePointer<Scalar>, count: Int,
    learningRate: Double, corrections: (Double, Double), clipLimit: Double?
  ) {
    adamLoop(
      theta, momentum, memory, grad, count, learningRate, corrections.0, corrections.1, clipLimit)
  }

  /// One LSTM step, compiled here: see `Kernels.lstmForward`.
  public static func lstmForward(
    _ a: UnsafeMutablePointer<Scalar>, bias: UnsafePointer<Scalar>,
    cPrevious: UnsafePointer<Scalar>,
    c: UnsafeMutablePointer<Scalar>, tanhC: UnsafeMutablePointer<Scalar>,
    h: UnsafeMutablePointer<Scalar>, count: Int
  ) { lstmForwardLoop(a, bias, cPrevious, c, tanhC, h, count) }

  /// Back through one LSTM step, compiled here: see `Kernels.lstmBackward`.
  public static func lstmBackward(
    _ da: UnsafeMutablePointer<Scalar>, gates: UnsafePointer<Scalar>,
    cPrevious: UnsafePointer<Scalar>,
    tanhC: UnsafePointer<Scalar>, dhAbove: UnsafePointer<Scalar>, dhNext: UnsafePointer<Scalar>,
    dcNext: UnsafeMutablePointer<Scalar>, count: Int
  ) { lstmBackwardLoop(da, gates, cPrevious, tanhC, dhAbove, dhNext, dcNext, count) }

  /// The GRU's r and z, compiled here: see `Kernels.gruGates`.
  public static func gruGates(
    _ rz: UnsafeMutablePointer<Scalar>, bias: UnsafePointer<Scalar>,
    hPrevious: UnsafePointer<Scalar>,
    resetH: UnsafeMutablePointer<Scalar>, count: Int
  ) { gruGatesLoop(rz, bias, hPrevious, resetH, count) }

  /// The GRU's h̃ and h_t, compiled here: see `Kernels.gruCandidate`.
  public static func gruCandidate(
    _ candidate: UnsafeMutablePointer<Scalar>, bias: UnsafePointer<Scalar>,
    rz: UnsafePointer<Scalar>,
    hPrevious: UnsafePointer<Scalar>, h: UnsafeMutablePointer<Scalar>, count: Int
  ) { gruCandidateLoop(candidate, bias, rz, hPrevious, h, count) }

  /// Back through h̃, compiled here: see `Kernels.gruCandidateBack`.
  public static func gruCandidateBack(
    _ daCandidate: UnsafeMutablePointer<Scalar>, rz: UnsafePointer<Scalar>,
    candidate: UnsafePointer<Scalar>, dhAbove: UnsafePointer<Scalar>, dhNext: UnsafePointer<Scalar>,
    dh: UnsafeMutablePointer<Scalar>, count: Int
  ) { gruCandidateBackLoop(daCandidate, rz, candidate, dhAbove, dhNext, dh, count) }

  /// Back through r and z, compiled here: see `Kernels.gruGatesBack`.
  public static func gruGatesBack(
    _ daRZ: UnsafeMutablePointer<Scalar>, rz: UnsafePointer<Scalar>,
    candidate: UnsafePointer<Scalar>,
    hPrevious: UnsafePointer<Scalar>, dh: UnsafePointer<Scalar>, resetInput: UnsafePointer<Scalar>,
    dhPrevious: UnsafeMutablePointer<Scalar>, count: Int
  ) { gruGatesBackLoop(daRZ, rz, candidate, hPrevious, dh, resetInput, dhPrevious, count) }
}

/// The kernels in double precision compiled for the platform's baseline (SSE2 on x86-64, NEON on
/// arm64): what runs where the CPU cannot run the wide ones, or with `RNN_KERNELS=portable`.
public enum PortableKernels: PortableBuild {
  /// Double.
  public typealias Scalar = Double

  /// 4 rows of 8 doubles per tile (16 of NEON's 32 registers); fused on arm64 only, since the
  /// x86-64 baseline has no FMA instruction (a fused step would be a library call).
  public static var shape: ProductShape {
    #if arch(arm64)
      ProductShape(tileRows: 4, fused: true)
    #else
      ProductShape(tileRows: 4, fused: false)
    #endif
  }

  /// One core's peak with the baseline's 128-bit registers: see `Kernels.peakGFLOPs`.
  public static func peakGFLOPs() -> Double { peakLoop(SIMD2<Double>.self, fused: shape.fused) }
}

/// `PortableKernels` in single precision (`--precision float32`).
public enum PortableFloatKernels: PortableBuild {
  /// Float.
  public typealias Scalar = Float

  /// 8 rows of 8 floats fit NEON's 32 registers, not SSE2's 16: 4 rows there.
  public static var shape: ProductShape {
    #if arch(arm64)
      ProductShape(tileRows: 8, fused: true)
    #else
      ProductShape(tileRows: 4, fused: false)
    #endif
  }

  /// One core's peak with the baseline's 128-bit registers: see `Kernels.peakGFLOPs`.
  public static func peakGFLOPs() -> Double { peakLoop(SIMD4<Float>.self, fused: shape.fused) }
}
