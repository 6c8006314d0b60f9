/// The characters of a text and their indices: min-char-rnn's `char_to_ix` and `ix_to_char`.
///
/// A "character" is a Unicode scalar, so any UTF-8 text encodes and decodes losslessly. The
/// order is by scalar value, which is stable across platforms and runs. Indices are looked up by
/// scalar value, not by `Character` equality, which is canonical equivalence: Å as U+212B (the
/// ångström sign) and as U+00C5 are equal Characters but two scalars, two indices.
public struct Vocabulary: Equatable, Sendable, Codable {
  /// The characters in index order: `characters[i]` is min-char-rnn's `ix_to_char[i]`.
  public let characters: [Character]
  private let index: [UInt32: Int]

  /// The distinct Unicode scalars of `text`, sorted by scalar value.
  public init(text: String) {
    let scalars = Set(text.unicodeScalars).sorted { $0.value < $1.value }
    self.init(characters: scalars.map { Character($0) })
  }

  /// These characters, in this order; each character's index is its position.
  public init(characters: [Character]) {
    self.characters = characters
    var index: [UInt32: Int] = [:]
    for (i, c) in characters.enumerated() {
      if let scalar = Self.scalar(c) { index[scalar.value] = i }
    }
    self.index = index
  }

  /// V, the number of characters.
  public var count: Int { characters.count }

  /// The index of `c`, min-char-rnn's `char_to_ix[c]`; nil when `c` is not in the vocabulary.
  public func index(of c: Character) -> Int? { Self.scalar(c).flatMap { index[$0.value] } }

  /// The one scalar a vocabulary's character is made of; nil for a character of several.
  private static func scalar(_ c: Character) -> Unicode.Scalar? {
    c.unicodeScalars.count == 1 ? c.unicodeScalars.first : nil
  }

  /// The indices of `text`'s characters; nil if one of them is not in the vocabulary.
  public func encode(_ text: String) -> [Int]? {
    var out: [Int] = []
    out.reserveCapacity(text.unicodeScalars.count)
    for scalar in text.unicodeScalars {
      guard let i = index[scalar.value] else { return nil }
      out.append(i)
    }
    return out
  }

  /// The text the indices stand for; every index must be in 0 ..< `count`.
  public func decode(_ indices: [Int]) -> String {
    String(indices.map { characters[$0] })
  }

  private enum CodingKeys: String, CodingKey { case characters }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let strings = try c.decode([String].self, forKey: .characters)
    // A vocabulary is built from Unicode scalars, each once; anything else is a corrupt file
    // (and Character("") would trap).
    if let bad = strings.first(where: { $0.unicodeScalars.count != 1 }) {
      throw DecodingError.dataCorruptedError(
        forKey: .characters, in: c,
        debugDescription: "the vocabulary holds \"\(bad)\": each entry must be one character")
    }
    if Set(strings.compactMap { $0.unicodeScalars.first?.value }).count != strings.count {
      throw DecodingError.dataCorruptedError(
        forKey: .characters, in: c, debugDescription: "the vocabulary holds a character twice")
    }
    self.init(characters: strings.map { Character($0) })
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(characters.map { String($0) }, forKey: .characters)
  }
}
