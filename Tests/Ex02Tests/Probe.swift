import CourseSupport
import CourseTesting
import Ex02
import ReferenceRNN
import Testing

/// Not graded: what `swift run grader compare ex02` runs with your code and the solution.
@Suite("probe (for grader compare)", .enabled(if: ProbeLog.isRecording, ProbeLog.skipReason))
struct Probe {
  @Test func softmax() throws {
    for t in [0.2, 1, 5] {
      ProbeLog.record(
        "softmax(y, T = \(t))", try Ex02.softmax(Vector([1, 2, 1.5, -0.5]), temperature: t))
    }
  }

  @Test func sample() {
    var rng = SeededGenerator(seed: 7)
    let draws = (0..<50).map { _ in Ex02.sample(from: Vector([0.1, 0.2, 0.3, 0, 0.4]), using: &rng)
    }
    ProbeLog.record("50 draws, seed 7", indices: draws)
  }

  @Test func generate() throws {
    var rng = SeededGenerator(seed: 9)
    ProbeLog.record(
      "generate(seed: [1, 4, 2], T = 0.8)",
      indices: try Ex02.generate(
        parameters: Generation.model(), seed: [1, 4, 2], count: 30, temperature: 0.8, using: &rng))
  }

  @Test func entropy() throws {
    for t in [0.2, 1, 5] {
      ProbeLog.record(
        "entropy at T = \(t)",
        Ex02.entropy(try Reference.softmax(Vector([2, 1, 0.5, -1]), temperature: t)))
    }
  }
}
