import CourseSupport

/// One author's trained model, of any kind the course trains, kept as a checkpoint so that
/// `rnn authors` can save it and `--classify` load it again.
public struct AuthorModel: Sendable {
  /// The author's name.
  public let name: String
  /// The model and its trained parameters, as a checkpoint.
  public let trained: any TrainedModel
  /// Whether it works from a fresh state on its author's held-out text (nil when unknown, for a
  /// model loaded from a file).
  public let freshState: FreshStateCheck?

  /// An author's model; `freshState` is nil when unknown.
  public init(name: String, trained: any TrainedModel, freshState: FreshStateCheck? = nil) {
    self.name = name
    self.trained = trained
    self.freshState = freshState
  }

  /// H, the model's number of hidden units.
  public var hiddenSize: Int { trained.model.spec.hiddenSize }

  /// Saved as a checkpoint that `Reference.loadTrainedModel` reads back.
  public func save(to path: String) throws { try trained.save(to: path) }

  /// What the classifiers see of it.
  public var scorer: CharacterScorer { trained.scorer(name: name) }

  /// `count` characters the model writes after reading `seed`.
  public func generate(
    after seed: [Int], count: Int, temperature: Double, using rng: inout SeededGenerator
  ) -> [Int] {
    trained.generate(after: seed, count: count, temperature: temperature, using: &rng)
  }
}

extension TrainedModel {
  /// The model as the classifiers see it: log-probabilities and hidden states.
  public func scorer(name: String) -> CharacterScorer {
    Reference.scorer(name: name, model: model, parameters: parameters)
  }

  func save(to path: String) throws { try Reference.saveCheckpoint(checkpoint, to: path) }

  func generate(
    after seed: [Int], count: Int, temperature: Double, using rng: inout SeededGenerator
  ) -> [Int] {
    (try? Reference.generate(
      model, parameters: parameters, seed: seed, count: count, temperature: temperature,
      using: &rng)) ?? []
  }
}
