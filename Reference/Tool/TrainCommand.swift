import CourseSupport
import Foundation
import GraderCore
import ReferenceRNN

/// Set by Ctrl-C; the training loop checks it after every iteration.
nonisolated(unsafe) var interrupted: sig_atomic_t = 0

let trainCommand = Subcommand(
  "train",
  "[--data FILE | --corpus play|code|wiki] [--model rnn|lstm] [--hidden 100] [--layers 1]\n"
    + "      [--embedding E] [--seq 25] [--optimizer adagrad|adam] [--lr 0.1 (adam: 0.002)]\n"
    + "      [--iters 5000 | --epochs N] [--seed 1] [--out runs/NAME] [--resume | --force] [--mine]\n"
    + "      [--validate-every 1000] [--sample-every 1000] [--batch B] [--no-clip]\n"
    + "      [--dropout p] [--lr-decay 0.5 --decay-every 1000]",
  """
  train a model (the fast kernels for any model without dropout, the reference with dropout, your
  own ex01 with --mine); --batch B trains on B streams at once; the run folder gets checkpoint.json, losses.json, samples.json, summary.json and
  loss.svg; Ctrl-C stops after saving, --resume continues. --dropout p drops each layer's output
  while training (never the recurrent connection); --lr-decay d multiplies the rate by d every
  --decay-every iterations
  """,
  valued: ModelOptions.valued.union([
    "data", "corpus", "characters", "seq", "iters", "epochs", "seed", "out", "validate-every",
    "sample-every", "batch", "lr-decay", "decay-every",
  ]),
  flags: ["resume", "force", "mine", "no-clip"], run: train)

/// What `rnn train` was asked to do.
struct TrainSettings {
  let text: TrainingText
  let model: ModelOptions
  var hyperparameters: Hyperparameters
  let iterations: Int
  let run: RunFolder
  let sampleEvery: Int
  let batch: Int
  let mine: Bool

  init(_ options: CommandLineOptions) throws {
    model = try ModelOptions(options)
    hyperparameters = Hyperparameters(
      hiddenSize: model.hiddenSize, sequenceLength: try options.int("seq", default: 25),
      learningRate: model.learningRate,
      seed: UInt64(try options.int("seed", default: 1, minimum: 0)),
      validationEvery: try options.int("validate-every", default: 1000))
    if options.has("no-clip") { hyperparameters.clipLimit = nil }
    if options.string("lr-decay") != nil {
      hyperparameters.learningRateDecay = try options.positive("lr-decay", default: 1)
      hyperparameters.decayEvery = try options.int("decay-every", default: 1000)
    }
    sampleEvery = try options.int("sample-every", default: 1000)
    batch = try options.int("batch", default: 1)
    mine = options.has("mine")
    let plainRNN =
      model.kind == .rnn && model.layers == 1 && model.embedding == nil
      && model.optimizer == .adagrad && (model.dropout ?? 0) == 0
    // The fast paths: a one-layer one-hot vanilla RNN with Adagrad, or any LSTM or GRU.
    let fast = plainRNN || (model.kind != .rnn && (model.dropout ?? 0) == 0)
    if batch > 1 && (options.has("resume") || mine || !fast) {
      throw CommandLineOptions.Problem(
        "--batch works without --resume, --mine and --dropout, for an LSTM, a GRU or a one-layer one-hot vanilla RNN with Adagrad: use --batch 1"
      )
    }
    if mine && !plainRNN {
      throw CommandLineOptions.Problem(
        "--mine trains your ex01 RNN: one layer, one-hot input, Adagrad, no dropout (drop --model, --layers, --embedding, --optimizer and --dropout)"
      )
    }
    if options.string("iters") != nil && options.string("epochs") != nil {
      throw CommandLineOptions.Problem("give --iters or --epochs, not both")
    }
    if mine {
      if LearnerCode.functions == nil { try handOverToMine() }
      try checkLearnerCode()
    }
    text = try TrainingText(options, sequenceLength: hyperparameters.sequenceLength)
    let windows = max(1, text.corpus.training.count / hyperparameters.sequenceLength)
    iterations =
      options.string("epochs") != nil
      ? try options.int("epochs", default: 1) * windows : try options.int("iters", default: 5000)
    let name = options.string("corpus") ?? (options.string("data") == nil ? "play" : "data")
    run = RunFolder(path: options.string("out") ?? "runs/\(name)")
    try run.prepare(resume: options.has("resume"), force: options.has("force"))
  }
}

/// `rnn train`: a fresh run, or the one in `--out` continued (`--resume`).
func train(_ options: CommandLineOptions) throws -> Int32 {
  var settings = try TrainSettings(options)
  if options.has("resume") {
    let saved = try Reference.loadTrainedModel(
      from: settings.run.checkpoint, expecting: settings.text.corpus.vocabulary)
    settings.hyperparameters = saved.hyperparameters
    return try resume(saved, settings)
  }
  let spec = settings.model.spec(vocabularySize: settings.text.corpus.vocabulary.count)
  try checkMemory(
    spec, sequenceLength: settings.hyperparameters.sequenceLength, batch: settings.batch,
    optimizer: settings.model.optimizer)
  return try begin(spec.makeModel(), settings)
}

private func begin<M: LanguageModel>(_ model: M, _ settings: TrainSettings) throws -> Int32 {
  let hp = settings.hyperparameters
  let run = RunState(
    fresh: model, seed: hp.seed, sequenceLength: hp.sequenceLength,
    optimizer: settings.model.optimizer)
  return try runTraining(
    makeTrainer(model, run, settings.hyperparameters, batch: settings.batch, mine: settings.mine),
    settings, history: LossHistory(), samples: [])
}

private func resume<T: TrainedModel>(_ saved: T, _ settings: TrainSettings) throws -> Int32 {
  let checkpoint = saved.checkpoint
  print("resuming \(settings.run.checkpoint) at iteration \(checkpoint.run.iteration)")
  return try runTraining(
    makeTrainer(
      checkpoint.model, checkpoint.run, settings.hyperparameters, batch: settings.batch,
      mine: settings.mine), settings,
    history: checkpoint.history, samples: settings.run.loadSamples())
}
