import CourseSupport
import FastKernels
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
      let got = exp(negative: Vector4(repeating: x))[0]
      let expected = Foundation.exp(x)
      if x < -708 {
        #expect(got == 0, "exp(\(x)) = \(got)")
      } else {
        worstExp = max(worstExp, abs(got - expected) / expected)
      }
      let y = Double(i - 10_000) * 0.002
      worstTanh = max(worstTanh, abs(tanh(Vector4(repeating: y))[0] - Foundation.tanh(y)))
    }
    #expect(worstExp < 4e-16, "largest relative error of exp: \(worstExp)")
    #expect(worstTanh < 3e-16, "largest absolute error of tanh: \(worstTanh)")
    // Near 0, 1 − e cancels: still 2e-13 relative at 1e-3.
    let t = tanh(Vector4(-30, -1e-3, 1e-3, 30))
    #expect(t[0] == -1 && t[3] == 1 && t[1] == -t[2], "\(t)")
    #expect(abs(t[2] - Foundation.tanh(1e-3)) / 1e-3 < 2e-13, "tanh(1e-3) = \(t[2])")
  }

  /// The wide kernels are the same source compiled for AVX2, without fused multiply-adds and
  /// with every sum in the same order: they must compute the same bits as the portable ones.
  @Test("the wide and the portable kernels compute the same bits", arguments: [1, 3])
  func wideEqualsPortable(batch: Int) throws {
    try #require(CPUFeatures.canRunWide, "this CPU cannot run the wide kernels")
    let text = BuiltInCorpus.play.text(characters: 4000, seed: 4)
    let data = Vocabulary(text: text).encode(text) ?? []
    var rng = SeededGenerator(seed: 9)
    let start = RNNParameters.random(
      hiddenSize: 37, vocabularySize: Vocabulary(text: text).count, scale: 0.1, using: &rng)
    let wide = FastTrainer(
      parameters: start, batch: batch, sequenceLength: 13, learningRate: 0.1,
      kernels: WideKernels.self)
    let portable = FastTrainer(
      parameters: start, batch: batch, sequenceLength: 13, learningRate: 0.1,
      kernels: PortableKernels.self)
    for i in 1...30 {
      let (a, b) = (wide.step(data), portable.step(data))
      guard a == b else {
        Issue.record("iteration \(i): wide loss \(a), portable \(b)")
        return
      }
    }
    #expect(wide.state == portable.state)
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
  @Test("the wide kernels are chosen only when the CPU lists AVX2, FMA and BMI")
  func cpuFlags() {
    let haswell =
      "processor\t: 0\nflags\t\t: fpu sse2 ssse3 fma cx16 sse4_1 sse4_2 movbe popcnt aes avx f16c abm avx2 bmi1 bmi2\n"
    let sandyBridge =
      "flags\t\t: fpu sse2 ssse3 cx16 sse4_1 sse4_2 popcnt aes avx\n"
    #expect(CPUFeatures.hasWideFlags(cpuinfo: haswell))
    #expect(!CPUFeatures.hasWideFlags(cpuinfo: sandyBridge))
    #expect(!CPUFeatures.hasWideFlags(cpuinfo: "processor\t: 0\n"))
    #expect(!CPUFeatures.hasWideFlags(cpuinfo: haswell.replacingOccurrences(of: " fma", with: "")))
  }
}
