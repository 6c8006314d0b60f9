import CourseSupport
import CourseTesting
import Ex07
import GradientCheck
import ReferenceRNN
import Testing

/// Task `gates`: how often each unit of a gate is saturated.
@Suite("gate saturation") struct GateSaturation {
  /// Three units over four steps. Unit 0 is below 0.1 at three steps, unit 1 above 0.9 at
  /// three, unit 2 once each; 0.1 and 0.9 themselves count as neither.
  @Test("left and right saturation of units built by hand")
  func byHand() {
    let values = [
      Vector([0.05, 0.5, 0.95]), Vector([0.05, 0.95, 0.5]), Vector([0.1, 0.99, 0.01]),
      Vector([0.09, 0.9, 0.5]),
    ]
    let s = saturation(of: values)
    expectThat(
      s.left == [0.75, 0, 0.25],
      "saturation(of:).left = \(s.left), expected [0.75, 0.0, 0.25]: for each unit, the fraction of steps with a value below 0.1 (0.1 itself is not below)."
    )
    expectThat(
      s.right == [0, 0.5, 0.25],
      "saturation(of:).right = \(s.right), expected [0.0, 0.5, 0.25]: for each unit, the fraction of steps with a value above 0.9 (0.9 itself is not above)."
    )
    let empty = saturation(of: [])
    expectThat(
      empty.left.isEmpty && empty.right.isEmpty,
      "saturation(of: []) should have no units: return Saturation(left: [], right: []).")
  }

  /// A model with large weights, so its gates saturate often, reading a 200-character window.
  @Test("equals the reference's statistics for every gate of a real forward pass")
  func realPass() {
    var rng = SeededGenerator(seed: 8)
    let p = LSTMParameters.zeros(hiddenSize: 10, vocabularySize: 6).mapScalars { _ in
      2 * rng.nextNormal()
    }
    let inputs = (0..<200).map { ($0 * 7 + $0 / 5) % 6 }
    let pass = Reference.lstmForward(
      inputs: inputs, targets: inputs.map { ($0 + 1) % 6 }, start: .zeros(10), parameters: p)
    for (name, path) in [("f", \LSTMStep.f), ("i", \.i), ("o", \.o)] {
      let values = pass.steps.map { $0[keyPath: path] }
      let got = saturation(of: values)
      let want = Reference.saturation(of: values)
      expectMatch(
        firstMismatch("\(name) left", actual: got.left, expected: want.left, tolerance: 1e-12),
        "saturation of the \(name) gate", tolerance: 1e-12,
        hint: "Count steps below 0.1 per unit, divide by the number of steps.")
      expectMatch(
        firstMismatch("\(name) right", actual: got.right, expected: want.right, tolerance: 1e-12),
        "saturation of the \(name) gate", tolerance: 1e-12,
        hint: "Count steps above 0.9 per unit, divide by the number of steps.")
    }
  }
}
