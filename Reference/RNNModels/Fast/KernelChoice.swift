import FastKernels
import FastKernelsWide
import Foundation

/// `WideKernels` where this CPU can run them, otherwise `PortableKernels`;
/// `RNN_KERNELS=portable` forces the portable ones. Decided here, in code compiled for the
/// baseline: the wide module's own code may already use instructions the CPU lacks.
public let fastestKernels: any Kernels.Type =
  ProcessInfo.processInfo.environment["RNN_KERNELS"] != "portable" && CPUFeatures.canRunWide
  ? WideKernels.self : PortableKernels.self

/// One core's FP64 peak in GFLOP/s, measured with code compiled like the wide kernels (the
/// best of five tries of 0.1 s: on a shared machine a single try often reads low); nil where
/// this CPU cannot run them.
public func measuredPeakGFLOPs() -> Double? {
  CPUFeatures.canRunWide ? (0..<5).map { _ in widePeakGFLOPs() }.max() : nil
}
