import CourseSupport
import CourseTesting
import Ex05
import ReferenceRNN
import Testing

/// Not graded: what `swift run grader compare ex05` runs with your code and the solution.
@Suite("probe (for grader compare)", .enabled(if: ProbeLog.isRecording, ProbeLog.skipReason))
struct Probe {
  /// A model out of the linear regime (weights ×0.4), so tanh's slope matters, as in the suite.
  @Test func gradients() {
    var rng = SeededGenerator(seed: 4)
    let p = RNNParameters.random(hiddenSize: 16, vocabularySize: 6, scale: 0.4, using: &rng)
    let inputs = (0..<25).map { ($0 * 7 + 3) % 6 }
    let pass = Reference.forward(
      inputs: inputs, targets: inputs.map { ($0 + 1) % 6 }, hPrev: .zeros(16), parameters: p)
    // From the last step back, the order they are computed in: the first difference is the
    // first step the recursion gets wrong.
    for (t, g) in Ex05.gradientsThroughTime(pass, parameters: p).enumerated().reversed() {
      ProbeLog.record("g[t=\(t)]", g)
    }
  }

  @Test func radius() {
    var rng = SeededGenerator(seed: 9)
    ProbeLog.record(
      "spectralRadius(random 32 × 32)",
      Ex05.spectralRadius(Matrix.random(32, 32, scale: 0.2, using: &rng)))
  }

  @Test func scaling() {
    var rng = SeededGenerator(seed: 10)
    ProbeLog.record(
      "scaled to ρ = 1.5",
      Ex05.scaled(Matrix.random(16, 16, scale: 0.3, using: &rng), toSpectralRadius: 1.5))
  }
}
