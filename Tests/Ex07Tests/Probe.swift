import CourseSupport
import CourseTesting
import Ex07
import GradientCheck
import ReferenceRNN
import Testing

/// Not graded: `swift run grader compare ex07` runs each of these with your code and with the
/// solution, on the same inputs, and shows where the recorded values first differ.
@Suite("probe (for grader compare)", .enabled(if: ProbeLog.isRecording, ProbeLog.skipReason))
struct Probe {
  @Test func forward() {
    ProbeLog.record("sigmoid(0.7)", Ex07.sigmoid(0.7))
    let (p, start) = LSTMFixture.parameters()
    let pass = Ex07.lstmForward(
      inputs: LSTMFixture.inputs, targets: LSTMFixture.targets, start: start, parameters: p)
    for (t, s) in pass.steps.enumerated() {
      for (name, v) in [
        ("i", s.i), ("f", s.f), ("g", s.g), ("o", s.o), ("c", s.c), ("h", s.h), ("p", s.p),
      ] {
        ProbeLog.record("steps[t=\(t)].\(name)", v)
      }
    }
    ProbeLog.record("loss", pass.loss)
  }

  @Test func backward() {
    let (p, start) = LSTMFixture.parameters()
    let result = Ex07.lstmBackward(LSTMFixture.referencePass(p, start), parameters: p)
    ProbeLog.record("d", result.gradients)
    ProbeLog.record("dStart.", result.dStart)
  }

  @Test func initialisation() {
    var rng = SeededGenerator(seed: 5)
    ProbeLog.record("", Ex07.initialLSTMParameters(vocabularySize: 5, hiddenSize: 6, using: &rng))
  }

  @Test func gates() {
    // Typed closures: inferred, this one expression took the type checker eight seconds.
    let values: [Vector] = (0..<12).map { (t: Int) -> Vector in
      Vector((0..<4).map { (u: Int) -> Double in Double((t * 7 + u * 3) % 11) / 10 })
    }
    let s = Ex07.saturation(of: values)
    ProbeLog.record("left", s.left)
    ProbeLog.record("right", s.right)
  }

  @Test func flow() {
    let (p, start) = LSTMFixture.parameters()
    let result = Ex07.lstmGradientsThroughTime(LSTMFixture.referencePass(p, start), parameters: p)
    for t in result.dh.indices.reversed() {
      ProbeLog.record("dh[t=\(t)]", result.dh[t])
      if t < result.dc.count { ProbeLog.record("dc[t=\(t)]", result.dc[t]) }
    }
  }

  @Test func long() {
    let trained = Reference.trainRecall(
      LSTMCell.self, task: RecallTask(distance: 8), hiddenSize: 8, iterations: 300,
      learningRate: 0.01, seed: 2)
    let examples = RecallTask(distance: 8).examples(count: 60, seed: 5)
    ProbeLog.record(
      "recallAccuracy",
      Ex07.recallAccuracy(parameters: LSTMParameters(trained.parameters), examples: examples))
  }
}
