import FastKernels
import Foundation
import ReferenceRNN

/// One core's peak per vector width and precision, measured as ../shared/bench/fma_peak.c does
/// (`Kernels.peakGFLOPs`): every width this CPU can run, the best of three tries (on a shared
/// machine a single try often reads low).
struct Peaks {
  /// GFLOP/s of one core, by width, in double and single precision.
  let table: [(width: KernelWidth, double: Double, float: Double)]

  /// Measures every width this CPU runs.
  static func measure() -> Peaks {
    func best(_ kernels: any Kernels.Type) -> Double {
      (0..<3).map { _ in kernels.peakGFLOPs() }.max()!
    }
    return Peaks(
      table: KernelWidth.runnable.map {
        ($0, best($0.kernels(Double.self)), best($0.kernels(Float.self)))
      })
  }

  /// One core's peak for the kernels `rnn train` runs in precision `S`.
  func fastest<S: KernelScalar>(_: S.Type) -> Double {
    let row = table.last!
    return S.self == Float.self ? row.float : row.double
  }

  /// The table, as `rnn bench` prints it first.
  func print() {
    Swift.print(
      "kernels: \(KernelWidth.fastest.name)"
        + (KernelWidth.fastest == .portable ? "" : " (RNN_KERNELS=avx2 or portable for narrower)")
    )
    Swift.print(
      "one core's peak, measured as ../shared/bench/fma_peak.c does (12 independent multiply–add chains), GFLOP/s:"
    )
    Swift.print("  vectors                            f64      f32")
    for row in table {
      Swift.print(
        "  " + row.width.label.padding(toLength: 30, withPad: " ", startingAt: 0)
          + String(format: "%7.1f  %7.1f", row.double, row.float))
    }
  }
}

extension KernelWidth {
  /// The registers and multiply–add it runs with, for the peak table.
  var label: String {
    switch self {
    case .portable:
      #if arch(arm64)
        "portable (128-bit, FMA)"
      #else
        "portable (128-bit, no FMA)"
      #endif
    case .avx2: "AVX2 (256-bit, FMA)"
    case .avx512: "AVX-512 (512-bit, FMA)"
    }
  }
}

/// "35%": `gflops` as a share of `cores` cores' peak.
func ofPeak(_ gflops: Double, _ peak: Double, cores: Int) -> String {
  String(format: "%.0f%%", 100 * gflops / (peak * Double(cores)))
}
