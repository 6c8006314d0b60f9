/// ex06's built-in authors: three prose styles the course generates itself, deterministically,
/// from one shared stock of words. They differ in style, not in alphabet: every author uses every
/// letter and every punctuation mark, only in different measure, so a passage of 20 characters is
/// genuinely hard to attribute and one of 300 is easy.
///
/// - plain: short declarative sentences, plain words (after Hemingway);
/// - ornate: long sentences of clauses joined by commas and semicolons, with archaic forms
///   (after the Victorians and the King James Bible);
/// - dialogue: people talking, in quotation marks, with questions and exclamations.
public enum BuiltInAuthor: String, CaseIterable, Sendable, Codable {
  case plain, ornate, dialogue

  /// At least `characters` characters, whole paragraphs, the same for the same seed everywhere.
  public func text(characters: Int, seed: UInt64 = 1) -> String {
    generatedText(characters: characters, seed: seed) { rng, _ in
      switch self {
      case .plain: Prose.plainParagraph(&rng)
      case .ornate: Prose.ornateParagraph(&rng)
      case .dialogue: Prose.dialogueParagraph(&rng)
      }
    }
  }
}

/// The shared stock of words, and the three ways of putting them together.
private enum Prose {
  static let nouns = [
    "man", "woman", "river", "house", "night", "day", "light", "water", "road", "hand", "heart",
    "town", "window", "door", "fire", "rain", "wind", "sea", "boat", "bread", "wine", "letter",
    "garden", "morning", "evening", "field", "bridge", "church", "horse", "mother", "father",
    "friend", "table", "street", "voice", "face",
  ]
  static let names = ["John", "Mary", "Harris", "Nick", "Anna", "Brett", "Paul", "Jane"]
  static let adjectives = [
    "old", "cold", "warm", "good", "small", "long", "dark", "quiet", "tired", "empty", "young",
    "grey", "clean", "heavy", "still", "bright",
  ]
  static let verbs = [
    "walked", "looked", "came", "went", "sat", "stood", "waited", "turned", "opened", "closed",
    "drank", "ate", "slept", "watched", "listened", "laughed", "smiled", "left",
  ]
  static let places = ["to the", "across the", "along the", "into the", "by the", "near the"]
  static let archaic = [
    "thee", "thou", "doth", "hath", "upon", "whence", "wherefore", "ere", "yea", "verily",
  ]
  static let joiners = ["and", "but", "for", "yet", "whereupon", "so that", "and thus"]

  static func noun(_ rng: inout SeededGenerator) -> String { rng.pick(nouns) }
  static func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

  /// "He said, \"It is cold.\"" and the like: what plain and ornate prose borrow of speech.
  static func quoted(_ rng: inout SeededGenerator) -> String {
    "\(rng.pick(["He", "She"])) said, \"The \(noun(&rng)) is \(rng.pick(adjectives)).\""
  }

  // Plain: 3 to 6 sentences of 3 to 9 words; rarely a comma, a semicolon, a quotation or a
  // question.
  static func plainSentence(_ rng: inout SeededGenerator) -> String {
    if rng.chance(0.2) { return quoted(&rng) }
    let subject =
      rng.chance(0.15)
      ? rng.pick(names) : rng.chance(0.5) ? rng.pick(["He", "She", "It"]) : "The \(noun(&rng))"
    var words: [String]
    switch rng.int(0...3) {
    case 0: words = [subject, "was", rng.pick(adjectives)]
    case 1:
      words = [rng.pick(["It's", "It wasn't", "He didn't say it was"]), rng.pick(adjectives)]
    case 2: words = [subject, rng.pick(verbs), rng.pick(places), noun(&rng)]
    default: words = [subject, rng.pick(verbs), "and", rng.pick(verbs)]
    }
    if rng.chance(0.06) {
      words[words.count - 1] += ";"
      words += ["it", "was", rng.pick(adjectives)]
    }
    if rng.chance(0.08) {
      words[words.count - 1] += ","
      words += ["then", "it", "was", rng.pick(["night", "day", "morning"])]
    }
    if rng.chance(0.03) {
      words[words.count - 1] += ":"
      words += ["the", noun(&rng)]
    }
    let end = rng.chance(0.03) ? "?" : rng.chance(0.02) ? "!" : "."
    return words.joined(separator: " ") + end
  }

  static func plainParagraph(_ rng: inout SeededGenerator) -> String {
    (0..<rng.int(3...6)).map { _ in plainSentence(&rng) }.joined(separator: " ") + "\n\n"
  }

