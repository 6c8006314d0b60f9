import CourseSupport
import CourseTesting
import Ex04
import ReferenceRNN
import Testing

/// Not graded: what `swift run grader compare ex04` runs with your code and the solution.
@Suite("probe (for grader compare)", .enabled(if: ProbeLog.isRecording, ProbeLog.skipReason))
struct Probe {
  @Test func smoothing() {
    let run = Reference.syntheticRun(.healthy, seed: 4)
    ProbeLog.record("smoothed (first 50)", Array(Ex04.smoothed(run.train, start: 4.2).prefix(50)))
    ProbeLog.record(
      "perCharacter (first 10)", Array(Ex04.perCharacter(run.train, sequenceLength: 25).prefix(10)))
  }

  @Test func diagnosis() {
    let names = Diagnosis.allCases.map { kind -> Double in
      let run = Reference.syntheticRun(kind, seed: 1)
      return Double(
        Diagnosis.allCases.firstIndex(
          of: Ex04.diagnose(train: run.train, validation: run.validation)) ?? -1)
    }
    ProbeLog.record("diagnosis of each synthetic kind (as indices of Diagnosis.allCases)", names)
  }

  @Test func runs() {
    let got = Ex04.diagnose(train: RealRuns.explodingRun(), validation: [])
    ProbeLog.record(
      "diagnosis of the exploding run (index in Diagnosis.allCases)",
      Double(Diagnosis.allCases.firstIndex(of: got) ?? -1))
  }
}
