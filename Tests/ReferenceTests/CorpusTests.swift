import CourseSupport
import Testing

@Suite("the built-in corpora") struct CorpusTests {
  @Test(
    "each is deterministic, and its own text scores (nearly) 1 on its structure metric",
    arguments: BuiltInCorpus.allCases)
  func ownTextScoresHigh(_ corpus: BuiltInCorpus) {
    let text = corpus.text(characters: 20_000, seed: 3)
    #expect(text == corpus.text(characters: 20_000, seed: 3))
    #expect(text != corpus.text(characters: 20_000, seed: 4))
    #expect(text.unicodeScalars.count >= 20_000)
    let samples = stride(from: 0, to: 18_000, by: 2_000).map { start -> String in
      corpus == .code
        ? String(text.split(separator: "\n\n").prefix(start / 2000 + 1).last!)
        : String(Array(text)[start..<(start + 2_000)])
    }
    let score = corpus.structureScore(samples)
    #expect(score > 0.9, "\(corpus): \(score)")
  }

  @Test("noise scores (nearly) 0", arguments: BuiltInCorpus.allCases)
  func noiseScoresLow(_ corpus: BuiltInCorpus) {
    var rng = SeededGenerator(seed: 1)
    let alphabet = Array(Set(corpus.text(characters: 5_000)))
    let samples = (0..<10).map { _ in
      String((0..<300).map { _ in alphabet[Int(rng.nextUniform() * Double(alphabet.count))] })
    }
    let score = corpus.structureScore(samples)
    #expect(score < 0.1, "\(corpus): \(score)")
  }

  @Test("the metrics tell the formats apart")
  func formats() {
    #expect(BuiltInCorpus.isPlayLine("KING HENRY:"))
    #expect(BuiltInCorpus.isPlayLine("Soul that heaven sword that thee hand;"))
    #expect(BuiltInCorpus.isPlayLine("ACT IV. SCENE III. A street."))
    #expect(!BuiltInCorpus.isPlayLine("King henry:"))
    #expect(!BuiltInCorpus.isPlayLine("Soul that heavEn;"))
    #expect(BuiltInCorpus.isWellFormedCode("static int f(int a) {\n  if (a) {\n    a = 1;\n  }\n"))
    #expect(!BuiltInCorpus.isWellFormedCode("f(a)) {"))
    #expect(!BuiltInCorpus.isWellFormedCode("{ ( } )"))
    #expect(BuiltInCorpus.isCodeLine("    while (state > 4) {"))
    #expect(BuiltInCorpus.isCodeLine("  }"))
    #expect(!BuiltInCorpus.isCodeLine("  len = len(size_t flags - 7;"))
    #expect(!BuiltInCorpus.isCodeLine("  return state == r"))
    #expect(BuiltInCorpus.links(in: "see [[Glasgow]] and [[River Thames|the river]].") == (2, 2))
    #expect(BuiltInCorpus.links(in: "see [Glasgow]] and [[ ]]]") == (0, 4))
  }
}
