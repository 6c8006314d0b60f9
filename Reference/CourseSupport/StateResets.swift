/// Which training windows start from a zero state, besides min-char-rnn's one reset when the text
/// runs out.
///
/// min-char-rnn carries the hidden state from window to window, so after the first window a
/// model never again sees the zero state it will be started from when it is sampled or scored.
/// On real text that sometimes trains a model that works only from the states it trained in:
/// from zero it falls into a regime it never leaves (ex03's lesson, "A model that works only from
/// the state it trained in"). Starting some windows from zero shows the model the fresh state
/// while it learns.
public enum StateResets: Codable, Equatable, Sendable, CustomStringConvertible {
  /// min-char-rnn's protocol: the state is carried until the text runs out.
  case never
  /// Each window starts from zero with `probability`, decided by a hash of (seed, iteration,
  /// stream): a resumed run resets exactly where an uninterrupted one would.
  case random(probability: Double, seed: UInt64)
  /// A window starts from zero when the one before it held a blank line (two newlines in a
  /// row), so that fresh states meet the text where a paragraph begins.
  case paragraphs(newline: Int)

  /// Whether window `iteration` of stream `stream` starts from a zero state; `previous` is the
  /// window the stream read before it (empty at the start of the text).
  public func startsFresh<C: Collection<Int>>(
    iteration: Int, stream: Int = 0, after previous: C
  ) -> Bool {
    switch self {
    case .never: return false
    case .random(let probability, let seed):
      return probability > 0
        && Self.uniform(seed: seed, iteration: iteration, stream: stream) < probability
    case .paragraphs(let newline):
      var last = -1
      for index in previous {
        if index == newline && last == newline { return true }
        last = index
      }
      return false
    }
  }

  /// The rule as `--resets` writes it: "never", "0.05", "paragraphs".
  public var description: String {
    switch self {
    case .never: "never"
    case .random(let probability, _): "\(probability)"
    case .paragraphs: "paragraphs"
    }
  }

  /// A uniform number in [0, 1) from SplitMix64's finaliser over the three integers: the same
  /// on every platform, and needing no state to save.
  static func uniform(seed: UInt64, iteration: Int, stream: Int) -> Double {
    var z = seed &+ UInt64(truncatingIfNeeded: iteration) &* 0x9E37_79B9_7F4A_7C15
    z = z &+ UInt64(truncatingIfNeeded: stream) &* 0xD1B5_4A32_D192_ED03
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    z ^= z >> 31
    return Double(z >> 11) * 0x1p-53
  }
}
