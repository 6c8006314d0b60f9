import CourseSupport
import FastKernels
import Foundation

/// ex06's study: texts by several authors, one character model per author, and passages to
/// classify. Each author's text is used three ways, never mixed: the models learn from the first
/// part, the feature classifier from passages of the second, and every accuracy is measured on
/// passages of the third, which no model or classifier has seen.
public struct AuthorStudy: Sendable {
  public let names: [String]
  /// The characters of all the texts together: every model reads every author.
  public let vocabulary: Vocabulary
  public let modelText: [[Int]]
  public let classifierText: [[Int]]
  public let heldOutText: [[Int]]

  /// The texts split 60 / 20 / 20 per author.
  public init(texts: [(name: String, text: String)]) {
    names = texts.map(\.name)
    let vocabulary = Vocabulary(text: texts.map(\.text).joined())
    self.vocabulary = vocabulary
    let encoded = texts.map { vocabulary.encode($0.text) ?? [] }
    modelText = encoded.map { Array($0[..<($0.count * 6 / 10)]) }
    classifierText = encoded.map { Array($0[($0.count * 6 / 10)..<($0.count * 8 / 10)]) }
    heldOutText = encoded.map { Array($0[($0.count * 8 / 10)...]) }
  }

  /// The built-in authors, `characters` of each.
  public static func builtIn(characters: Int, seed: UInt64 = 1) -> AuthorStudy {
    AuthorStudy(
      texts: BuiltInAuthor.allCases.map {
        ($0.rawValue, $0.text(characters: characters, seed: seed))
      })
  }

  /// What every model reads before a passage, so each starts from the same place: a newline,
  /// where a paragraph begins, or the first character of the vocabulary.
  public var warmup: [Int] { [vocabulary.index(of: "\n") ?? 0] }

  /// One model per author, trained on that author's model part (see `trainModel`).
  public func trainModels(
    _ kind: ModelKind = .rnn, hiddenSize: Int, iterations: Int, seed: UInt64 = 1
  ) -> [AuthorModel] {
    names.indices.map {
      trainModel($0, kind, hiddenSize: hiddenSize, iterations: iterations, seed: seed)
    }
  }

  /// Author k's model: a vanilla RNN trained as min-char-rnn trains (the fast kernels, Adagrad
  /// at 0.1), a gated one by the reference loop with Adam at 0.003 (the rate `rnn evolution`
  /// uses). Windows of 25 characters from the start of the model part.
  public func trainModel(
    _ k: Int, _ kind: ModelKind, hiddenSize: Int, iterations: Int, seed: UInt64 = 1
  ) -> AuthorModel {
    let spec = ModelSpec(kind: kind, vocabularySize: vocabulary.count, hiddenSize: hiddenSize)
    var hp = Hyperparameters(
      hiddenSize: hiddenSize, sequenceLength: 25, seed: seed, validationEvery: max(iterations, 1))
    if kind == .rnn {
      var rng = SeededGenerator(seed: seed)
      let start = RNNParameters.random(
        hiddenSize: hiddenSize, vocabularySize: vocabulary.count, using: &rng)
      let fast = FastTrainer(
        parameters: start, sequenceLength: 25, learningRate: 0.1, threads: .one)
      for _ in 0..<iterations { fast.step(modelText[k]) }
      let model = CharModel<RNNCell>(spec)
      let p = CharModelParameters<RNNLayer>(fast.parameters)
      let run = RunState<CharModel<RNNCell>>(
        parameters: p, optimizer: OptimizerState(.adagrad, shapedLike: p),
        carried: model.zeroState(), position: 0, iteration: iterations, smoothLoss: 0)
      return AuthorModel(
        name: names[k],
        trained: ModelCheckpoint(
          model: model, vocabulary: vocabulary, hyperparameters: hp, run: run,
          history: LossHistory()))
    }
    hp.learningRate = 0.003
    let corpus = Corpus(
      vocabulary: vocabulary, training: modelText[k], validation: classifierText[k])
    return AuthorModel(
      name: names[k], trained: Self.trained(spec.makeModel(), corpus, hp, iterations))
  }

  private static func trained<M: LanguageModel>(
    _ model: M, _ corpus: Corpus, _ hp: Hyperparameters, _ iterations: Int
  ) -> any TrainedModel {
    let (run, history) = Reference.train(
      model, corpus: corpus, hyperparameters: hp, iterations: iterations, optimizer: .adam)
    return ModelCheckpoint(
      model: model, vocabulary: corpus.vocabulary, hyperparameters: hp, run: run, history: history)
  }

  /// `count` passages of `length` characters, evenly spaced over `text` (overlapping when the
  /// text is short).
  public static func passages(_ text: [Int], length: Int, count: Int) -> [[Int]] {
    guard text.count >= length, count > 0 else { return [] }
    let room = text.count - length
    return (0..<count).map { i in
      let start = count == 1 ? 0 : i * room / (count - 1)
      return Array(text[start..<(start + length)])
    }
  }

  /// Held-out passages of every author and their labels (author indices).
  public func heldOut(length: Int, perAuthor: Int) -> (passages: [[Int]], labels: [Int]) {
    var passages: [[Int]] = []
    var labels: [Int] = []
    for k in names.indices {
      let mine = Self.passages(heldOutText[k], length: length, count: perAuthor)
      passages += mine
      labels += mine.map { _ in k }
    }
    return (passages, labels)
  }
}
