import CourseSupport
import Foundation

/// Does a trained model work from a fresh (zero) state, or only from the states it trained in?
///
/// Validation, sampling and the author classifiers all start a model from zero, but min-char-rnn's
/// protocol carries the state from window to window, so a model may never have learned what to do
/// from there (ex03's lesson). This scores segments of a text at evenly spaced offsets twice:
/// from a zero state, and from the state training carries into its next window. A healthy model
/// scores the two about the same (the first characters aside); a model that works only from its
/// training states falls into a regime it never leaves, and scores several nats per character
/// worse from zero.
public struct FreshStateCheck: Codable, Equatable, Sendable {
  /// Where each segment starts in the text.
  public var offsets: [Int]
  /// Characters per segment.
  public var length: Int
  /// Loss per character on each segment read from a zero state.
  public var fresh: [Double]
  /// Loss per character on each segment read from the state training carried.
  public var carried: [Double]
  /// ln V, a uniform guess's loss per character, when known: a model not yet a nat better
  /// has not learned enough to be judged.
  public var uniform: Double?

  /// What the check concluded.
  public enum Verdict: String, Codable, Sendable {
    /// No stretch scores more than `tolerance` worse from zero.
    case works
    /// Some stretch does: the model works only from the states it trained in.
    case fails
    /// From the carried state it is not yet a nat better than a uniform guess: early in training
    /// every model is poor from zero (measured: 7.4 against 3.5 after 200 iterations of
    /// Shakespeare with 5% of windows reset, 3.17 against 3.16 after 400), so it is not judged.
    case untrained
    /// Nothing to read (a text shorter than one window), or a loss that is not finite.
    case unchecked
  }

  /// How much worse (nats per character) a segment may score from zero than from the carried
  /// state. Measured (`rnn fresh-state`, H 100, 1,000 iterations, seeds 1–100 on tiny
  /// Shakespeare, Doyle and the play): with 5% of windows reset, 299 of 300 runs stayed within
  /// 0.31 (one, 0.55); with min-char-rnn's protocol a fifth of the runs were 0.6 to 20 worse.
  public static let tolerance = 0.5

  /// Ten stretches of 500 characters: 5,000 characters read twice, a few hundredths of a second
  /// on the fast path.
  public static let defaultSegments = 10
  /// Characters per stretch (see `defaultSegments`).
  public static let defaultLength = 500

  /// Scores `segments` segments of `length` characters of `text`, evenly spaced from its start
  /// (fewer and shorter when the text is short, none when it is shorter than a window and the
  /// character after it), with `score(segment, fromCarried)`: the loss per character read in
  /// windows of `sequenceLength`.
  public init(
    _ text: [Int], sequenceLength: Int, segments: Int = defaultSegments,
    length: Int = defaultLength, uniform: Double? = nil,
    score: (_ segment: [Int], _ fromCarried: Bool) -> Double
  ) {
    self.uniform = uniform
    // A short text gets fewer segments, each at least one window long.
    let count = min(segments, text.count / (sequenceLength + 1))
    let n = count > 0 ? min(length, text.count / count) : 0
    self.length = n
    offsets = (0..<count).map { $0 * (text.count / count) }
    let pieces = offsets.map { Array(text[$0..<($0 + n)]) }
    fresh = pieces.map { score($0, false) }
    carried = pieces.map { score($0, true) }
  }

  /// fresh − carried, per segment.
  public var gaps: [Double] { zip(fresh, carried).map { $0 - $1 } }

  /// The segment that scores worst from zero, against the carried state; nil with no segments.
  public var worst: Int? {
    let g = gaps
    // A NaN gap (a diverged model) counts as the worst, so the verdict is `unchecked`, never
    // `works`: the run's diagnosis says it diverged.
    return g.indices.max { a, b in !(g[a].isNaN) && (g[b].isNaN || g[a] < g[b]) }
  }

  /// What the check concludes: `unchecked` without a finite gap, `untrained` while the carried loss
  /// is not a nat better than `uniform`, else `works` or `fails` by `tolerance`.
  public var verdict: Verdict {
    guard let w = worst, gaps[w].isFinite else { return .unchecked }
    if let uniform, meanCarried > uniform - 1 { return .untrained }
    return gaps[w] <= Self.tolerance ? .works : .fails
  }

  /// False only when the model works only from the states it trained in (a diverged model is
  /// `unchecked`, not a failure here: its diagnosis reports it).
  public var passed: Bool { verdict != .fails }

  /// The mean loss per character from the carried state.
  public var meanCarried: Double { carried.reduce(0, +) / Double(max(carried.count, 1)) }

  /// What was measured, in words: "10.032 nats/char from a zero state against 2.675 from the
  /// state training carried, on the 500 characters at offset 4000".
  public var measured: String {
    guard let w = worst else { return "nothing measured" }
    return String(
      format:
        "%.3f nats/char from a zero state against %.3f from the state training carried, on the %d characters at offset %d",
      fresh[w], carried[w], length, offsets[w])
  }

  /// One phrase, to follow "the model": what the check found.
  public var finding: String {
    switch verdict {
    case .works: "works from a fresh state (the worst of \(offsets.count) places: \(measured))"
    case .fails: "works only from the states it trained in: \(measured)"
    case .untrained:
      String(
        format:
          "is not judged from a fresh state yet: from the state training carried it scores %.3f nats/char, not yet a nat better than a uniform guess (%.3f)",
        meanCarried, uniform ?? .nan)
    case .unchecked:
      worst == nil
        ? "was not checked from a fresh state: the text is shorter than one window"
        : "was not checked from a fresh state: its loss is not finite"
    }
  }
}
