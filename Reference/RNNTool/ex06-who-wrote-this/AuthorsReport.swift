import CourseSupport
import Foundation
import GraderCore
import ReferenceRNN

/// What `rnn authors` measures: three classifiers on held-out passages of several lengths, on
/// samples the models wrote themselves, the authors' style, and the features that decide.
struct AuthorEvaluation: Codable {
  static let lengths = [20, 50, 100, 200, 500]
  static let classifiers = ["likelihood", "features", "naive Bayes"]

  var authors: [String]
  var passage: Int
  /// The data and budget, in words: the report's first line.
  var setup: String
  /// accuracy[classifier][i]: on held-out passages of lengths[i] characters.
  var accuracy: [String: [Double]] = [:]
  /// confusion[classifier][actual][predicted] at `passage` characters.
  var confusion: [String: [[Int]]] = [:]
  /// style[author][statistic]: the mean over the held-out passages of `passage` characters.
  var style: [[Double]] = []
  /// For each author, the five features with the largest weights toward it.
  var strongest: [[WeightedFeature]] = []
  /// accuracy[classifier] on passages each author's model wrote (temperature 0.8).
  var generated: [String: Double] = [:]
  /// ownText[model][author]: each model's loss per character, from a fresh state, on the first
  /// `healthCharacters` of each author's held-out text (what the likelihood classifier compares).
  var ownText: [[Double]] = []
  /// ln V: a uniform guess's loss per character.
  var uniform: Double = 0
  /// Each model checked from a fresh state on its author's held-out text (`FreshStateCheck`).
  var freshState: [FreshStateCheck?] = []
  /// One line for each model that is broken: worse than a uniform guess on its own author's
  /// text, or working only from its training states.
  var problems: [String] = []

  static let healthCharacters = 5000

  struct WeightedFeature: Codable {
    var name: String
    var weight: Double
  }

  init(study: AuthorStudy, models: [AuthorModel], passage: Int, setup: String) {
    authors = study.names
    self.passage = passage
    self.setup = setup
    checkModels(study, models)
    let classify = AuthorClassifiers(study: study, models: models, passage: passage)
    for (name, predict) in zip(Self.classifiers, classify.all) {
      accuracy[name] = Self.lengths.map { length in
        let (passages, labels) = study.heldOut(length: length, perAuthor: 100)
        return Reference.accuracy(
          Reference.confusionMatrix(
            predicted: predictions(passages, predict), actual: labels, classes: authors.count))
      }
      let (passages, labels) = study.heldOut(length: passage, perAuthor: 100)
      confusion[name] = Reference.confusionMatrix(
        predicted: predictions(passages, predict), actual: labels, classes: authors.count)
    }
    let (passages, labels) = study.heldOut(length: passage, perAuthor: 100)
    style = authors.indices.map { k in
      let mine = zip(passages, labels).filter { $0.1 == k }.map {
        Reference.styleStatistics(study.vocabulary.decode($0.0)).vector
      }
      return (mine.reduce(Vector.zeros(StyleStatistics.names.count), +) / Double(mine.count))
        .scalars
    }
    strongest = classify.strongestFeatures(count: 5)
    let samples = classify.generatedSamples(perAuthor: 20)
    for (name, predict) in zip(Self.classifiers, classify.all) {
      generated[name] = Reference.accuracy(
        Reference.confusionMatrix(
          predicted: predictions(samples.passages, predict), actual: samples.labels,
          classes: authors.count))
    }
  }
}

extension AuthorEvaluation {
  /// Every model on every author's held-out text, from a fresh state, and the broken ones named.
  mutating func checkModels(_ study: AuthorStudy, _ models: [AuthorModel]) {
    uniform = study.uniformLoss
    ownText = study.heldOutLosses(models.map(\.scorer), characters: Self.healthCharacters)
    freshState = models.map(\.freshState)
    problems = study.problems(losses: ownText, freshState: freshState)
  }
}

/// Who `predict` says wrote each passage, several passages at a time.
private func predictions(_ passages: [[Int]], _ predict: @escaping @Sendable ([Int]) -> Int)
  -> [Int]
{
  parallelMap(passages.count) { predict(passages[$0]) }
}

