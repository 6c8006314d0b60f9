import CourseSupport
import FastKernels
import FastKernels512
import FastKernelsPortable
import FastKernelsWide
import Foundation
import ReferenceRNN
import Testing

@Suite("the fast trainer's kernels") struct KernelTests {
  /// exp and tanh are the vector versions written for the kernels; the C library's are the
  /// yardstick. exp to 4e-16 relative (a few ulp) over the softmax's range, and 0 where the C
  /// library is (nearly) 0; tanh to 3e-16 absolute, odd, and ±1 far out.
  @Test("vector exp and tanh agree with the C library")
  func vectorMath() {
    var worstExp = 0.0
    var worstTanh = 0.0
    for i in 0..<20_000 {
      let x = -745 + Double(i) * 0.037_25
      let got = exp(negative: SIMD8<Double>(repeating: x))[0]
      let expected = Foundation.exp(x)
      if x < -708 {
        #expect(got == 0, "exp(\(x)) = \(got)")
      } else {
        worstExp = max(worstExp, abs(got - expected) / expected)
      }
      let y = Double(i - 10_000) * 0.002
      worstTanh = max(worstTanh, abs(tanh(SIMD8<Double>(repeating: y))[0] - Foundation.tanh(y)))
    }
    #expect(worstExp < 4e-16, "largest relative error of exp: \(worstExp)")
    #expect(worstTanh < 3e-16, "largest absolute error of tanh: \(worstTanh)")
    // Near 0, 1 − e cancels: still 2e-13 relative at 1e-3.
    let t = tanh(SIMD8<Double>(-30, -1e-3, 1e-3, 30, 0, 0, 0, 0))
    #expect(t[0] == -1 && t[3] == 1 && t[1] == -t[2], "\(t)")
    #expect(abs(t[2] - Foundation.tanh(1e-3)) / 1e-3 < 2e-13, "tanh(1e-3) = \(t[2])")
  }

  /// Float's exp and tanh, to Float's yardstick: a few units of rounding (Float rounds to within
  /// ε = 6e-8 relative) over the range the softmax and the gates use.
  @Test("single-precision exp and tanh agree with the C library to a few ulps")
  func floatVectorMath() {
    var worstExp = 0.0
    var worstTanh = 0.0
    for i in 0..<20_000 {
      let x = -87 + Double(i) * 0.004_35
      let got = exp(negative: SIMD8<Float>(repeating: Float(x)))[0]
      let expected = Foundation.exp(Double(Float(x)))
      worstExp = max(worstExp, abs(Double(got) - expected) / expected)
      let y = Float(Double(i - 10_000) * 0.002)
      let t = tanh(SIMD8<Float>(repeating: y))[0]
      worstTanh = max(worstTanh, abs(Double(t) - Foundation.tanh(Double(y))))
    }
    #expect(worstExp < 4e-7, "largest relative error of exp: \(worstExp)")
    #expect(worstTanh < 4e-7, "largest absolute error of tanh: \(worstTanh)")
    #expect(exp(negative: SIMD8<Float>(repeating: -100))[0] == 0)
  }

