import Foundation

/// Whether this CPU can run the wide (AVX2) kernels: the instruction sets `-target-cpu haswell`
/// lets the compiler use. On other architectures the wide and portable kernels are the same
/// code, so the answer is yes.
public enum CPUFeatures {
  /// Whether this CPU can run `WideKernels`, decided once: from the flags in /proc/cpuinfo on
  /// Linux, sysctl on Darwin; false on other x86-64 systems, true off x86-64.
  public static let canRunWide: Bool = {
    #if arch(x86_64)
      #if os(Linux)
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else {
          return false
        }
        return hasWideFlags(cpuinfo: info)
      #elseif canImport(Darwin)
        return ["hw.optional.avx2_0", "hw.optional.fma", "hw.optional.bmi1", "hw.optional.bmi2"]
          .allSatisfy { name in
            var value: Int32 = 0
            var size = MemoryLayout<Int32>.size
            return sysctlbyname(name, &value, &size, nil, 0) == 0 && value == 1
          }
      #else
        return false
      #endif
    #else
      return true
    #endif
  }()

  /// Whether a Linux /proc/cpuinfo lists every instruction set the wide kernels may use.
  public static func hasWideFlags(cpuinfo: String) -> Bool {
    let needed: Set = [
      "avx", "avx2", "fma", "bmi1", "bmi2", "f16c", "movbe", "abm", "popcnt", "sse4_2",
    ]
    guard let flags = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
    else { return false }
    return needed.isSubset(of: Set(flags.split(separator: " ").map(String.init)))
  }
}
