import CourseSupport
import Foundation

extension Reference {
  /// A trained model of any kind, as the classifiers see it.
  public static func scorer<M: LanguageModel>(
    name: String, model: M, parameters p: M.Parameters
  ) -> CharacterScorer {
    CharacterScorer(
      name: name,
      logProbabilities: { read($0, model: model, parameters: p).logProbabilities },
      hiddenStates: { read($0, model: model, parameters: p, probabilities: false).hidden })
  }

  /// ex06's style statistics (see `StyleStatistics` for the definitions).
  public static func styleStatistics(_ passage: String) -> StyleStatistics {
    var words: [String] = []
    var current = ""
    var sentences = 0
    var wordsInSentence = 0
    var marks = [Double](repeating: 0, count: StyleStatistics.marks.count)
    var (letters, capitals) = (0, 0)
    func endWord() {
      if !current.isEmpty {
        words.append(current)
        wordsInSentence += 1
      }
      current = ""
    }
    for c in passage {
      if c.isLetter {
        letters += 1
        if c.isUppercase { capitals += 1 }
      }
      if c.isLetter || (c == "'" && !current.isEmpty) { current.append(c) } else { endWord() }
      if let m = StyleStatistics.marks.firstIndex(of: c) { marks[m] += 1 }
      if c == "." || c == "!" || c == "?", wordsInSentence > 0 {
        sentences += 1
        wordsInSentence = 0
      }
    }
    endWord()
    if wordsInSentence > 0 { sentences += 1 }
    let characters = Double(max(passage.count, 1))
    let lengths = words.map { Double($0.filter(\.isLetter).count) }
    return StyleStatistics(
      meanWordLength: lengths.reduce(0, +) / Double(max(words.count, 1)),
      meanSentenceLength: Double(words.count) / Double(max(sentences, 1)),
      punctuationPer100: marks.map { 100 * $0 / characters },
      capitalRate: Double(capitals) / Double(max(letters, 1)),
      typeTokenRatio: Double(Set(words.map { $0.lowercased() }).count) / Double(max(words.count, 1))
    )
  }

  /// ln p(passage | model), the model having read `warmup` first (at least one character):
  /// Σ_k ln p(passage[k] | warmup, passage[0..<k]).
  public static func logLikelihood(of passage: [Int], after warmup: [Int], model: CharacterScorer)
    -> Double
  {
    let lp = model.logProbabilities(warmup + passage)
    return passage.indices.reduce(0) { $0 + lp[warmup.count + $1 - 1][passage[$1]] }
  }

  /// Bayes' rule with equal priors: p(author k | passage) = softmax over k of ln p(passage | k).
  public static func classifyByLikelihood(
    _ passage: [Int], warmup: [Int], models: [CharacterScorer]
  ) -> [Double] {
    softmax(Vector(models.map { logLikelihood(of: passage, after: warmup, model: $0) })).scalars
  }

  /// For each model, the mean and the standard deviation (over the passage's characters) of each
  /// unit of its hidden state, having read `warmup` first: model after model, its H means, then
  /// its H deviations.
  public static func hiddenFeatures(_ passage: [Int], warmup: [Int], models: [CharacterScorer])
    -> Vector
  {
    var features: [Double] = []
    for model in models {
      let states = Array(model.hiddenStates(warmup + passage).suffix(passage.count))
      let (mean, deviation) = standardization(states)
      features += mean.scalars + deviation.scalars
    }
    return Vector(features)
  }

  /// Each feature's mean and standard deviation over `rows`.
  public static func standardization(_ rows: [Vector]) -> (mean: Vector, deviation: Vector) {
    let n = Double(rows.count)
    let mean = rows.reduce(Vector.zeros(rows[0].count), +) / n
    let variance = rows.reduce(Vector.zeros(mean.count)) { $0 + ($1 - mean) * ($1 - mean) } / n
    return (mean, variance.map { $0.squareRoot() })
  }

  /// (row − mean) / deviation, with a deviation of 0 read as 1 (a constant feature stays 0).
  public static func standardized(_ row: Vector, mean: Vector, deviation: Vector) -> Vector {
    (row - mean) / deviation.map { $0 > 0 ? $0 : 1 }
  }
}
