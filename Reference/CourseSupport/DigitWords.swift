/// ex12's toy translation: English digit words to digits, "four two one" → "421".
///
/// Read as a translation it has the property that makes Sutskever et al.'s reversed source
/// help: the alignment is monotone, word k of the source becomes token k of the target, as most
/// words of an English sentence have their French counterparts in the same order. Its lengths
/// run from one word to `maxLength`, so a fixed-size state must hold more and more of it; a
/// learner can read every example and every attention map.
public struct DigitWords: Sendable, Equatable {
  /// The source's words, token i being `words[i]`.
  public static let words = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
  ]
  /// The target's tokens: the ten digits, then the end token, which the decoder also reads as
  /// its first input (a start token; one index serves both, as in many translation systems).
  public static let targetSymbols = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "⏎"]
  /// The end (and start) token's index.
  public static let end = 10
  /// V_source, the source's vocabulary.
  public static let sourceVocabularySize = 10
  /// V_target, the target's vocabulary with the end token.
  public static let targetVocabularySize = 11

  /// The longest source drawn.
  public let maxLength: Int

  /// Sources from 1 to `maxLength` words.
  public init(maxLength: Int) { self.maxLength = maxLength }

  /// One example of `length` words: the digits drawn uniformly; the target is the digits, then
  /// the end token.
  public func example(length: Int, using rng: inout SeededGenerator) -> Seq2SeqExample {
    let digits = (0..<length).map { _ in rng.nextIndex(below: 10) }
    return Seq2SeqExample(source: digits, target: digits + [Self.end])
  }

  /// A training example: its length uniform in 1…maxLength.
  public func randomExample(using rng: inout SeededGenerator) -> Seq2SeqExample {
    example(length: 1 + rng.nextIndex(below: maxLength), using: &rng)
  }

  /// `count` examples of every length 1…maxLength, from their own seed: the held-out set.
  public func testSet(perLength count: Int, seed: UInt64) -> [Seq2SeqExample] {
    var rng = SeededGenerator(seed: seed)
    return (1...maxLength).flatMap { n in (0..<count).map { _ in example(length: n, using: &rng) } }
  }

  /// "four two one".
  public static func sourceText(_ tokens: [Int]) -> String {
    tokens.map { words[$0] }.joined(separator: " ")
  }

  /// "421⏎".
  public static func targetText(_ tokens: [Int]) -> String {
    tokens.map { targetSymbols[$0] }.joined()
  }
}

/// A source sentence and its translation, as token indices; the target ends with the end token.
public struct Seq2SeqExample: Sendable, Equatable {
  /// The source's tokens, in reading order.
  public var source: [Int]
  /// The target's tokens, the end token last.
  public var target: [Int]

  /// An example from its two token lists.
  public init(source: [Int], target: [Int]) {
    self.source = source
    self.target = target
  }
}
