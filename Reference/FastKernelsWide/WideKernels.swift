import FastKernels

/// The fast trainer's loops compiled again, from the same inlinable source, for AVX2 on x86-64
/// (Package.swift gives this module `-target-cpu haswell` there and nothing elsewhere). Those
/// instructions exist only on CPUs that have them, so nothing here may run before
/// `CPUFeatures.canRunWide` says yes: the choice is made in ReferenceRNN (`fastestKernels`),
/// which is compiled for the baseline.
///
/// The one-line methods repeat PortableKernels' on purpose: written here, each is compiled here.
/// (Default implementations in a protocol extension were measured 35% slower: not all of them
/// were inlined into this module's witnesses.)
public enum WideKernels: Kernels {
  public static let name = wideName

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

#if arch(x86_64)
  private let wideName = "AVX2 (x86-64, haswell)"
#else
  private let wideName = "portable"
#endif

/// One core's FP64 peak in GFLOP/s, measured with code compiled like the wide kernels
/// (`peakGFLOPs`). Only where `CPUFeatures.canRunWide`.
public func widePeakGFLOPs() -> Double { peakGFLOPs() }
