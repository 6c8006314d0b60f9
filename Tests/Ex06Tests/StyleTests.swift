import CourseSupport
import CourseTesting
import Ex06
import GradientCheck
import ReferenceRNN
import Testing

/// Task `style`: the style statistics of a passage.
@Suite("style") struct Style {
  /// "The cat sat. It's grey!" — 23 characters; words The, cat, sat, It's, grey: letters
  /// 3, 3, 3, 3, 4 (the apostrophe is no letter), so 16/5 = 3.2; two sentences of 3 and 2 words;
  /// one "." , one "'" and one "!" per 23 characters; capitals T and I of 16 letters; five
  /// distinct words of five.
  @Test("a passage worked out by hand")
  func byHand() {
    let s = styleStatistics("The cat sat. It's grey!")
    expectClose(
      s.meanWordLength, 3.2, tolerance: 1e-12, "meanWordLength",
      hint: "Count letters only: It's has 3.")
    expectClose(
      s.meanSentenceLength, 2.5, tolerance: 1e-12, "meanSentenceLength",
      hint: "5 words in 2 sentences, ended by \".\" and \"!\".")
    expectClose(
      s.capitalRate, 2.0 / 16, tolerance: 1e-12, "capitalRate",
      hint: "Capital letters per letter: T and I of 16 letters.")
    expectClose(
      s.typeTokenRatio, 1, tolerance: 1e-12, "typeTokenRatio", hint: "5 distinct words of 5.")
    let marks = StyleStatistics.marks
    guard
      expectCount(
        s.punctuationPer100.count, marks.count, "punctuationPer100",
        hint: "One number per mark of StyleStatistics.marks.")
    else { return }
    for (m, c) in marks.enumerated() {
      let want = [".", "!", "'"].contains(String(c)) ? 100.0 / 23 : 0
      expectClose(
        s.punctuationPer100[m], want, tolerance: 1e-12, "\"\(c)\" per 100 characters",
        hint: "How often the mark occurs, times 100, divided by passage.count (23).")
    }
  }

  @Test("repeated words, a sentence without an end, and no words at all")
  func edges() {
    let s = styleStatistics("the The THE end. and then")
    expectClose(
      s.typeTokenRatio, 4.0 / 6, tolerance: 1e-12,
      "typeTokenRatio of \"the The THE end. and then\"",
      hint: "Compare words in lower case: the, end, and, then are 4 distinct of 6 words.")
    expectClose(
      s.meanSentenceLength, 3, tolerance: 1e-12,
      "meanSentenceLength of \"the The THE end. and then\"",
      hint: "Words after the last \".\" make one more sentence: 4 words, then 2.")
    let empty = styleStatistics("...!")
    expectThat(
      empty.meanWordLength == 0 && empty.meanSentenceLength == 0 && empty.typeTokenRatio == 0
        && empty.capitalRate == 0,
      "styleStatistics(\"...!\") has no words or letters: expected 0 for every ratio, got \(empty)."
    )
  }

  @Test("equals the reference on passages of every built-in author")
  func onAuthors() {
    for author in BuiltInAuthor.allCases {
      let text = author.text(characters: 400, seed: 9)
      let got = styleStatistics(text).vector
      let want = Reference.styleStatistics(text).vector
      expectMatch(
        firstMismatch("\(author)", actual: got, expected: want, tolerance: 1e-12),
        "styleStatistics of 400 characters by the \(author) author", tolerance: 1e-12,
        hint: "The vector's order: " + StyleStatistics.names.joined(separator: ", ") + ".")
    }
  }
}
