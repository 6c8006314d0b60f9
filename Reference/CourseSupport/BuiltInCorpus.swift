/// Text the course generates itself, deterministically, with the structure of Karpathy's three
/// demos at small scale: a play (speakers in capitals, a colon, verse lines, scene headings),
/// C-like code (functions, nested braces, indentation, comments), and a wiki (headings, prose
/// with [[links]] and dates). The project ships no third-party text; these work offline.
public enum BuiltInCorpus: String, CaseIterable, Sendable, Codable {
  case play, code, wiki

  /// At least `characters` characters (it stops at the end of a unit: a speech, a function, a
  /// paragraph), the same for the same seed on every platform.
  public func text(characters: Int, seed: UInt64 = 1) -> String {
    generatedText(characters: characters, seed: seed) { rng, first in
      switch self {
      case .play: Play.unit(&rng, first: first)
      case .code: Code.unit(&rng)
      case .wiki: Wiki.unit(&rng, first: first)
      }
    }
  }
}

/// Units from `unit` (told whether it is the first) until there are at least `characters`
/// characters: the one loop every built-in text is written by.
func generatedText(
  characters: Int, seed: UInt64, unit: (inout SeededGenerator, _ first: Bool) -> String
) -> String {
  var rng = SeededGenerator(seed: seed)
  var out = ""
  var count = 0  // out.unicodeScalars.count, kept rather than recounted (that is O(n) each)
  while count < characters {
    let next = unit(&rng, out.isEmpty)
    out += next
    count += next.unicodeScalars.count
  }
  return out
}

extension SeededGenerator {
  /// A uniformly chosen element.
  mutating func pick<T>(_ items: [T]) -> T { items[nextIndex(below: items.count)] }
  /// A whole number in `range`.
  mutating func int(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + nextIndex(below: range.count)
  }
  mutating func chance(_ p: Double) -> Bool { nextUniform() < p }
}

private enum Play {
  static let speakers = [
    "KING HENRY", "QUEEN MARGARET", "GLOUCESTER", "FIRST CITIZEN", "LADY ANNE", "BRUTUS",
    "CORIOLANUS", "MENENIUS", "SECOND SERVANT", "OPHELIA", "DUKE VINCENTIO", "ROMEO",
  ]
  static let words = [
    "the", "my", "thy", "lord", "heart", "night", "death", "love", "sweet", "crown", "blood",
    "honour", "gentle", "shall", "hath", "doth", "thee", "noble", "grace", "speak", "fair",
    "world", "soul", "heaven", "king", "sword", "tears", "light", "woe", "hand", "eyes", "me",
    "and", "of", "to", "in", "not", "with", "be", "is", "what", "that", "this", "upon", "most",
  ]
  static let places = [
    "A room in the castle", "The field of battle", "A street", "The palace", "A garden",
  ]
  static let numerals = ["I", "II", "III", "IV", "V"]

  static func unit(_ rng: inout SeededGenerator, first: Bool) -> String {
    var text = ""
    if first || rng.chance(0.08) {
      text += "ACT \(rng.pick(numerals)). SCENE \(rng.pick(numerals)). \(rng.pick(places)).\n\n"
    }
    text += rng.pick(speakers) + ":\n"
    for _ in 0..<rng.int(1...4) { text += line(&rng) + "\n" }
    return text + "\n"
  }

  static func line(_ rng: inout SeededGenerator) -> String {
    var words = (0..<rng.int(5...9)).map { _ in rng.pick(Self.words) }
    words[0] = words[0].prefix(1).uppercased() + words[0].dropFirst()
    return words.joined(separator: " ") + rng.pick([",", ".", ";", "!", "?", ","])
  }
}

private enum Code {
  static let names = [
    "buffer", "count", "node", "value", "index", "flags", "len", "ptr", "state", "result",
  ]
  static let types = ["int", "char *", "size_t", "long", "struct node *"]
  static let functions = ["update", "parse", "alloc", "free", "scan", "flush", "reset", "copy"]

  static func unit(_ rng: inout SeededGenerator) -> String {
    var text = ""
    if rng.chance(0.4) { text += "/* \(rng.pick(functions)) the \(rng.pick(names)) */\n" }
    let arguments = (0..<rng.int(1...3)).map { _ in "\(rng.pick(types)) \(rng.pick(names))" }
    text +=
      "static \(rng.pick(types)) \(rng.pick(functions))_\(rng.pick(names))(\(arguments.joined(separator: ", "))) {\n"
    text += block(&rng, depth: 1)
    return text + "}\n\n"
  }

  static func block(_ rng: inout SeededGenerator, depth: Int) -> String {
    let indent = String(repeating: "  ", count: depth)
    var text = ""
    for _ in 0..<rng.int(1...3) {
      if depth < 3 && rng.chance(0.45) {
        let condition = "\(rng.pick(names)) \(rng.pick(["<", ">", "==", "!="])) \(rng.int(0...9))"
        text += "\(indent)\(rng.pick(["if", "while"])) (\(condition)) {\n"
        text += block(&rng, depth: depth + 1)
        text += "\(indent)}\n"
      } else if rng.chance(0.2) {
        text += "\(indent)// \(rng.pick(names)) may be \(rng.pick(["NULL", "zero", "stale"]))\n"
      } else {
        text +=
          "\(indent)\(rng.pick(names)) = \(rng.pick(names)) \(rng.pick(["+", "-", "*"])) \(rng.int(1...9));\n"
      }
    }
    if rng.chance(0.3) { text += "\(indent)return \(rng.pick(names));\n" }
    return text
  }
}

private enum Wiki {
  static let topics = [
    "River Thames", "Ada Lovelace", "Steam engine", "Printing press", "Arctic Ocean",
    "Royal Society", "Telegraph", "Halley's Comet", "Glasgow", "Analytical Engine",
  ]
  static let words = [
    "the", "was", "first", "city", "known", "century", "built", "during", "after", "later",
    "its", "early", "work", "public", "north", "new", "engine", "river", "society", "history",
    "of", "in", "and", "by", "a", "to", "from", "with", "is", "as",
  ]
  static let months = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]

  static func unit(_ rng: inout SeededGenerator, first: Bool) -> String {
    var text = ""
    if first || rng.chance(0.3) { text += "== \(rng.pick(topics)) ==\n\n" }
    text += (0..<rng.int(2...4)).map { _ in sentence(&rng) }.joined(separator: " ")
    return text + "\n\n"
  }

  static func sentence(_ rng: inout SeededGenerator) -> String {
    var parts: [String] = []
    for i in 0..<rng.int(6...12) {
      if rng.chance(0.12) {
        let topic = rng.pick(topics)
        parts.append(rng.chance(0.3) ? "[[\(topic)|\(rng.pick(words))]]" : "[[\(topic)]]")
      } else if rng.chance(0.06) {
        parts.append("\(rng.int(1...28)) \(rng.pick(months)) \(rng.int(1600...1950))")
      } else {
        let word = rng.pick(words)
        parts.append(i == 0 ? word.prefix(1).uppercased() + word.dropFirst() : word)
      }
    }
    return parts.joined(separator: " ") + "."
  }
}
