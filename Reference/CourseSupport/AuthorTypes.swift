/// A trained character model as ex06's classifiers see it: what it expects next, and what it
/// holds in its hidden state, after each character of a text it reads from its start state.
public struct CharacterScorer: Sendable {
  /// Whose text it was trained on.
  public let name: String
  /// `logProbabilities(text)[t]` holds ln p(c | text[0…t]) for every character c: after reading
  /// text[t], how likely each character is to come next.
  public let logProbabilities: @Sendable ([Int]) -> [Vector]
  /// `hiddenStates(text)[t]`: the hidden state (the top layer's h) after reading text[t].
  public let hiddenStates: @Sendable ([Int]) -> [Vector]

  /// A scorer named `name` computed by these two functions.
  public init(
    name: String, logProbabilities: @escaping @Sendable ([Int]) -> [Vector],
    hiddenStates: @escaping @Sendable ([Int]) -> [Vector]
  ) {
    self.name = name
    self.logProbabilities = logProbabilities
    self.hiddenStates = hiddenStates
  }
}

/// ex06's style statistics of one passage.
public struct StyleStatistics: Equatable, Sendable, Codable {
  /// Letters per word; a word is a run of letters and apostrophes.
  public var meanWordLength: Double
  /// Words per sentence; a sentence ends at ".", "!" or "?" (a last one without an end counts).
  public var meanSentenceLength: Double
  /// For each mark of `marks`, how many per 100 characters.
  public var punctuationPer100: [Double]
  /// Capital letters per letter.
  public var capitalRate: Double
  /// Distinct words (compared in lower case) per word.
  public var typeTokenRatio: Double

  /// The statistics, field by field.
  public init(
    meanWordLength: Double, meanSentenceLength: Double, punctuationPer100: [Double],
    capitalRate: Double, typeTokenRatio: Double
  ) {
    self.meanWordLength = meanWordLength
    self.meanSentenceLength = meanSentenceLength
    self.punctuationPer100 = punctuationPer100
    self.capitalRate = capitalRate
    self.typeTokenRatio = typeTokenRatio
  }

  /// The marks counted, in the order of `punctuationPer100`.
  public static let marks: [Character] = [".", ",", ";", ":", "!", "?", "\"", "'", "-"]

  /// Every statistic as one vector, in the order of `names`.
  public var vector: Vector {
    Vector(
      [meanWordLength, meanSentenceLength] + punctuationPer100 + [capitalRate, typeTokenRatio])
  }

  /// The name of each entry of `vector`, for tables: "mean word length", ….
  public static let names: [String] =
    ["mean word length", "mean sentence length"]
    + [
      "full stops", "commas", "semicolons", "colons", "exclamation marks", "question marks",
      "quotation marks", "apostrophes", "hyphens",
    ].map { "\($0) per 100 characters" } + ["capital-letter rate", "type-token ratio"]
}