  // Ornate: 1 to 3 sentences of 3 to 6 clauses, joined by commas and semicolons; archaic words;
  // rarely a quotation, a question or an exclamation.
  static func clause(_ rng: inout SeededGenerator) -> String {
    let adjective = rng.pick(adjectives)
    if rng.chance(0.4) {
      return "the \(adjective) \(noun(&rng)) \(rng.pick(verbs)) \(rng.pick(places)) \(noun(&rng))"
    }
    switch rng.int(0...5) {
    case 0:
      return
        "the \(adjective) \(noun(&rng)) \(rng.pick(["doth", "hath", "did"])) \(rng.pick(["wait", "rest", "turn", "stand"])) \(rng.pick(places)) \(noun(&rng))"
    case 1:
      return
        "\(rng.pick(["whence", "wherefore", "for"])) \(rng.pick(["thou", "he", "she"])) \(rng.pick(verbs)) \(rng.pick(["upon", "across", "along"])) the \(adjective) \(noun(&rng))"
    case 2:
      return
        "\(rng.pick(["yea", "verily", "and lo"])), the \(noun(&rng)) of the \(noun(&rng)) was \(adjective) and \(rng.pick(adjectives))"
    case 3:
      return
        "\(rng.pick(["ere", "when", "while"])) the \(noun(&rng)) \(rng.pick(verbs)) \(rng.pick(places)) \(noun(&rng))"
    case 4:
      return "'tis the \(adjective) \(noun(&rng)) o'er the \(noun(&rng)) of \(rng.pick(names))"
    default:
      return
        "\(rng.pick(["I", "we"])) \(rng.pick(["beheld", "remembered", "knew"])) thee, \(rng.pick(archaic)), in the \(adjective) \(noun(&rng))"
    }
  }

  static func ornateSentence(_ rng: inout SeededGenerator) -> String {
    if rng.chance(0.2) { return quoted(&rng) }
    if rng.chance(0.4) { return plainSentence(&rng) }
    var text = capitalized(clause(&rng))
    for _ in 0..<rng.int(1...4) {
      text += rng.chance(0.4) ? "; " : ", \(rng.pick(joiners)) "
      text += clause(&rng)
    }
    if rng.chance(0.1) { text += ": \(rng.pick(["so it was", "thus it ended", "and no more"]))" }
    let end = rng.chance(0.05) ? "!" : rng.chance(0.05) ? "?" : "."
    return text + end
  }

  static func ornateParagraph(_ rng: inout SeededGenerator) -> String {
    (0..<rng.int(2...4)).map { _ in ornateSentence(&rng) }.joined(separator: " ") + "\n\n"
  }

  // Dialogue: an exchange of 2 to 5 lines in quotation marks with said-tags, questions and
  // exclamations; rarely a semicolon or a long line.
  static func utterance(_ rng: inout SeededGenerator) -> String {
    if rng.chance(0.45) { return "The \(noun(&rng)) was \(rng.pick(adjectives))." }
    switch rng.int(0...5) {
    case 0: return "Is the \(noun(&rng)) \(rng.pick(adjectives))?"
    case 1: return "Come \(rng.pick(["here", "now", "in", "on"]))!"
    case 2: return "I \(rng.pick(["know", "think so", "don't know", "want it"]))."
    case 3: return "\(rng.pick(["Yes", "No", "Oh", "Well"])), the \(noun(&rng)) \(rng.pick(verbs))."
    case 4: return "Where is \(rng.pick(names))?"
    default:
      return "It's \(rng.pick(adjectives)); it's \(rng.pick(["fine", "good", "late", "over"]))!"
    }
  }

  static func dialogueLine(_ rng: inout SeededGenerator) -> String {
    let speaker = rng.chance(0.5) ? rng.pick(names) : rng.pick(["he", "she"])
    let tag = "\(speaker) \(rng.pick(["said", "asked", "called", "whispered"]))"
    var said = utterance(&rng)
    var line: String
    if rng.chance(0.5) {
      // "I know," he said. A statement's full stop becomes a comma before the tag.
      if said.hasSuffix(".") { said = String(said.dropLast()) + "," }
      line = "\"\(said)\" \(tag)."
    } else {
      line = capitalized(tag) + rng.pick([", ", ": "]) + "\"\(said)\""
    }
    if rng.chance(0.06) {
      line +=
        " \(capitalized(speaker)) \(rng.pick(verbs)) \(rng.pick(places)) \(noun(&rng)), and the \(noun(&rng)) was \(rng.pick(adjectives))."
    }
    return line
  }

  static func dialogueParagraph(_ rng: inout SeededGenerator) -> String {
    (0..<rng.int(2...5)).map { _ in
      rng.chance(0.4) ? plainSentence(&rng) : dialogueLine(&rng)
    }.joined(separator: rng.chance(0.6) ? " " : "\n") + "\n\n"
  }
}
