import CourseSupport
import CourseTesting
import Ex09
import ReferenceRNN
import Testing

/// Not graded: `swift run grader compare ex09` runs each of these with your code and with the
/// solution, on the same inputs, and shows where the recorded values first differ.
@Suite("probe (for grader compare)", .enabled(if: ProbeLog.isRecording, ProbeLog.skipReason))
struct Probe {
  @Test func stacked() {
    let (p, start) = StackFixture.parameters(depth: 2)
    let pass = Ex09.stackedForward(
      inputs: StackFixture.inputs, targets: StackFixture.targets, start: start, parameters: p)
    for t in 0..<pass.ps.count {
      for l in pass.hs.indices where t < pass.hs[l].count {
        ProbeLog.record("hs[layer \(l)][t=\(t)]", pass.hs[l][t])
      }
      ProbeLog.record("ps[t=\(t)]", pass.ps[t])
    }
    let result = Ex09.stackedBackward(StackFixture.referencePass(p, start), parameters: p)
    ProbeLog.record("d", result.gradients)
  }

  @Test func bidirectional() {
    let p = TaggerFixture.parameters()
    let pass = Ex09.bidirectionalForward(
      inputs: TaggerFixture.inputs, labels: TaggerFixture.labels, parameters: p)
    for t in pass.forwardStates.indices {
      ProbeLog.record("forwardStates[t=\(t)]", pass.forwardStates[t])
    }
    for t in pass.backwardStates.indices.reversed() {
      ProbeLog.record("backwardStates[t=\(t)]", pass.backwardStates[t])
    }
    ProbeLog.record("d", Ex09.bidirectionalBackward(TaggerFixture.referencePass(p), parameters: p))
  }

  @Test func future() {
    ProbeLog.record(
      "lettersLeft(play)", indices: Ex09.lettersLeft(BuiltInCorpus.play.text(characters: 300)))
  }

  @Test func depth() {
    var rng = SeededGenerator(seed: 7)
    let result = Ex09.dropout(Vector((0..<12).map { Double($0) - 5.5 }), rate: 0.3, using: &rng)
    ProbeLog.record("mask", result.mask)
    ProbeLog.record("output", result.output)
  }
}
