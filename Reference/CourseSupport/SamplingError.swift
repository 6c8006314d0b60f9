/// Why sampling cannot go ahead: a clear error instead of a NaN or a crash.
public enum SamplingError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Temperatures must be finite and greater than 0: softmax divides the scores by T. (For
  /// greedy decoding, the limit T → 0, use argmax.)
  case invalidTemperature(Double)
  /// Generation needs at least one seed character to start from.
  case emptySeed

  /// The problem and how to fix it, in one line.
  public var description: String {
    switch self {
    case .invalidTemperature(let t):
      "temperature must be a finite number above 0, got \(t) (for greedy decoding use argmax)"
    case .emptySeed: "the seed text is empty: give at least one character to start from"
    }
  }
}
