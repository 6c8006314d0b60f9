import CourseSupport
import Foundation
import ReferenceRNN
import Testing

/// Every kind of model in the table (`ModelKind.cells`) goes through a run's whole life: trained
/// by the trainer the library chooses for it, saved, loaded the same, sampled. A new cell is
/// covered here without a test of its own (its gradients: ModelTests).
@Suite("every model kind of the table") struct EveryKindTests {
  static let text = BuiltInCorpus.play.text(characters: 4000, seed: 3)

  @Test("trains, is saved and loaded the same, and samples", arguments: ModelKind.allCases)
  func lifecycle(_ kind: ModelKind) throws {
    let vocabulary = Vocabulary(text: Self.text)
    let corpus = Corpus(vocabulary: vocabulary, indices: vocabulary.encode(Self.text) ?? [])
    let spec = ModelSpec(kind: kind, vocabularySize: vocabulary.count, hiddenSize: 12, layers: 2)
    try run(spec.makeModel(), corpus, kind)
  }

  func run<M: LanguageModel>(_ model: M, _ corpus: Corpus, _ kind: ModelKind) throws {
    let hp = Hyperparameters(
      hiddenSize: 12, sequenceLength: 10, learningRate: kind.defaultOptimizer == .adam ? 0.01 : 0.1,
      seed: 2, resets: kind.defaultResets(seed: 2))
    let trainer = makeTrainer(
      model,
      RunState(fresh: model, seed: 2, sequenceLength: 10, optimizer: kind.defaultOptimizer), hp)
    let first = trainer.step(corpus.training)
    for _ in 0..<60 { trainer.step(corpus.training) }
    let last = trainer.step(corpus.training)
    #expect(first.isFinite && last < first, "\(kind): loss \(first) → \(last)")
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kind-\(UUID().uuidString).json"
    ).path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try Reference.saveCheckpoint(
      ModelCheckpoint(
        model: model, vocabulary: corpus.vocabulary, hyperparameters: hp, run: trainer.run,
        history: LossHistory()), to: path)
    let loaded = try Reference.loadTrainedModel(from: path, expecting: corpus.vocabulary)
    #expect(loaded.model.spec == model.spec)
    #expect(loaded.hyperparameters == hp)
    let again = try #require(loaded as? ModelCheckpoint<M>)
    #expect(again.run.parameters == trainer.parameters, "\(kind): parameters after loading")
    var (a, b) = (SeededGenerator(seed: 9), SeededGenerator(seed: 9))
    let prime = Array(corpus.training.prefix(5))
    let sampled = try Reference.generate(
      model, parameters: trainer.parameters, seed: prime, count: 40, temperature: 0.8, using: &a)
    let fromFile = try Reference.generate(
      again.model, parameters: again.run.parameters, seed: prime, count: 40, temperature: 0.8,
      using: &b)
    #expect(sampled.count == 40 && sampled == fromFile, "\(kind): samples")
  }
}
