import CourseSupport
import Foundation
import GraderCore
import ReferenceRNN

let temperaturesCommand = Subcommand(
  "temperatures",
  "[--corpus \(BuiltInCorpus.choices)] [--iterations 3000] [--model \(ModelKind.choices)] [--hidden 100] [--seq 25] [--seed 1] [--count 200]",
  "lesson ex02: train one model, then sample from one seed at T = 0.2 … 2.0, with the entropy",
  valued: ModelOptions.valued.union(["corpus", "iterations", "seq", "seed", "count"])
) { options in
  let corpus = try options.choice("corpus", default: BuiltInCorpus.play)
  let modelOptions = try ModelOptions(options)
  var hp = Hyperparameters(
    hiddenSize: modelOptions.hiddenSize, sequenceLength: try options.int("seq", default: 25),
    learningRate: modelOptions.learningRate,
    seed: UInt64(try options.int("seed", default: 1, minimum: 0)))
  let text = corpus.text(characters: 100_000, seed: hp.seed)
  let vocabulary = Vocabulary(text: text)
  hp.resets = try modelOptions.stateResets(seed: hp.seed, vocabulary: vocabulary)
  let model = modelOptions.spec(vocabularySize: vocabulary.count).makeModel()
  return try temperatures(
    model, optimizer: modelOptions.optimizer, hp, text: text,
    iterations: try options.int("iterations", default: 3000),
    count: try options.int("count", default: 200), corpus: corpus)
}

/// One model trained on `text`, then one sample per temperature from the same seed text and the
/// same generator seed, each with the mean entropy of the distributions it drew from.
private func temperatures<M: LanguageModel>(
  _ model: M, optimizer: OptimizerKind, _ hp: Hyperparameters, text: String, iterations: Int,
  count: Int, corpus: BuiltInCorpus
) throws -> Int32 {
  let vocabulary = Vocabulary(text: text)
  let data = vocabulary.encode(text) ?? []
  let run = RunState(
    fresh: model, seed: hp.seed, sequenceLength: hp.sequenceLength, optimizer: optimizer)
  let trainer = makeTrainer(model, run, hp)
  let start = Date()
  let terminal = isatty(STDERR_FILENO) != 0
  while trainer.iteration < iterations {
    trainer.step(data)
    if terminal && (trainer.iteration % 100 == 0 || trainer.iteration == iterations) {
      let line = String(
        format: "\rtraining: %d/%d, loss %.3f per character", trainer.iteration, iterations,
        trainer.smoothLoss / Double(hp.sequenceLength))
      FileHandle.standardError.write(Data(line.utf8))
    }
  }
  if terminal { FileHandle.standardError.write(Data("\n".utf8)) }
  print(
    "One model: \(model.spec.description), \(corpus.rawValue) corpus, sequence \(hp.sequenceLength), \(iterations) iterations "
      + String(
        format: "(%.1f s), smoothed loss %.3f per character.", Date().timeIntervalSince(start),
        trainer.smoothLoss / Double(hp.sequenceLength)))
  print("Each sample starts from the same seed text and the same generator seed.\n")
  let seedText = primeText(text)
  let seedIndices = vocabulary.encode(seedText) ?? [0]
  for t in [0.2, 0.5, 0.8, 1.0, 1.5, 2.0] {
    var sampler = SeededGenerator(seed: hp.seed &+ 1)
    var entropy = 0.0
    let sample = try Reference.generate(
      model, parameters: trainer.parameters, seed: seedIndices, count: count, temperature: t,
      using: &sampler, onStep: { entropy += Reference.entropy($0) })
    print(
      String(
        format: "T = %.1f   mean entropy of the next character: %.2f nats", t,
        entropy / Double(max(count, 1))))
    for line in (seedText + vocabulary.decode(sample)).split(
      separator: "\n", omittingEmptySubsequences: false
    ).prefix(8) {
      print("  │ " + line)
    }
    print("")
  }
  return 0
}
