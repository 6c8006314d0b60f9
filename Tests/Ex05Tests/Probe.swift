import CourseSupport
import CourseTesting
import Ex05
import ReferenceRNN
import Testing

/// Not graded: what `swift run grader compare ex05` runs with your code and the solution.
@Suite("probe (for grader compare)") struct Probe {
  @Test func gradients() {
    let p = FlowFixture.model(radius: 0.9)
    let norms = Ex05.gradientsThroughTime(FlowFixture.pass(p, length: 25), parameters: p).map(
      \.norm)
    ProbeLog.record("‖g_t‖, t = 0 … 24", norms)
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