  /// AVX2 and AVX-512 both fuse every multiply–add and keep every sum in the same order (p
  /// increasing in chunks of 64, whatever the tile): the same bits, in both precisions. Batch 5
  /// with H 100 takes the few-rows path on AVX-512 (8-row tiles) and the tiles on AVX2 (4-row),
  /// with k above one chunk.
  @Test(
    "the AVX2 and AVX-512 kernels compute the same bits", .enabled(if: CPUFeatures.canRun512),
    arguments: [(1, 37), (3, 37), (5, 100)])
  func avx512EqualsAVX2(batch: Int, hidden: Int) throws {
    let (data, start) = smallRun(hidden: hidden)
    let pairs: [(any Kernels<Double>.Type, any Kernels<Double>.Type)] = [
      (WideKernels.self, Wide512Kernels.self)
    ]
    for (a, b) in pairs {
      let x = FastTrainer(
        parameters: start, batch: batch, sequenceLength: 13, learningRate: 0.1, kernels: a)
      let y = FastTrainer(
        parameters: start, batch: batch, sequenceLength: 13, learningRate: 0.1, kernels: b)
      for _ in 1...30 { #expect(x.step(data) == y.step(data)) }
      #expect(x.state == y.state)
    }
    let x = VanillaFastTrainer<Float>(
      parameters: start, batch: batch, sequenceLength: 13, learningRate: 0.1,
      kernels: WideFloatKernels.self)
    let y = VanillaFastTrainer<Float>(
      parameters: start, batch: batch, sequenceLength: 13, learningRate: 0.1,
      kernels: Wide512FloatKernels.self)
    for _ in 1...30 { #expect(x.step(data) == y.step(data)) }
    #expect(x.state == y.state)
  }

  /// The portable kernels round each multiply and each add (the x86-64 baseline has no FMA);
  /// the wide ones fuse them, rounding once. Each product element then differs by at most about
  /// k·ε·Σ|a·b| (k ≤ 64 terms here, ε = 1.1e-16): the first window's loss agrees to 1e-13
  /// relative, and the parameters after its update to 1e-13 (measured: 0 and 7e-15–1.6e-14).
  /// (Later iterations are not compared:
  /// this run, like min-char-rnn's, is chaotic, and differences of 1e-16 grow to 1e-3 in 30
  /// updates, for any two summation orders.)
  @Test(
    "the fused and the unfused kernels agree to rounding",
    .enabled(
      if: CPUFeatures.canRunWide && PortableKernels.shape.fused != WideKernels.shape.fused,
      "here both fuse (arm64) or the CPU cannot run the wide kernels"),
    arguments: [1, 3])
  func fusedAgreesWithUnfused(batch: Int) throws {
    let (data, start) = smallRun()
    let wide = FastTrainer(
      parameters: start, batch: batch, sequenceLength: 13, learningRate: 0.1,
      kernels: WideKernels.self)
    let portable = FastTrainer(
      parameters: start, batch: batch, sequenceLength: 13, learningRate: 0.1,
      kernels: PortableKernels.self)
    let (a, b) = (wide.step(data), portable.step(data))
    #expect(abs(a - b) / abs(b) < 1e-13, "first loss: fused \(a), unfused \(b)")
    let (x, y) = (wide.parameters.flattened, portable.parameters.flattened)
    let worst = zip(x, y).map { abs($0 - $1) }.max()!
    #expect(worst < 1e-13, "largest difference of a parameter after one update: \(worst)")
    #expect(worst > 0, "the fused kernels compute the same bits as the unfused: are they fused?")
  }

  private func smallRun(hidden: Int = 37) -> (data: [Int], start: RNNParameters) {
    let text = BuiltInCorpus.play.text(characters: 4000, seed: 4)
    let data = Vocabulary(text: text).encode(text) ?? []
    var rng = SeededGenerator(seed: 9)
    let start = RNNParameters.random(
      hiddenSize: hidden, vocabularySize: Vocabulary(text: text).count, scale: 0.1, using: &rng)
    return (data, start)
  }

  /// With one stream, two threads share every window, each computing half of every output;
  /// no element is computed differently, so the result is the same bits as one thread's.
  @Test("two threads on one stream compute the same bits as one")
  func crewEqualsOneThread() {
    let text = BuiltInCorpus.code.text(characters: 5000, seed: 7)
    let data = Vocabulary(text: text).encode(text) ?? []
    var rng = SeededGenerator(seed: 5)
    let start = RNNParameters.random(
      hiddenSize: 45, vocabularySize: Vocabulary(text: text).count, scale: 0.1, using: &rng)
    let two = FastTrainer(parameters: start, sequenceLength: 17, learningRate: 0.1, threads: .two)
    let one = FastTrainer(parameters: start, sequenceLength: 17, learningRate: 0.1, threads: .one)
    for i in 1...60 {
      let (a, b) = (two.step(data), one.step(data))
      guard a == b else {
        Issue.record("iteration \(i): two threads' loss \(a), one thread's \(b)")
        return
      }
    }
    #expect(two.state == one.state)
  }

  /// The wide kernels run only where /proc/cpuinfo lists all of AVX2's company (Haswell's
  /// flags); an AVX-only CPU (Sandy Bridge) and a file without flags get the portable ones.
  @Test("the wide kernels are chosen only when the CPU lists AVX2, FMA and BMI; AVX-512 likewise")
  func cpuFlags() {
    let haswell =
      "processor\t: 0\nflags\t\t: fpu sse2 ssse3 fma cx16 sse4_1 sse4_2 movbe popcnt aes avx f16c abm avx2 bmi1 bmi2\n"
    let sandyBridge =
      "flags\t\t: fpu sse2 ssse3 cx16 sse4_1 sse4_2 popcnt aes avx\n"
    #expect(CPUFeatures.hasWideFlags(cpuinfo: haswell))
    #expect(!CPUFeatures.hasWideFlags(cpuinfo: sandyBridge))
    #expect(!CPUFeatures.hasWideFlags(cpuinfo: "processor\t: 0\n"))
    #expect(!CPUFeatures.hasWideFlags(cpuinfo: haswell.replacingOccurrences(of: " fma", with: "")))
    let skylakeX = haswell.dropLast() + " avx512f avx512dq adx avx512cd avx512bw avx512vl\n"
    #expect(CPUFeatures.has512Flags(cpuinfo: String(skylakeX)))
    #expect(CPUFeatures.hasWideFlags(cpuinfo: String(skylakeX)))
    #expect(!CPUFeatures.has512Flags(cpuinfo: haswell))
    #expect(
      !CPUFeatures.has512Flags(
        cpuinfo: skylakeX.replacingOccurrences(of: " avx512vl", with: "")))
  }
}
