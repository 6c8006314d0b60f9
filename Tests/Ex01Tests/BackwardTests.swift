import CourseSupport
import CourseTesting
import Ex01
import GradientCheck
import ReferenceRNN
import Testing

/// Task `backward`: BPTT. Your backward runs on the reference's forward pass, so a mistake in
/// your forward cannot hide (or cause) one here.
@Suite("backward") struct Backward {
  let problem = Fixtures.rnnProblem()

  func referencePass(_ p: RNNParameters, _ hPrev: Vector) -> ForwardPass {
    Reference.forward(inputs: problem.inputs, targets: problem.targets, hPrev: hPrev, parameters: p)
  }

  @Test("returns gradients shaped like the parameters")
  func shapes() {
    let result = backward(
      referencePass(problem.parameters, problem.hPrev), parameters: problem.parameters)
    for tensor in RNNTensor.allCases {
      let want = problem.parameters.shape(of: tensor)
      let got = result.gradients.shape(of: tensor)
      expectThat(
        got == want,
        "backward: \(tensor.gradientName) has shape \(got.rows)×\(got.cols), expected \(want.rows)×\(want.cols). Start from p.zeros()."
      )
    }
    expectCount(
      result.dhPrev.count, 8, "backward: dhPrev.count (H = 8)",
      hint: "dhPrev is dh_next after the t = 0 step.")
  }

  /// Central differences of the reference loss, relative error |a−n| / max(1e-8, |a|+|n|).
  /// 1e-7 is the course's bar: a correct BPTT in Double reaches ~3e-10 on this problem, while
  /// a missing term (such as dh_next) gives errors of order 1e-1.
  @Test("every gradient passes the numeric gradient check (relative error ≤ 1e-7)")
  func numericGradientCheck() {
    let p = problem.parameters
    let result = backward(referencePass(p, problem.hPrev), parameters: p)
    let report = checkRNNGradients(parameters: p, hPrev: problem.hPrev, backward: result) { p, h in
      referencePass(p, h).loss
    }
    let failing = report.tensors.filter { !$0.passes(tolerance: 1e-7) }
    let wrong = Set(failing.map(\.tensor))
    for tensor in failing {
      let name = tensor.tensor == "hPrev" ? "dhPrev" : "d" + tensor.tensor
      if let problem = tensor.problem {
        Issue.record("\(name): \(problem).")
      } else {
        Issue.record(
          Comment(
            rawValue:
              "\(name) is wrong at \(tensor.location): analytic \(formatScalar(tensor.analytic)), numeric \(formatScalar(tensor.numeric)), relative error \(formatScalar(tensor.relativeError)) > 1e-7. \(hint(for: tensor.tensor, among: wrong))"
          ))
      }
    }
  }

  @Test("gradients equal the reference's analytic gradients")
  func matchesReference() {
    let pass = referencePass(problem.parameters, problem.hPrev)
    let result = backward(pass, parameters: problem.parameters)
    let expected = Reference.backward(pass, parameters: problem.parameters)
    expectMatch(
      firstMismatch("d", actual: result.gradients, expected: expected.gradients, tolerance: 1e-10),
      "backward: gradient", tolerance: 1e-10,
      hint: "Run `swift run grader hint ex01 backward` for the formulas step by step.")
    expectMatch(
      firstMismatch("dhPrev", actual: result.dhPrev, expected: expected.dhPrev, tolerance: 1e-10),
      "backward: dhPrev", tolerance: 1e-10,
      hint: "dhPrev is Whhᵀ·draw_0, the dh_next left after the t = 0 step.")
  }

  /// A tip for one wrong tensor, read from which tensors are wrong together: dWxh or dbh wrong
  /// means draw_t itself is (most often dh_next is missing), so dWhh and dhPrev are wrong through
  /// it, and their own tips would point away from the mistake.
  func hint(for tensor: String, among wrong: Set<String>) -> String {
    let drawIsWrong = wrong.contains("Wxh") || wrong.contains("bh")
    let follows = "It follows from draw_t: fix the first tip above, and this goes too."
    switch tensor {
    case "Why", "by": return "dy_t = p_t − onehot(target_t); dWhy += dy_t·h_tᵀ, dby += dy_t."
    case "Whh" where !drawIsWrong:
      return "dWhh += draw_t·h_{t−1}ᵀ, and h_{t−1} is hPrev at t = 0 (pass.hidden(before: t))."
    case "hPrev" where !drawIsWrong:
      return "After the loop, dh_next = Whhᵀ·draw_0 is ∂L/∂hPrev."
    case "Wxh", "bh":
      // The first of the two carries the tip; the other follows from the same draw_t.
      guard tensor == (wrong.contains("Wxh") ? "Wxh" : "bh") else { return follows }
      return
        "dh_t = Whyᵀ·dy_t + dh_next, then draw_t = (1 − h_t²) ⊙ dh_t; did you add dh_next from step t+1?"
    default:
      return follows
    }
  }
}
