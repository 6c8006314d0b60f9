/// ex07's long-dependency task: the character to predict was read `distance` steps before, and
/// nothing in between gives it away. Each example is
///
///     ! k x x … x ? k ⏎
///
/// with the key k and the `distance − 1` fillers x all drawn from "abcd": the mark "!" says which
/// character is the key, and reading "?", `distance` steps after the key, a model must name it.
/// Since the fillers are the same letters, a model cannot simply ignore them: it must decide
/// what to keep by the mark. Keys are uniform, so a model that has forgotten the key is right a
/// quarter of the time.
public struct RecallTask: Sendable, Equatable {
  /// The keys and fillers: "a", "b", "c" and "d".
  public static let letters: [Character] = ["a", "b", "c", "d"]
  /// Newline, "!", "?", the letters (sorted by scalar value, as `Vocabulary(text:)` sorts).
  public static let vocabulary = Vocabulary(characters: ["\n", "!", "?"] + letters)
  /// What guessing scores.
  public static let chance = 1.0 / Double(letters.count)

  /// Steps from reading the key to reading "?"; at least 1.
  public let distance: Int

  /// The task at `distance` steps; it must be at least 1.
  public init(distance: Int) {
    require(distance >= 1, "RecallTask: the distance must be at least 1, got \(distance)")
    self.distance = distance
  }

  /// The characters of one example: the mark, the key, the fillers, "?", the key, a newline.
  public var exampleLength: Int { distance + 4 }
  /// Where "?" is in an example; the answer follows it.
  public var questionIndex: Int { distance + 1 }

  /// `count` examples as character indices, the same for the same seed on every platform.
  /// With `upTo`, each example's distance is drawn uniformly from 1 … `distance` instead: the
  /// short ones show a model what to keep, the long ones how long.
  public func examples(count: Int, seed: UInt64, upTo: Bool = false) -> [[Int]] {
    var rng = SeededGenerator(seed: seed)
    let v = Self.vocabulary
    let (mark, question, newline) = (v.index(of: "!")!, v.index(of: "?")!, v.index(of: "\n")!)
    return (0..<count).map { _ in
      let d = upTo ? rng.int(1...distance) : distance
      let key = v.index(of: rng.pick(Self.letters))!
      let fillers = (1..<d).map { _ in v.index(of: rng.pick(Self.letters))! }
      return [mark, key] + fillers + [question, key, newline]
    }
  }
}
