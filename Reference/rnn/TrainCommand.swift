import CourseSupport
import Foundation
import ReferenceRNN

/// `rnn train`: trains the reference model on a file or a built-in corpus and keeps the run in
/// its folder (`checkpoint.json`). `--resume` continues a run from its checkpoint up to `--iters`
/// iterations in all, along the same loss trajectory as if it had never stopped.
func trainCommand(_ arguments: [String]) throws -> Int32 {
  let options = try CommandLineOptions(
    arguments,
    valued: [
      "data", "corpus", "characters", "hidden", "seq", "lr", "iters", "seed", "out",
      "validate-every",
    ],
    flags: ["resume"])
  var hp = Hyperparameters(
    hiddenSize: try options.int("hidden", default: 100),
    sequenceLength: try options.int("seq", default: 25),
    learningRate: try options.positive("lr", default: 0.1),
    seed: UInt64(try options.int("seed", default: 1, minimum: 0)),
    validationEvery: try options.int("validate-every", default: 100))
  let iterations = try options.int("iters", default: 2000)
  let (corpus, source) = try loadTrainingText(options, sequenceLength: hp.sequenceLength)
  let folder =
    options.string("out")
    ?? "runs/\(options.string("corpus") ?? (options.string("data") == nil ? "play" : "data"))"
  let checkpointPath = folder + "/checkpoint.json"

  var state: TrainingState?
  var history = LossHistory()
  if FileManager.default.fileExists(atPath: checkpointPath) {
    guard options.has("resume") else {
      throw CommandLineOptions.Problem(
        "\(checkpointPath) exists: add --resume to continue that run, or choose another --out")
    }
    let saved = try Reference.loadCheckpoint(from: checkpointPath, expecting: corpus.vocabulary)
    hp = saved.hyperparameters
    state = saved.state
    history = saved.history
    print("resuming \(checkpointPath) at iteration \(saved.state.iteration)")
  }

  print(
    "training on \(source): \(corpus.training.count) characters, vocabulary \(corpus.vocabulary.count), H = \(hp.hiddenSize), sequence \(hp.sequenceLength), lr \(hp.learningRate)"
  )
  let start = Date()
  var current = state ?? Reference.initialState(hp, vocabularySize: corpus.vocabulary.count)
  while current.iteration < iterations {
    let next = min(iterations, (current.iteration / 500 + 1) * 500)
    (current, history) = Reference.train(
      corpus: corpus, hyperparameters: hp, iterations: next, functions: .reference, from: current,
      history: history)
    guard current.smoothLoss.isFinite else {
      throw CommandLineOptions.Problem(
        "the loss diverged (\(current.smoothLoss)) at iteration \(current.iteration): try a lower --lr"
      )
    }
    let validation =
      history.validation.last.map { String(format: ", validation %.3f", $0.lossPerCharacter) } ?? ""
    print(
      String(
        format: "iteration %d: loss %.3f per character%@", current.iteration,
        current.smoothLoss / Double(hp.sequenceLength), validation))
    if history.stoppedEarly { break }
  }
  let checkpoint = Checkpoint(
    vocabulary: corpus.vocabulary, hyperparameters: hp, state: current, history: history)
  try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  try Reference.saveCheckpoint(checkpoint, to: checkpointPath)
  print(String(format: "saved %@ (%.1f s)", checkpointPath, Date().timeIntervalSince(start)))
  print(
    "sample from it: swift run -c release rnn sample --checkpoint \(checkpointPath) --temperature 0.8"
  )
  return 0
}
