import CourseSupport
import FastKernels
import Foundation

/// ex06's study: texts by several authors, one character model per author, and passages to
/// classify. Each author's text is used three ways, never mixed: the models learn from one part,
/// the feature classifier from passages of another, and every accuracy is measured on passages of
/// the third, which no model or classifier has seen.
///
/// The parts are dealt in blocks, in turn (three blocks to the model, one to the classifier, one
/// held out), not cut as three slices: a book changes along its length (a last chapter transcribed
/// in capitals made one real text's held-out fifth unlike anything its model read), and dealt
/// blocks put every stretch of the book in all three parts alike.
public struct AuthorStudy: Sendable {
  /// The authors' names, in the order of the texts (author k is `names[k]`).
  public let names: [String]
  /// The characters of all the texts together: every model reads every author.
  public let vocabulary: Vocabulary
  /// modelText[k]: author k's text the character models learn from.
  public let modelText: [[Int]]
  /// classifierText[k]: author k's text the feature classifier learns from.
  public let classifierText: [[Int]]
  /// heldOutText[k]: author k's held-out text, where accuracies are measured.
  public let heldOutText: [[Int]]
  /// How the texts were split (`Split`).
  public let split: Split

  /// How each text is split 60 / 20 / 20.
  public enum Split: String, CaseIterable, Sendable {
    /// In blocks (`blockSize`) dealt in turn: the course's way.
    case blocks
    /// Three contiguous slices, first 60% to the model, last 20% held out: to see a drift break it.
    case slices
  }

  /// The texts split 60 / 20 / 20 per author.
  public init(texts: [(name: String, text: String)], split: Split = .blocks) {
    names = texts.map(\.name)
    self.split = split
    let vocabulary = Vocabulary(text: texts.map(\.text).joined())
    self.vocabulary = vocabulary
    let dealt = texts.map {
      let text = vocabulary.encode($0.text) ?? []
      return split == .blocks ? Self.deal(text) : Self.slice(text)
    }
    modelText = dealt.map(\.model)
    classifierText = dealt.map(\.classifier)
    heldOutText = dealt.map(\.heldOut)
  }

  /// 2,000 characters, or less for a short text, so that it still makes five rounds.
  public static func blockSize(_ count: Int) -> Int { min(2000, max(100, count / 25)) }

  static func slice(_ text: [Int]) -> (model: [Int], classifier: [Int], heldOut: [Int]) {
    let (a, b) = (text.count * 6 / 10, text.count * 8 / 10)
    return (Array(text[..<a]), Array(text[a..<b]), Array(text[b...]))
  }

  /// Blocks 0, 1, 2 of every five to the model, 3 to the classifier, 4 held out.
  static func deal(_ text: [Int]) -> (model: [Int], classifier: [Int], heldOut: [Int]) {
    let size = blockSize(text.count)
    var parts: ([Int], [Int], [Int]) = ([], [], [])
    for (i, start) in stride(from: 0, to: text.count, by: size).enumerated() {
      let block = text[start..<min(start + size, text.count)]
      switch i % 5 {
      case 3: parts.1 += block
      case 4: parts.2 += block
      default: parts.0 += block
      }
    }
    return parts
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

  /// Author k's model, trained as `rnn train` trains it (`makeTrainer`: the fast kernels of its
  /// cell, one thread, since the authors train side by side): Adagrad at 0.1 or Adam at 0.003
  /// (the rate `rnn evolution` uses), as the kind's default optimizer says; windows of 25
  /// characters from the start of the model part, some from a zero state
  /// (`ModelKind.defaultResets`); checked from a fresh state on the author's held-out text.
  public func trainModel(
    _ k: Int, _ kind: ModelKind, hiddenSize: Int, iterations: Int, seed: UInt64 = 1
  ) -> AuthorModel {
    let spec = ModelSpec(kind: kind, vocabularySize: vocabulary.count, hiddenSize: hiddenSize)
    let optimizer = kind.defaultOptimizer
    let hp = Hyperparameters(
      hiddenSize: hiddenSize, sequenceLength: 25, learningRate: optimizer == .adagrad ? 0.1 : 0.003,
      seed: seed, validationEvery: max(iterations, 1), resets: kind.defaultResets(seed: seed))
    let (trained, check) = self.trained(spec.makeModel(), k, hp, optimizer, iterations)
    return AuthorModel(name: names[k], trained: trained, freshState: check)
  }

  private func trained<M: LanguageModel>(
    _ model: M, _ k: Int, _ hp: Hyperparameters, _ optimizer: OptimizerKind, _ iterations: Int
  ) -> (any TrainedModel, FreshStateCheck) {
    let trainer = makeTrainer(
      model,
      RunState(
        fresh: model, seed: hp.seed, sequenceLength: hp.sequenceLength, optimizer: optimizer),
      hp, threads: .one)
    while trainer.iteration < iterations { trainer.step(modelText[k]) }
    let checkpoint = ModelCheckpoint(
      model: model, vocabulary: vocabulary, hyperparameters: hp, run: trainer.run,
      history: LossHistory())
    return (checkpoint, trainer.freshStateCheck(heldOutText[k], sequenceLength: hp.sequenceLength))
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
