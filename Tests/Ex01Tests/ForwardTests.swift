import CourseSupport
import CourseTesting
import Ex01
import Foundation
import GradientCheck
import ReferenceRNN
import Testing

/// Task `forward`: softmax and the forward pass.
@Suite("forward") struct Forward {
  let problem = Fixtures.rnnProblem()

  @Test("softmax sums to 1 and matches the reference")
  func softmaxMatchesReference() {
    let y = Vector([0.5, -1.25, 3, 0, 2])
    let p = softmax(y)
    guard
      expectCount(
        p.count, 5, "softmax of 5 scores: number of probabilities",
        hint: "Return one probability per score.")
    else { return }
    expectClose(
      p.sum(), 1, tolerance: 1e-12, "softmax: sum of probabilities",
      hint: "Divide by the sum of the exponentials.")
    expectMatch(
      firstMismatch("softmax(y)", actual: p, expected: Reference.softmax(y), tolerance: 1e-12),
      "softmax([0.5, -1.25, 3, 0, 2])", tolerance: 1e-12,
      hint: "softmax(y)_i = exp(y_i − max y) / Σ_j exp(y_j − max y).")
  }

  @Test("softmax is stable for scores of ±1000")
  func softmaxIsStable() {
    let p = softmax(Vector([1000, 999, -1000]))
    let e = exp(-1.0)
    let expected = Vector([1 / (1 + e), e / (1 + e), 0])
    expectMatch(
      firstMismatch("softmax([1000, 999, -1000])", actual: p, expected: expected, tolerance: 1e-12),
      "softmax of large scores", tolerance: 1e-12,
      hint: "exp(1000) overflows to ∞: subtract the largest score before exponentiating.")
  }

  @Test("keeps one hidden state and one distribution per time step")
  func shapes() {
    let pass = forward(
      inputs: problem.inputs, targets: problem.targets, hPrev: problem.hPrev,
      parameters: problem.parameters)
    let T = problem.inputs.count
    let hint = "Append h_t to hs and p_t to ps once per time step."
    guard expectCount(pass.hs.count, T, "forward: hs.count for T = \(T)", hint: hint),
      expectCount(pass.ps.count, T, "forward: ps.count for T = \(T)", hint: hint)
    else { return }
    for t in 0..<T {
      expectCount(
        pass.hs[t].count, 8, "forward: hs[t=\(t)].count (H = 8)",
        hint: "h_t has one number per hidden unit.")
      expectCount(
        pass.ps[t].count, 5, "forward: ps[t=\(t)].count (V = 5)",
        hint: "p_t has one probability per character.")
    }
    #expect(pass.hPrev == problem.hPrev, "forward: pass.hPrev should be the hPrev you were given")
    #expect(
      pass.inputs == problem.inputs && pass.targets == problem.targets,
      "forward: pass.inputs/targets should be the ones you were given")
  }

  @Test("loss, hidden states and probabilities equal the reference")
  func matchesReference() {
    let pass = forward(
      inputs: problem.inputs, targets: problem.targets, hPrev: problem.hPrev,
      parameters: problem.parameters)
    let expected = Reference.forward(
      inputs: problem.inputs, targets: problem.targets, hPrev: problem.hPrev,
      parameters: problem.parameters)
    guard pass.hs.count == expected.hs.count, pass.ps.count == expected.ps.count else {
      Issue.record(
        "forward: expected \(expected.hs.count) hidden states and distributions, got \(pass.hs.count) and \(pass.ps.count). Keep one per time step."
      )
      return
    }
    // Compare step by step so the message names the first time step that goes wrong.
    for t in expected.hs.indices {
      if let m = firstMismatch(
        "hs[t=\(t)]", actual: pass.hs[t], expected: expected.hs[t], tolerance: 1e-12)
      {
        expectMatch(
          m, "forward: hidden state", tolerance: 1e-12,
          hint: t == 0
            ? "h_0 = tanh(Wxh·x_0 + Whh·hPrev + bh): start from hPrev."
            : "h_t = tanh(Wxh·x_t + Whh·h_{t−1} + bh): feed the previous h_t back in.")
        return
      }
      if let m = firstMismatch(
        "ps[t=\(t)]", actual: pass.ps[t], expected: expected.ps[t], tolerance: 1e-12)
      {
        expectMatch(
          m, "forward: probabilities", tolerance: 1e-12, hint: "p_t = softmax(Why·h_t + by).")
        return
      }
    }
    expectClose(
      pass.loss, expected.loss, tolerance: 1e-12,
      "forward: loss over T = \(problem.inputs.count) steps",
      hint: "L = Σ_t −ln p_t[targets[t]], summed over the steps (not averaged).")
  }

  @Test("a tiny-weight model starts at loss ≈ T·ln V")
  func initialLoss() {
    var rng = SeededGenerator(seed: 7)
    let p = RNNParameters.random(hiddenSize: 16, vocabularySize: 10, scale: 0.01, using: &rng)
    let inputs = [0, 3, 9, 1, 4, 4, 7, 2, 8, 5, 6, 0]
    let targets = Array(inputs.dropFirst()) + [3]
    let pass = forward(inputs: inputs, targets: targets, hPrev: .zeros(16), parameters: p)
    let expected = Double(inputs.count) * log(10.0)
    // With weights ×0.01 every p_t is uniform to within ~1e-4, so L = T·ln V to ~1e-4 relative.
    expectClose(
      pass.loss, expected, tolerance: 1e-3, "forward: initial loss for T = 12, V = 10 (T·ln V)",
      hint: "Each step should add −ln(1/V) when the model knows nothing.")
  }
}
