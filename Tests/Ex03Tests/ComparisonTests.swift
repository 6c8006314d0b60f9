import CourseSupport
import CourseTesting
import Ex03
import Testing

/// Task `comparison`: the hyperparameter table as Markdown and CSV.
@Suite("comparison") struct ComparisonTable {
  let rows = [
    ComparisonRow(
      hiddenSize: 50, learningRate: 0.5, sequenceLength: 10, trainingLoss: 2.05,
      validationLoss: 2.25, seconds: 1.04),
    ComparisonRow(
      hiddenSize: 100, learningRate: 0.1, sequenceLength: 25, trainingLoss: 1.65904,
      validationLoss: 1.70123, seconds: 2.3),
    ComparisonRow(
      hiddenSize: 200, learningRate: 0.01, sequenceLength: 50, trainingLoss: 2.5,
      validationLoss: 2.25, seconds: 10.46),
  ]

  @Test("Markdown: best validation loss first, ties in order, fixed decimals")
  func markdown() {
    let expected = """
      | hidden | learning rate | sequence | training loss | validation loss | seconds |
      |---:|---:|---:|---:|---:|---:|
      | 100 | 0.1 | 25 | 1.6590 | 1.7012 | 2.3 |
      | 50 | 0.5 | 10 | 2.0500 | 2.2500 | 1.0 |
      | 200 | 0.01 | 50 | 2.5000 | 2.2500 | 10.5 |

      """
    let got = markdownTable(rows)
    expectThat(
      got == expected,
      "markdownTable:\nexpected\n\(expected)\ngot\n\(got)\nFirst differing line: \(firstDifferentLine(got, expected))"
    )
  }

  @Test("CSV: a header, then the rows as given, at full precision")
  func csvText() {
    let expected = """
      hidden,learning_rate,sequence,training_loss,validation_loss,seconds
      50,0.5,10,2.05,2.25,1.04
      100,0.1,25,1.65904,1.70123,2.3
      200,0.01,50,2.5,2.25,10.46

      """
    let got = csv(rows)
    expectThat(
      got == expected,
      "csv:\nexpected\n\(expected)\ngot\n\(got)\nFirst differing line: \(firstDifferentLine(got, expected))"
    )
  }

  func firstDifferentLine(_ a: String, _ b: String) -> String {
    let x = a.split(separator: "\n", omittingEmptySubsequences: false)
    let y = b.split(separator: "\n", omittingEmptySubsequences: false)
    for i in 0..<max(x.count, y.count)
    where (i < x.count ? x[i] : nil) != (i < y.count ? y[i] : nil) {
      return
        "line \(i + 1): got \"\(i < x.count ? String(x[i]) : "")\", expected \"\(i < y.count ? String(y[i]) : "")\""
    }
    return "none (a trailing newline?)"
  }
}
