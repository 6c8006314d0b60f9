import CourseSupport
import CourseTesting
import Ex01
import GradientCheck
import ReferenceRNN
import Testing

/// Task `adagrad`: mem += g²; θ −= lr·g/√(mem + 1e-8).
@Suite("adagrad") struct Adagrad {
  @Test("one step follows the formula for a single element")
  func oneElement() {
    var p = RNNParameters.zeros(hiddenSize: 1, vocabularySize: 1)
    p.Whh[0, 0] = 1
    var g = p.zeros()
    g.Whh[0, 0] = 0.5
    var mem = p.zeros()
    adagradUpdate(parameters: &p, gradients: g, memory: &mem, learningRate: 0.1)
    // mem = 0.25, θ = 1 − 0.1·0.5/√(0.25 + 1e-8), worked out by hand here rather than by the
    // reference, so this test stands even if the reference were wrong.
    expectClose(
      mem.Whh[0, 0], 0.25, tolerance: 1e-15, "adagrad: mWhh[0, 0] after g = 0.5",
      hint: "mem += g·g.")
    expectClose(
      p.Whh[0, 0], 1 - 0.05 / (0.25 + 1e-8).squareRoot(), tolerance: 1e-15,
      "adagrad: Whh[0, 0] after one step from 1 with g = 0.5, lr = 0.1",
      hint: "θ −= lr·g/√(mem + 1e-8), with the memory already updated.")
  }

  @Test("updates all five tensors like the reference, and memory accumulates over steps")
  func matchesReferenceOverSteps() {
    let problem = Fixtures.rnnProblem()
    var mine = problem.parameters
    var theirs = problem.parameters
    var myMemory = mine.zeros()
    var theirMemory = theirs.zeros()
    var rng = SeededGenerator(seed: 3)
    for step in 1...3 {
      var g = mine.zeros()
      for tensor in RNNTensor.allCases {
        for i in g[tensor].indices { g[tensor][i] = rng.nextNormal() }
      }
      adagradUpdate(parameters: &mine, gradients: g, memory: &myMemory, learningRate: 0.1)
      Reference.adagradUpdate(
        parameters: &theirs, gradients: g, memory: &theirMemory, learningRate: 0.1)
      let hint =
        step == 1
        ? "Update every element of all five tensors."
        : "The memory must persist: add g² to what is already there."
      if let m = firstMismatch("m", actual: myMemory, expected: theirMemory, tolerance: 1e-13) {
        expectMatch(m, "adagrad: memory after step \(step)", tolerance: 1e-13, hint: hint)
        return
      }
      if let m = firstMismatch("", actual: mine, expected: theirs, tolerance: 1e-13) {
        expectMatch(m, "adagrad: parameters after step \(step)", tolerance: 1e-13, hint: hint)
        return
      }
    }
  }
}
