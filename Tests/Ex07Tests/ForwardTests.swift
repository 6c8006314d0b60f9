import CourseSupport
import CourseTesting
import Ex07
import Foundation
import GradientCheck
import ReferenceRNN
import Testing

/// Task `forward`: σ and the LSTM's forward pass.
@Suite("forward") struct Forward {
  @Test("sigmoid is 1/(1 + e^(−x)), and stays finite for scores of ±1000")
  func sigmoidValues() {
    expectClose(sigmoid(0), 0.5, tolerance: 1e-15, "sigmoid(0)", hint: "σ(x) = 1 / (1 + exp(-x)).")
    expectClose(
      sigmoid(2), 0.8807970779778823, tolerance: 1e-15, "sigmoid(2)",
      hint: "σ(x) = 1 / (1 + exp(-x)).")
    expectClose(
      sigmoid(-3), 0.04742587317756678, tolerance: 1e-15, "sigmoid(-3)",
      hint: "σ(x) = 1 / (1 + exp(-x)): note the minus sign.")
    for x in [-1000.0, 1000] {
      expectThat(
        sigmoid(x).isFinite && sigmoid(x) >= 0 && sigmoid(x) <= 1,
        "sigmoid(\(x)) = \(sigmoid(x)), expected a number in [0, 1]. 1 / (1 + exp(-x)) gives 0 and 1 there; a form such as exp(x) / (1 + exp(x)) turns into ∞/∞ = NaN."
      )
    }
  }

  /// H = 1, V = 2, reading character 1 from h = 0.5, c = −0.25: each gate worked out by hand
  /// (with Python's math module) from the formulas in the lesson.
  @Test("one step equals the formulas worked out by hand")
  func oneStepByHand() {
    var p = LSTMParameters.zeros(hiddenSize: 1, vocabularySize: 2)
    (p.Wi, p.Wf) = (
      Matrix(rows: 1, cols: 2, scalars: [0.1, 0.2]), Matrix(rows: 1, cols: 2, scalars: [0.3, -0.4])
    )
    (p.Wg, p.Wo) = (
      Matrix(rows: 1, cols: 2, scalars: [0.5, 0.6]), Matrix(rows: 1, cols: 2, scalars: [-0.7, 0.8])
    )
    (p.Ui, p.Uf) = (
      Matrix(rows: 1, cols: 1, scalars: [0.9]), Matrix(rows: 1, cols: 1, scalars: [-1])
    )
    (p.Ug, p.Uo) = (
      Matrix(rows: 1, cols: 1, scalars: [1.1]), Matrix(rows: 1, cols: 1, scalars: [-1.2])
    )
    (p.bi, p.bf, p.bg, p.bo) = (Vector([0.05]), Vector([1]), Vector([-0.05]), Vector([0.1]))
    let pass = lstmForward(
      inputs: [1], targets: [0], start: LSTMState(h: Vector([0.5]), c: Vector([-0.25])),
      parameters: p)
    guard
      expectCount(
        pass.steps.count, 1, "lstmForward over one input: steps", hint: "One LSTMStep per input.")
    else { return }
    let s = pass.steps[0]
    let expected: [(String, Double, Double, String)] = [
      (
        "i", s.i[0], 0.6681877721681662,
        "i = σ(Wi·x + Ui·h + bi): column x of Wi, Ui times the previous h."
      ),
      ("f", s.f[0], 0.5249791874789399, "f = σ(Wf·x + Uf·h + bf)."),
      ("g", s.g[0], 0.8004990217606296, "g = tanh(Wg·x + Ug·h + bg): tanh, not σ."),
      ("o", s.o[0], 0.574442516811659, "o = σ(Wo·x + Uo·h + bo)."),
      ("c", s.c[0], 0.4036388611032965, "c = f ⊙ c_prev + i ⊙ g."),
      ("h", s.h[0], 0.22004491675397125, "h = o ⊙ tanh(c): the new c, through tanh."),
    ]
    for (name, got, want, hint) in expected {
      expectClose(got, want, tolerance: 1e-12, "steps[0].\(name)", hint: hint)
    }
  }

  @Test("every gate, state and distribution equals the reference's (1e-12)")
  func matchesReference() {
    let (p, start) = LSTMFixture.parameters()
    let got = lstmForward(
      inputs: LSTMFixture.inputs, targets: LSTMFixture.targets, start: start, parameters: p)
    let want = LSTMFixture.referencePass(p, start)
    guard
      expectCount(
        got.steps.count, want.steps.count, "lstmForward: steps for \(want.steps.count) inputs",
        hint: "Append one LSTMStep per input.")
    else { return }
    let order: [(String, KeyPath<LSTMStep, Vector>, String)] = [
      ("i", \.i, "i = σ(Wi·x_t + Ui·h_{t−1} + bi)"), ("f", \.f, "f = σ(Wf·x_t + Uf·h_{t−1} + bf)"),
      ("g", \.g, "g = tanh(Wg·x_t + Ug·h_{t−1} + bg)"),
      ("o", \.o, "o = σ(Wo·x_t + Uo·h_{t−1} + bo)"),
      ("c", \.c, "c_t = f ⊙ c_{t−1} + i ⊙ g, from start.c at t = 0"),
      ("h", \.h, "h_t = o ⊙ tanh(c_t)"), ("p", \.p, "p_t = softmax(Why·h_t + by)"),
    ]
    for t in want.steps.indices {
      for (name, path, formula) in order {
        if let m = firstMismatch(
          "steps[t=\(t)].\(name)", actual: got.steps[t][keyPath: path],
          expected: want.steps[t][keyPath: path], tolerance: 1e-12)
        {
          expectMatch(
            m, "lstmForward", tolerance: 1e-12,
            hint: "\(formula). The first wrong value is the place to look.")
          return
        }
      }
    }
    expectClose(
      got.loss, want.loss, tolerance: 1e-12, "lstmForward: the loss",
      hint: "L = Σ_t −ln p_t[targets[t]], summed over the steps, not averaged.")
  }

  @Test("a model that knows nothing starts at T·ln V")
  func uniformStart() {
    let p = LSTMParameters.zeros(hiddenSize: 5, vocabularySize: 7)
    let pass = lstmForward(
      inputs: [0, 1, 2, 3, 4, 5], targets: [1, 2, 3, 4, 5, 6], start: .zeros(5), parameters: p)
    expectClose(
      pass.loss, 6 * log(7.0), tolerance: 1e-12, "loss of all-zero parameters, T = 6, V = 7",
      hint:
        "With Why = 0 every p_t is uniform, 1/V: the loss is T·ln V. Sum −ln p_t[target], do not average."
    )
  }
}
