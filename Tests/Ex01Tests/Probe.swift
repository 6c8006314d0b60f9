import CourseSupport
import CourseTesting
import Ex01
import ReferenceRNN
import Testing

/// Not graded: `swift run grader compare ex01` runs each of these with your code and with the
/// solution, on the same inputs and seed, and shows where the recorded values first differ.
/// One test per task, named as the task.
@Suite("probe (for grader compare)", .enabled(if: ProbeLog.isRecording, ProbeLog.skipReason))
struct Probe {
  let problem = Fixtures.rnnProblem()

  @Test func forward() {
    ProbeLog.record("softmax([0.5, -1.25, 3, 0, 2])", Ex01.softmax(Vector([0.5, -1.25, 3, 0, 2])))
    let pass = Ex01.forward(
      inputs: problem.inputs, targets: problem.targets, hPrev: problem.hPrev,
      parameters: problem.parameters)
    for t in pass.hs.indices {
      ProbeLog.record("hs[t=\(t)]", pass.hs[t])
      if t < pass.ps.count { ProbeLog.record("ps[t=\(t)]", pass.ps[t]) }
    }
    ProbeLog.record("loss", pass.loss)
  }

  @Test func backward() {
    let pass = Reference.forward(
      inputs: problem.inputs, targets: problem.targets, hPrev: problem.hPrev,
      parameters: problem.parameters)
    let result = Ex01.backward(pass, parameters: problem.parameters)
    ProbeLog.record("d", result.gradients)
    ProbeLog.record("dhPrev", result.dhPrev)
  }

  @Test func clip() {
    var g = problem.parameters
    for tensor in RNNTensor.allCases {
      for i in g[tensor].indices { g[tensor][i] *= 20 }
    }
    Ex01.clip(&g, limit: 5)
    ProbeLog.record("clipped d", g)
  }

  @Test func adagrad() {
    var p = problem.parameters
    var memory = p.zeros()
    var rng = SeededGenerator(seed: 3)
    for step in 1...2 {
      var g = p.zeros()
      for tensor in RNNTensor.allCases {
        for i in g[tensor].indices { g[tensor][i] = rng.nextNormal() }
      }
      Ex01.adagradUpdate(parameters: &p, gradients: g, memory: &memory, learningRate: 0.1)
      ProbeLog.record("memory after step \(step): m", memory)
      ProbeLog.record("parameters after step \(step): ", p)
    }
  }

  @Test func sampling() {
    let sample = Ex01.sampleGreedy(
      parameters: problem.parameters, hPrev: problem.hPrev, seed: 2, count: 20)
    ProbeLog.record("sampleGreedy(seed: 2, count: 20)", indices: sample)
  }

  @Test func training() {
    var rng = SeededGenerator(seed: 5)
    let start = RNNParameters.random(hiddenSize: 12, vocabularySize: 3, scale: 0.01, using: &rng)
    var trainer = MinCharRNNTrainer(
      data: Fixtures.abcPattern(count: 120), parameters: start, sequenceLength: 8,
      learningRate: 0.1, functions: Training.learnerFunctions)
    for iteration in 1...100 {
      let loss = trainer.step()
      if iteration % 10 == 0 { ProbeLog.record("loss at iteration \(iteration)", loss) }
    }
  }
}
