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
    let expected = 1 - 0.05 / (0.25 + 1e-8).squareRoot()
    expectClose(
      p.Whh[0, 0], expected, tolerance: 1e-15,
      "adagrad: Whh[0, 0] after one step from 1 with g = 0.5, lr = 0.1",
      hint: Self.parameterTip(before: [1], got: [p.Whh[0, 0]], expected: [expected]))
  }

  /// A tip only where the numbers show the mistake.
  static func parameterTip(before: [Double], got: [Double], expected: [Double]) -> String {
    switch Symptom.of(before: before, got: got, expected: expected, tolerance: 1e-13) {
    case .signFlipped:
      return "The step went the wrong way: θ −= lr·g/√(mem + 1e-8), a minus."
    case .unchanged(let i):
      return "Element \(i) did not move: update every element of all five tensors."
    case .scaled, nil:
      // With mem still 0, the step is lr·g/√1e-8: ten thousand times too large.
      let oldMemory = zip(before, got).contains { abs($1 - $0) > 100 }
      return oldMemory
        ? "Update the memory first, then divide by √(mem + 1e-8) with the new memory." : ""
    }
  }

  @Test("updates all five tensors like the reference, and memory accumulates over steps")
  func matchesReferenceOverSteps() {
    let problem = Fixtures.rnnProblem()
    var mine = problem.parameters
    var theirs = problem.parameters
    var myMemory = mine.zeros()
    var theirMemory = theirs.zeros()
    var rng = SeededGenerator(seed: 3)
    func flat(_ p: RNNParameters) -> [Double] { RNNTensor.allCases.flatMap { p[$0] } }
    for step in 1...3 {
      var g = mine.zeros()
      for tensor in RNNTensor.allCases {
        for i in g[tensor].indices { g[tensor][i] = rng.nextNormal() }
      }
      let (parametersBefore, memoryBefore) = (flat(mine), flat(myMemory))
      adagradUpdate(parameters: &mine, gradients: g, memory: &myMemory, learningRate: 0.1)
      Reference.adagradUpdate(
        parameters: &theirs, gradients: g, memory: &theirMemory, learningRate: 0.1)
      if let m = firstMismatch("m", actual: myMemory, expected: theirMemory, tolerance: 1e-13) {
        let justThisStep = flat(g).map { $0 * $0 }
        let forgot =
          step > 1 && zip(flat(myMemory), justThisStep).allSatisfy { abs($0 - $1) < 1e-13 }
        let symptom = Symptom.of(
          before: memoryBefore, got: flat(myMemory), expected: flat(theirMemory), tolerance: 1e-13)
        var tip = ""
        if forgot {
          tip = "The memory must persist: add g² to what is already there."
        } else if case .unchanged(let i) = symptom {
          tip =
            "Element \(i) of the memory did not change: mem += g·g for every element of all five tensors."
        }
        expectMatch(m, "adagrad: memory after step \(step)", tolerance: 1e-13, hint: tip)
        return
      }
      if let m = firstMismatch("", actual: mine, expected: theirs, tolerance: 1e-13) {
        let tip = Self.parameterTip(
          before: parametersBefore, got: flat(mine), expected: flat(theirs))
        expectMatch(m, "adagrad: parameters after step \(step)", tolerance: 1e-13, hint: tip)
        return
      }
    }
  }
}
