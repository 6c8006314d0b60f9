import CourseSupport
import CourseTesting
import Ex06
import GradientCheck
import ReferenceRNN
import Testing

/// Task `features`: what the models hold in mind, and standardisation.
@Suite("features") struct Features {
  /// Echo's state counts the b's read and holds a 1: after the warm-up [0] and the passage
  /// [1, 0, 1, 1], the passage's states are [1, 1], [1, 1], [2, 1], [3, 1]: means 7/4 and 1,
  /// deviations √(11/16) and 0.
  @Test("means and deviations of a hidden state worked out by hand")
  func byHand() {
    let f = hiddenFeatures([1, 0, 1, 1], warmup: [0], models: [Study.echo])
    guard
      expectCount(
        f.count, 4, "hiddenFeatures with one model of H = 2",
        hint: "H means, then H deviations, per model.")
    else { return }
    expectMatch(
      firstMismatch(
        "features", actual: f, expected: Vector([1.75, 1, (11.0 / 16).squareRoot(), 0]),
        tolerance: 1e-12),
      "hiddenFeatures", tolerance: 1e-12,
      hint: Self.standardizationNote
        ?? "Keep only the states after the passage's characters (the last passage.count of them), then each unit's mean, then each unit's deviation."
    )
  }

  @Test("standardisation: rows worked out by hand, and a constant feature stays 0")
  func standardise() {
    let rows = [Vector([1, 5]), Vector([3, 5])]
    let (mean, deviation) = standardization(rows)
    expectMatch(
      firstMismatch("mean", actual: mean, expected: Vector([2, 5]), tolerance: 1e-12),
      "standardization", tolerance: 1e-12, hint: "The mean of each feature over the rows.")
    expectMatch(
      firstMismatch("deviation", actual: deviation, expected: Vector([1, 0]), tolerance: 1e-12),
      "standardization", tolerance: 1e-12,
      hint: "√(mean squared difference from the mean), dividing by the number of rows.")
    // The worked-out mean and deviation, not yours: each function is checked on its own.
    let z = standardized(Vector([4, 5]), mean: Vector([2, 5]), deviation: Vector([1, 0]))
    expectMatch(
      firstMismatch("standardized([4, 5])", actual: z, expected: Vector([2, 0]), tolerance: 1e-12),
      "standardized", tolerance: 1e-12,
      hint: "(row − mean) / deviation, reading a deviation of 0 as 1.")
  }

  @Test("equals the reference with the trained author models")
  func trainedModels() {
    let passage = Study.study.heldOut(length: 80, perAuthor: 1).passages[1]
    let got = hiddenFeatures(passage, warmup: Study.study.warmup, models: Study.models)
    let want = Reference.hiddenFeatures(passage, warmup: Study.study.warmup, models: Study.models)
    expectMatch(
      firstMismatch("features", actual: got, expected: want, tolerance: 1e-10),
      "hiddenFeatures of a held-out passage", tolerance: 1e-10,
      hint: Self.standardizationNote ?? "Model after model: H means, then H deviations.")
  }

  /// When `standardization` is wrong on the rows worked out by hand, hiddenFeatures' deviations
  /// (which it may use) are wrong because of it: said so, instead of blaming hiddenFeatures.
  static var standardizationNote: String? {
    let (mean, deviation) = standardization([Vector([1, 5]), Vector([3, 5])])
    guard
      firstMismatch("", actual: mean, expected: Vector([2, 5]), tolerance: 1e-12) != nil
        || firstMismatch("", actual: deviation, expected: Vector([1, 0]), tolerance: 1e-12) != nil
    else { return nil }
    return
      "standardization is wrong on the rows worked out by hand (its test says how), and hiddenFeatures uses it: fix standardization first."
  }
}
