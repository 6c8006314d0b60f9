import CourseSupport
import CourseTesting
import Ex03
import Foundation
import Testing

/// Task `corpus`: reading any UTF-8 text into a corpus.
@Suite("corpus") struct CorpusLoading {
  @Test("encodes losslessly with a sorted vocabulary and keeps the last tenth for validation")
  func loadsAndSplits() throws {
    let text = String(repeating: "Ça va, Zoë? — 日本\n", count: 12)  // 204 scalars
    let corpus = try loadCorpus(at: Ex03Fixtures.temporaryFile(text), sequenceLength: 10)
    let scalars = corpus.vocabulary.characters.map { $0.unicodeScalars.first!.value }
    expectThat(
      scalars == scalars.sorted() && Set(scalars).count == scalars.count,
      "the vocabulary must list each character once, sorted by Unicode scalar value: got \(corpus.vocabulary.characters)"
    )
    expectThat(
      corpus.vocabulary.count == Set(text.unicodeScalars).count,
      "vocabulary: expected \(Set(text.unicodeScalars).count) characters (Unicode scalars), got \(corpus.vocabulary.count)"
    )
    expectCount(
      corpus.validation.count, 204 / 10, "validation part of 204 characters",
      hint: "The last count / 10 indices, rounded down.")
    expectCount(
      corpus.training.count, 204 - 204 / 10, "training part of 204 characters",
      hint: "Everything before the validation part.")
    expectThat(
      corpus.vocabulary.decode(corpus.training + corpus.validation) == text,
      "decoding training + validation must give back the exact text.")
  }

  @Test(
    "bad input is a clear error, not a crash",
    arguments: [
      ("missing", CorpusError.missingFile(path: "/nonexistent/ex03.txt")),
      ("empty", CorpusError.emptyFile(path: "")),
      ("not UTF-8", CorpusError.notUTF8(path: "")),
      ("too short", CorpusError.tooShort(path: "", characters: 50, needed: 110)),
      ("one character", CorpusError.singleCharacter(path: "")),
    ])
  func errors(_ kind: String, _ expected: CorpusError) {
    let path: String
    switch kind {
    case "missing": path = "/nonexistent/ex03.txt"
    case "empty": path = Ex03Fixtures.temporaryFile([])
    case "not UTF-8":
      path = Ex03Fixtures.temporaryFile(
        [0x61, 0x62, 0xFF, 0xFE] + Array(repeating: 0x61, count: 200))
    case "too short": path = Ex03Fixtures.temporaryFile(String(repeating: "ab", count: 25))
    default: path = Ex03Fixtures.temporaryFile(String(repeating: "a", count: 300))
    }
    let want: CorpusError
    switch expected {
    case .missingFile: want = .missingFile(path: path)
    case .emptyFile: want = .emptyFile(path: path)
    case .notUTF8: want = .notUTF8(path: path)
    case .tooShort(_, let n, let needed):
      want = .tooShort(path: path, characters: n, needed: needed)
    case .singleCharacter: want = .singleCharacter(path: path)
    }
    do {
      let corpus = try loadCorpus(at: path, sequenceLength: 10)
      Issue.record(
        "loadCorpus on a \(kind) file returned a corpus of \(corpus.training.count) characters; expected the error \(want)"
      )
    } catch {
      expectThat(error == want, "loadCorpus on a \(kind) file: expected \(want), got \(error)")
    }
  }
}
