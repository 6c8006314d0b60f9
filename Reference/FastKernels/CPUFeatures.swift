import Foundation

/// Whether this CPU can run the wide kernels: the instruction sets `-target-cpu haswell` (AVX2)
/// and `-target-cpu skylake-avx512` (AVX-512) let the compiler use. On other architectures the
/// AVX2 module is the portable code, so it can run; the AVX-512 one is never chosen there.
public enum CPUFeatures {
  /// Whether this CPU can run `WideKernels`, decided once: from the flags in /proc/cpuinfo on
  /// Linux, sysctl on Darwin; false on other x86-64 systems, true off x86-64.
  public static let canRunWide: Bool = {
    #if arch(x86_64)
      #if os(Linux)
        return cpuinfo.map(hasWideFlags) ?? false
      #elseif canImport(Darwin)
        return ["hw.optional.avx2_0", "hw.optional.fma", "hw.optional.bmi1", "hw.optional.bmi2"]
          .allSatisfy(sysctlSaysYes)
      #else
        return false
      #endif
    #else
      return true
    #endif
  }()

  /// Whether this CPU can run `Wide512Kernels`, decided once, as `canRunWide` is; false off
  /// x86-64.
  public static let canRun512: Bool = {
    #if arch(x86_64)
      #if os(Linux)
        return cpuinfo.map(has512Flags) ?? false
      #elseif canImport(Darwin)
        return canRunWide
          && [
            "hw.optional.avx512f", "hw.optional.avx512cd", "hw.optional.avx512bw",
            "hw.optional.avx512dq", "hw.optional.avx512vl",
          ].allSatisfy(sysctlSaysYes)
      #else
        return false
      #endif
    #else
      return false
    #endif
  }()

  /// Linux's /proc/cpuinfo, read once; nil where there is none.
  private static let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)

  /// The instruction sets `-target-cpu haswell` lets the compiler use, as /proc/cpuinfo names
  /// them.
  static let wideFlags: Set = [
    "avx", "avx2", "fma", "bmi1", "bmi2", "f16c", "movbe", "abm", "popcnt", "sse4_2",
  ]

  /// Whether a Linux /proc/cpuinfo lists every instruction set the wide kernels may use.
  public static func hasWideFlags(cpuinfo: String) -> Bool {
    wideFlags.isSubset(of: flags(cpuinfo))
  }

  /// Whether a Linux /proc/cpuinfo lists every instruction set the AVX-512 kernels may use: the
  /// wide kernels' and skylake-avx512's own.
  public static func has512Flags(cpuinfo: String) -> Bool {
    let own: Set = ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl", "adx"]
    return wideFlags.union(own).isSubset(of: flags(cpuinfo))
  }

  private static func flags(_ cpuinfo: String) -> Set<String> {
    guard let line = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") })
    else { return [] }
    return Set(line.split(separator: " ").map(String.init))
  }
}

#if canImport(Darwin)
  /// Whether the sysctl `name` is 1.
  private func sysctlSaysYes(_ name: String) -> Bool {
    var value: Int32 = 0
    var size = MemoryLayout<Int32>.size
    return sysctlbyname(name, &value, &size, nil, 0) == 0 && value == 1
  }
#endif
