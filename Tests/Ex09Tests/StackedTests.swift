import CourseSupport
import CourseTesting
import Ex09
import GradientCheck
import ReferenceRNN
import Testing

/// Task `stacked`: L layers, forward and backward through time and depth.
@Suite("stacked") struct Stacked {
  @Test("every layer's states and every distribution equal the reference's (1e-12)")
  func forwardMatches() {
    let (p, start) = StackFixture.parameters(depth: 3)
    let got = stackedForward(
      inputs: StackFixture.inputs, targets: StackFixture.targets, start: start, parameters: p)
    let want = StackFixture.referencePass(p, start)
    guard
      expectCount(
        got.hs.count, 3, "stackedForward: hs for 3 layers", hint: "hs[l][t]: one list per layer.")
        && got.hs.allSatisfy({ $0.count == 6 })
    else {
      Issue.record("stackedForward: every hs[l] should hold 6 states, one per step.")
      return
    }
    for t in 0..<6 {
      for l in 0..<3 {
        if let m = firstMismatch(
          "hs[layer \(l)][t=\(t)]", actual: got.hs[l][t], expected: want.hs[l][t], tolerance: 1e-12)
        {
          expectMatch(
            m, "stackedForward", tolerance: 1e-12,
            hint: l == 0
              ? "Layer 0 reads the character: tanh(Wxh⁰ column + Whh⁰·h⁰_{t−1} + bh⁰), from start[0]."
              : "Layer \(l) reads layer \(l - 1)'s new state at the same step: tanh(Wxhˡ·hˡ⁻¹_t + Whhˡ·hˡ_{t−1} + bhˡ), from start[\(l)]."
          )
          return
        }
      }
      if let m = firstMismatch(
        "ps[t=\(t)]", actual: got.ps[t], expected: want.ps[t], tolerance: 1e-12)
      {
        expectMatch(
          m, "stackedForward", tolerance: 1e-12,
          hint: "p_t reads the top layer: softmax(Why·hᴸ⁻¹_t + by).")
        return
      }
    }
    expectClose(
      got.loss, want.loss, tolerance: 1e-12, "stackedForward: the loss",
      hint: "Σ_t −ln p_t[targets[t]].")
  }

  /// The course's check (fourth-order central differences), relative error ≤ 1e-7.
  @Test("every layer's gradients pass the numeric gradient check (relative error ≤ 1e-7)")
  func gradientCheck() {
    let (p, start) = StackFixture.parameters(depth: 2)
    let result = stackedBackward(StackFixture.referencePass(p, start), parameters: p)
    let report = checkGradients(
      parameters: p, state: StartStates(states: start), gradients: result.gradients,
      dState: StartStates(states: result.dStart)
    ) { p, s in
      Reference.stackedForward(
        inputs: StackFixture.inputs, targets: StackFixture.targets, start: s.states, parameters: p
      ).loss
    }
    let failing = report.tensors.filter { !$0.passes(tolerance: 1e-7) }
    guard !failing.isEmpty else { return }
    let lines = failing.map { t in
      t.problem.map { "d\(t.tensor): \($0)" }
        ?? "d\(t.tensor) is wrong at \(t.location): analytic \(formatScalar(t.analytic)), numeric \(formatScalar(t.numeric)), relative error \(formatScalar(t.relativeError)) > 1e-7"
    }
    let lowest = failing.compactMap {
      $0.tensor.hasPrefix("layer") ? Int($0.tensor.dropFirst(5).prefix { $0.isNumber }) : nil
    }.min()
    let tip =
      lowest == nil
      ? "Only the output layer is off: dy = p − onehot(target), dWhy += dy·hᴸ⁻¹ᵀ."
      : "The lowest wrong layer is layer \(lowest!) (counting from 1): every layer gets its gradient from the one above, Wxhᵀ·draw of the layer above at the same step, plus its own dh_next from the next step."
    Issue.record(
      Comment(
        rawValue: (["\(failing.count) of \(report.tensors.count) gradients fail the check. \(tip)"]
          + lines).joined(separator: "\n")))
  }

  @Test("gradients equal the reference's (1e-10)")
  func backwardMatches() {
    let (p, start) = StackFixture.parameters(depth: 3)
    let pass = StackFixture.referencePass(p, start)
    let got = stackedBackward(pass, parameters: p)
    let want = Reference.stackedBackward(pass, parameters: p)
    expectMatch(
      firstMismatch("d", actual: got.gradients, expected: want.gradients, tolerance: 1e-10),
      "stackedBackward: gradient", tolerance: 1e-10,
      hint:
        "Per step, go down from the top layer; each layer's draw = (1 − h²) ⊙ (from above + dh_next[l])."
    )
    for l in 0..<3 {
      expectMatch(
        firstMismatch(
          "dStart[\(l)]", actual: got.dStart[l], expected: want.dStart[l], tolerance: 1e-10),
        "stackedBackward: dStart", tolerance: 1e-10,
        hint: "dStart[l] is layer l's dh_next after the t = 0 step.")
    }
  }
}

/// The start states of a stack, as a tensor set the gradient check can move.
struct StartStates: TensorSet {
  var states: [Vector]
  var tensors: [TensorSlot<StartStates>] {
    states.indices.map { l in
      TensorSlot(
        "layer\(l + 1).h", rows: states[l].count, cols: 1, isVector: true,
        values: \StartStates.states[l].scalars)
    }
  }
}