/// The three classifiers, trained on the study's classifier part at one passage length.
struct AuthorClassifiers: Sendable {
  let study: AuthorStudy
  let models: [AuthorModel]
  let scorers: [CharacterScorer]
  let passage: Int
  let weights: Matrix
  let bias: Vector
  let mean: Vector
  let deviation: Vector
  let trigrams: [[[Int]: Int]]
  let distinct: Int

  init(study: AuthorStudy, models: [AuthorModel], passage: Int) {
    self.study = study
    self.models = models
    self.passage = passage
    let scorers = models.map(\.scorer)
    self.scorers = scorers
    var rows: [Vector] = []
    var labels: [Int] = []
    for k in study.names.indices {
      for p in AuthorStudy.passages(study.classifierText[k], length: passage, count: 60) {
        rows.append(Self.features(p, study, scorers))
        labels.append(k)
      }
    }
    let (mean, deviation) = Reference.standardization(rows)
    (self.mean, self.deviation) = (mean, deviation)
    let standardized = rows.map { Reference.standardized($0, mean: mean, deviation: deviation) }
    (weights, bias) = Reference.trainSoftmaxRegression(
      rows: standardized, labels: labels, classes: study.names.count, l2: 0.01, rate: 0.5,
      steps: 300)
    let trigrams = study.modelText.map { Reference.ngrams($0, n: 3) }
    self.trigrams = trigrams
    distinct = Set(trigrams.flatMap(\.keys)).count
  }

  static func features(_ p: [Int], _ study: AuthorStudy, _ scorers: [CharacterScorer]) -> Vector {
    Vector(
      Reference.hiddenFeatures(p, warmup: study.warmup, models: scorers).scalars
        + Reference.styleStatistics(study.vocabulary.decode(p)).vector.scalars)
  }

  var likelihood: @Sendable ([Int]) -> Int {
    { p in Vector(Reference.classifyByLikelihood(p, warmup: study.warmup, models: scorers)).argmax()
    }
  }

  var byFeatures: @Sendable ([Int]) -> Int {
    { p in
      (weights
        * Reference.standardized(
          Self.features(p, study, scorers), mean: mean, deviation: deviation) + bias).argmax()
    }
  }

  var naiveBayes: @Sendable ([Int]) -> Int {
    { p in
      Vector(
        trigrams.map {
          Reference.naiveBayesLogLikelihood(p, authorCounts: $0, distinct: distinct, n: 3)
        }
      ).argmax()
    }
  }

  var all: [@Sendable ([Int]) -> Int] { [likelihood, byFeatures, naiveBayes] }

  /// The names of the feature vector's entries.
  var featureNames: [String] {
    let h = models.first?.hiddenSize ?? 0
    return models.flatMap { m in
      (0..<h).map { "\(m.name) model: mean of unit \($0)" }
        + (0..<h).map { "\(m.name) model: deviation of unit \($0)" }
    } + StyleStatistics.names
  }

  func strongestFeatures(count: Int) -> [[AuthorEvaluation.WeightedFeature]] {
    let names = featureNames
    return (0..<weights.rows).map { k in
      let row = weights.row(k).scalars
      return row.indices.sorted { row[$0] > row[$1] }.prefix(count).map {
        AuthorEvaluation.WeightedFeature(name: names[$0], weight: row[$0])
      }
    }
  }

  /// Passages each model wrote, at temperature 0.8, after the warm-up.
  func generatedSamples(perAuthor: Int) -> (passages: [[Int]], labels: [Int]) {
    var passages: [[Int]] = []
    var labels: [Int] = []
    for (k, m) in models.enumerated() {
      for s in 0..<perAuthor {
        var rng = SeededGenerator(seed: 500 + UInt64(s))
        let text = m.generate(
          after: study.warmup, count: passage, temperature: 0.8, using: &rng)
        passages.append(text)
        labels.append(k)
      }
    }
    return (passages, labels)
  }
}
