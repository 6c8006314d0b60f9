import FastKernels
import FastKernels512
import FastKernelsPortable
import FastKernelsWide
import Foundation

/// The widest kernels a CPU can run: what `fastestKernels` picks from.
public enum KernelWidth: String, Sendable, CaseIterable {
  /// The platform's baseline (SSE2 on x86-64, NEON on arm64).
  case portable
  /// AVX2 with fused multiply-add (x86-64).
  case avx2
  /// AVX-512 (x86-64).
  case avx512

  /// The widest this CPU can run, or a narrower one asked for by `RNN_KERNELS` (portable, avx2),
  /// never a wider one. Decided here, in code compiled for the baseline: the wide modules' own
  /// code may already use instructions the CPU lacks. Off x86-64 the three modules are the same
  /// code, and the portable one is named.
  public static let fastest: KernelWidth = {
    #if arch(x86_64)
      let widest: KernelWidth =
        CPUFeatures.canRun512 ? .avx512 : CPUFeatures.canRunWide ? .avx2 : .portable
    #else
      let widest = KernelWidth.portable
    #endif
    let asked = ProcessInfo.processInfo.environment["RNN_KERNELS"].flatMap(
      KernelWidth.init(rawValue:))
    return asked.map { $0.order < widest.order ? $0 : widest } ?? widest
  }()

  private var order: Int { Self.allCases.firstIndex(of: self)! }

  /// This width's kernels in precision `S`.
  public func kernels<S: KernelScalar>(_: S.Type) -> any Kernels<S>.Type {
    switch self {
    case .portable: S.pick(double: PortableKernels.self, float: PortableFloatKernels.self)
    case .avx2: S.pick(double: WideKernels.self, float: WideFloatKernels.self)
    case .avx512: S.pick(double: Wide512Kernels.self, float: Wide512FloatKernels.self)
    }
  }

  /// How `rnn bench` names them. (Kept here, compiled for the baseline: a name computed in an
  /// AVX-512 module would run that module's code.)
  public var name: String {
    switch self {
    case .portable: "portable"
    case .avx2: "AVX2 + FMA (x86-64, haswell)"
    case .avx512: "AVX-512 (x86-64, skylake-avx512)"
    }
  }

  /// Every width this CPU can run, narrowest first (up to `fastest`).
  public static var runnable: [KernelWidth] {
    allCases.filter { $0.order <= fastest.order }
  }
}

/// The kernels of the widest vectors this CPU can run (`KernelWidth.fastest`) in precision
/// `S`: what the fast trainers and readers run unless told.
public func fastestKernels<S: KernelScalar>(_: S.Type) -> any Kernels<S>.Type {
  KernelWidth.fastest.kernels(S.self)
}
