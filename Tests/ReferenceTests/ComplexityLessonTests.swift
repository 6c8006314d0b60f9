import CourseSupport
import Foundation
import ReferenceRNN
import Testing

/// ex11's lesson quotes `rnn complexity` (default settings, seed 1). Each test here computes a
/// quoted figure through the reference functions the command calls, with the command's
/// settings (ComplexityStudy.measure: `stepsToMix`, 60 samples, grain 9), formats it as the
/// command prints it, and looks for it in the lesson: a change that moves a number fails here
/// until the lesson says the new one. The scaling rows are checked in ComplexityTests.swift.
extension LessonClaims {
  /// The lesson with every run of spaces and line breaks made one space: a figure may be quoted
  /// across a line break.
  static let ex11Lesson: String = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let url = root.appendingPathComponent("Exercises/ex11-complexity-dynamics/README.md")
    let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }()

  func expectQuoted(_ text: String, _ what: String) {
    #expect(
      Self.ex11Lesson.contains(text),
      "ex11's lesson should quote \(what) as the command prints it now: \(text)")
  }

  /// The command's cup of 64: one model, one coder, one adjustment.
  static func cup(_ model: CoffeeModel, _ compressor: Compressor, _ adjustment: Adjustment)
    -> CoffeeRun
  {
    Reference.coffeeRun(
      model, n: 64, grain: 9, steps: model.stepsToMix(n: 64), samples: 60, seed: 1,
      compressor: compressor, adjustment: adjustment)
  }

  /// The deflate cups, each run once (a debug build's deflate takes seconds for one) and
  /// shared by the tests below. The thirds touch only the non-interacting cup (checked in
  /// PaperCoarseGrainingTests), so the interacting cup has two runs, not four.
  enum DeflateCups {
    static let interacting = cup(.interacting, .deflate, .adjusted)
    static let interactingReleased = cup(.interacting, .deflate, .released)
    static let nonInteracting = cup(.nonInteracting, .deflate, .adjusted)
    static let nonInteractingReleased = cup(.nonInteracting, .deflate, .released)
    static let nonInteractingRows = cup(.nonInteracting, .deflate, .releasedRows)
    static let nonInteractingThirds = cup(.nonInteracting, .deflate, .releasedThirds)

    static func run(_ model: CoffeeModel, _ adjustment: Adjustment) -> CoffeeRun {
      switch (model, adjustment) {
      case (.interacting, .adjusted), (.interacting, .releasedThirds): interacting
      case (.interacting, .released), (.interacting, .releasedRows): interactingReleased
      case (.nonInteracting, .adjusted): nonInteracting
      case (.nonInteracting, .released): nonInteractingReleased
      case (.nonInteracting, .releasedRows): nonInteractingRows
      case (.nonInteracting, .releasedThirds): nonInteractingThirds
      }
    }
  }

  @Test("ex11: Rule 30's block entropies, as the lesson quotes them")
  func ruleThirty() {
    let rows = Reference.evolve(rule: 30, from: AutomatonRow.singleCell(width: 201), steps: 100)
    func h(_ row: Int, _ k: Int, _ digits: Int) -> String {
      String(format: "%.\(digits)f", Reference.blockEntropy(rows[row], k: k) / Double(k))
    }
    expectQuoted("row 0 is one live cell, \(h(0, 1, 3)) bits", "row 0's H₁")
    expectQuoted("H₁ is \(h(25, 1, 2))", "row 25's H₁")
    expectQuoted(
      "H₁ = \(h(100, 1, 3)), H₄ / 4 = \(h(100, 4, 3)), H₈ / 8 = \(h(100, 8, 3))",
      "row 100's entropies")
  }

  @Test("ex11: the poured cup's three buckets under LZW and deflate, as the lesson quotes them")
  func pouredCup() {
    let buckets = Reference.threeBuckets(
      Reference.windowAverage(CoffeeGrid.poured(n: 64), grain: 9))
    expectQuoted(
      "cost it \(Reference.lzwBits(buckets, alphabet: 3)) bits where deflate needs "
        + "\(Reference.deflateBits(buckets))", "the poured cup's size")
  }

  @Test(
    "ex11: the cup of 64's table rows, as the command prints them",
    arguments: CoffeeModel.allCases, Compressor.allCases)
  func cupRow(model: CoffeeModel, compressor: Compressor) {
    let run =
      compressor == .deflate
      ? DeflateCups.run(model, .adjusted) : Self.cup(model, compressor, .adjusted)
    let (first, last, peak) = (run.points.first!, run.points.last!, run.peak())
    let when = String(
      format: "%.0f %@", model.time(peak.step, n: 64), model == .interacting ? "sweeps" : "steps")
    expectQuoted(
      "| \(model.rawValue) | \(compressor.rawValue) | \(first.entropy) → "
        + "\(run.points.map(\.entropy).max()!) | \(first.complexity) → \(peak.complexity) "
        + "(\(when)) → \(last.complexity) | \(first.adjustedComplexity) → "
        + "\(run.peak(adjusted: true).adjustedComplexity) → \(last.adjustedComplexity) |",
      "the \(model.rawValue) cup under \(compressor.rawValue)")
  }

  /// The lesson's account of the paper's Fig. 10 quotes each adjustment's deflate curves as
  /// the command's means over sixths of the run.
  @Test(
    "ex11: the adjusted complexity's means over sixths of the run, as the lesson quotes them",
    arguments: Adjustment.allCases, CoffeeModel.allCases)
  func adjustedSixths(adjustment: Adjustment, model: CoffeeModel) {
    let means = DeflateCups.run(model, adjustment).adjustedMeans(parts: 6)
    expectQuoted(
      "| \(adjustment.rawValue) | \(model.rawValue) | "
        + means.map { String(format: "%.0f", $0) }.joined(separator: " | ") + " |",
      "the \(model.rawValue) cup's sixths under --adjustment \(adjustment.rawValue)")
  }
}
