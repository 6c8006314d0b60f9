import CourseSupport
import CourseTesting
import Ex08
import ReferenceRNN
import Testing

/// Not graded: `swift run grader compare ex08` runs each of these with your code and with the
/// solution, on the same inputs, and shows where the recorded values first differ.
@Suite("probe (for grader compare)", .enabled(if: ProbeLog.isRecording, ProbeLog.skipReason))
struct Probe {
  @Test func embedding() {
    var rng = SeededGenerator(seed: 3)
    let table = Matrix.random(5, 3, scale: 1, using: &rng)
    for (t, v) in Ex08.embed([2, 0, 4, 2], table: table).enumerated() {
      ProbeLog.record("embed[t=\(t)]", v)
    }
    ProbeLog.record(
      "embeddingGradient",
      Ex08.embeddingGradient(
        characters: [2, 0, 2],
        gradients: [Vector([1, 2, 3]), Vector([-1, 0.5, 0]), Vector([10, 20, 30])],
        vocabularySize: 5))
  }

  @Test func forward() {
    let (p, start) = GRUFixture.parameters()
    let pass = Ex08.gruForward(
      inputs: GRUFixture.inputs, targets: GRUFixture.targets, start: start, parameters: p)
    for (t, s) in pass.steps.enumerated() {
      for (name, v) in [("r", s.r), ("z", s.z), ("candidate", s.candidate), ("h", s.h), ("p", s.p)]
      {
        ProbeLog.record("steps[t=\(t)].\(name)", v)
      }
    }
    ProbeLog.record("loss", pass.loss)
  }

  @Test func backward() {
    let (p, start) = GRUFixture.parameters()
    let result = Ex08.gruBackward(GRUFixture.referencePass(p, start), parameters: p)
    ProbeLog.record("d", result.gradients)
    ProbeLog.record("dStart", result.dStart)
  }

  @Test func evolution() {
    for a in Evolution.architectures {
      ProbeLog.record(
        "parameterCount(\(a), V = 54, H = 100)",
        Double(Ex08.parameterCount(a, vocabularySize: 54, hiddenSize: 100)))
      ProbeLog.record(
        "hiddenSize(\(a), V = 54, budget 30000)",
        Double(Ex08.hiddenSize(for: a, vocabularySize: 54, budget: 30_000)))
    }
  }
}
