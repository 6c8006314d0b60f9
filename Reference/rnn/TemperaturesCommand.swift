import CourseSupport
import Foundation
import ReferenceRNN

/// `rnn temperatures`: the observation of lesson ex02, as a table. One model is trained on a
/// built-in corpus; then, from the same seed text and generator seed, it writes a sample at each
/// temperature, with the mean entropy of the distributions it drew from.
func temperaturesCommand(_ arguments: [String]) throws -> Int32 {
  let options = try CommandLineOptions(
    arguments, valued: ["corpus", "iterations", "hidden", "seq", "seed", "count"])
  let corpus = try options.choice("corpus", default: BuiltInCorpus.play)
  let iterations = try options.int("iterations", default: 3000)
  let hidden = try options.int("hidden", default: 100)
  let sequence = try options.int("seq", default: 25)
  let seed = UInt64(try options.int("seed", default: 1, minimum: 0))
  let count = try options.int("count", default: 200)

  let text = corpus.text(characters: 100_000, seed: seed)
  let vocabulary = Vocabulary(text: text)
  let data = vocabulary.encode(text) ?? []
  var rng = SeededGenerator(seed: seed)
  var trainer = MinCharRNNTrainer(
    data: data,
    parameters: .random(hiddenSize: hidden, vocabularySize: vocabulary.count, using: &rng),
    sequenceLength: sequence, learningRate: 0.1)
  let start = Date()
  for i in 1...iterations {
    trainer.step()
    if isatty(STDERR_FILENO) != 0 && (i % 100 == 0 || i == iterations) {
      let line = String(
        format: "\rtraining: %d/%d, loss %.3f per character", i, iterations,
        trainer.smoothLoss / Double(sequence))
      FileHandle.standardError.write(Data(line.utf8))
    }
  }
  if isatty(STDERR_FILENO) != 0 { FileHandle.standardError.write(Data("\n".utf8)) }

  print(
    "One model: \(corpus.rawValue) corpus, H = \(hidden), sequence \(sequence), \(iterations) iterations "
      + String(
        format: "(%.1f s), smoothed loss %.3f per character.", Date().timeIntervalSince(start),
        trainer.smoothLoss / Double(sequence)))
  print("Each sample starts from the same seed text and the same generator seed.\n")
  let seedText = primeText(text)
  let seedIndices = vocabulary.encode(seedText) ?? [0]
  for t in [0.2, 0.5, 0.8, 1.0, 1.5, 2.0] {
    var sampler = SeededGenerator(seed: seed &+ 1)
    let sample = try Reference.generate(
      parameters: trainer.parameters, seed: seedIndices, count: count, temperature: t,
      using: &sampler)
    let entropy = meanEntropy(trainer.parameters, seed: seedIndices, sample: sample, temperature: t)
    print(String(format: "T = %.1f   mean entropy of the next character: %.2f nats", t, entropy))
    for line in (seedText + vocabulary.decode(sample)).split(
      separator: "\n", omittingEmptySubsequences: false
    ).prefix(8) {
      print("  │ " + line)
    }
    print("")
  }
  return 0
}

/// The entropy of each distribution the sample was drawn from, averaged.
func meanEntropy(_ p: RNNParameters, seed: [Int], sample: [Int], temperature: Double) -> Double {
  var h = Vector.zeros(p.hiddenSize)
  for x in seed.dropLast() { h = Reference.step(input: x, h: h, parameters: p).h }
  var total = 0.0
  for x in [seed.last ?? 0] + sample.dropLast() {
    h = Reference.step(input: x, h: h, parameters: p).h
    total += Reference.entropy(
      (try? Reference.softmax(p.Why * h + p.by, temperature: temperature)) ?? h)
  }
  return total / Double(max(sample.count, 1))
}
