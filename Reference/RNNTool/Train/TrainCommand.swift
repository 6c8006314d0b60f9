import CourseSupport
import Foundation
import GraderCore
import ReferenceRNN

/// Set by Ctrl-C; the training loop checks it after every iteration.
nonisolated(unsafe) var interrupted: sig_atomic_t = 0

let trainCommand = Subcommand(
  "train",
  "[--data FILE | --corpus \(BuiltInCorpus.choices)] [--model \(ModelKind.choices)] [--hidden 100] [--layers 1]\n"
    + "      [--embedding E] [--seq 25] [--optimizer \(OptimizerKind.choices)] [--lr 0.1 (adam: 0.002)]\n"
    + "      [--iters 5000 | --epochs N] [--seed 1] [--out runs/NAME] [--resume | --force] [--mine]\n"
    + "      [--validate-every 1000] [--sample-every 1000] [--batch B] [--no-clip]\n"
    + "      [--dropout p] [--lr-decay 0.5 --decay-every 1000] [--resets 0.05|never|paragraphs]\n"
    + "      [--precision float64|float32]",
  """
  train a model (the fast kernels for any model without dropout, the reference with dropout, your
  own ex01 with --mine); --batch B trains on B streams at once; the run folder gets
  checkpoint.json, losses.json, samples.json, summary.json and loss.svg; Ctrl-C stops after
  saving, --resume continues. --dropout p drops each layer's output
  while training (never the recurrent connection); --lr-decay d multiplies the rate by d every
  --decay-every iterations; --resets starts that share of windows from a zero state (the vanilla
  RNN's default 0.05, never for LSTM and GRU: ex03's lesson), and the run ends with a check of the
  model from a fresh state; --precision float32 computes the fast path in single precision (twice
  the numbers per vector; the checkpoint is still Double)
  """,
  valued: ModelOptions.valued.union([
    "data", "corpus", "characters", "seq", "iters", "epochs", "seed", "out", "validate-every",
    "sample-every", "batch", "lr-decay", "decay-every", "precision",
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
    let precision = try options.choice("precision", default: Precision.float64)
    if precision == .float32 {
      try checkSinglePrecision(model, mine: mine)
      hyperparameters.precision = .float32
    }
    // Several streams run on a fast path only; --mine runs ex01's functions, a plain vanilla RNN.
    let plainRNN = model.kind == .rnn && model.trainsFast
    if batch > 1 { try checkBatch(model, resume: options.has("resume"), mine: mine) }
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
    hyperparameters.resets = try model.stateResets(
      seed: hyperparameters.seed, vocabulary: text.corpus.vocabulary)
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
    try checkResumable(saved, options, settings.run.checkpoint)
    settings.hyperparameters = saved.hyperparameters
    return try resume(saved, settings)
  }
  let spec = settings.model.spec(vocabularySize: settings.text.corpus.vocabulary.count)
  try checkMemory(
    spec, sequenceLength: settings.hyperparameters.sequenceLength, batch: settings.batch,
    optimizer: settings.model.optimizer)
  return try begin(spec.makeModel(), settings)
}

/// `--resume` continues a run as it was saved: an option given with another value than the
/// checkpoint's is refused in one line, rather than silently ignored.
private func checkResumable<T: TrainedModel>(
  _ saved: T, _ options: CommandLineOptions, _ path: String
) throws {
  let spec = saved.model.spec
  let hp = saved.hyperparameters
  if options.has("mine") && hp.fastPrecision == .float32 {
    throw CommandLineOptions.Problem(
      "--mine: \(path) holds a run trained in single precision on the fast kernels, and your ex01 functions compute in Double: resume it without --mine"
    )
  }
  let recorded: [(option: String, value: String)] = [
    ("model", spec.kind.rawValue), ("hidden", "\(spec.hiddenSize)"), ("layers", "\(spec.layers)"),
    ("embedding", spec.embedding.map(String.init) ?? "none"),
    ("dropout", "\(spec.dropout ?? 0)"),
    ("optimizer", saved.checkpoint.run.optimizer.kind.rawValue),
    ("seq", "\(hp.sequenceLength)"), ("seed", "\(hp.seed)"), ("lr", "\(hp.learningRate)"),
    ("resets", hp.stateResets.description), ("precision", hp.fastPrecision.rawValue),
  ]
  for (option, value) in recorded {
    guard let given = options.string(option), !sameSetting(given, value) else { continue }
    throw CommandLineOptions.Problem(
      "--\(option) \(given): \(path) holds a run of \(spec.description), saved with --\(option) \(value); --resume continues it as it was: drop --\(option), or start a new run with another --out"
    )
  }
}

/// The same setting written two ways ("0.05" and "0.050"; "never", "0" and "0.0").
private func sameSetting(_ a: String, _ b: String) -> Bool {
  if let x = Double(a), let y = Double(b) { return x == y }
  if let x = try? ResetChoice(a), let y = try? ResetChoice(b) { return x == y }
  return a == b
}

private func begin<M: LanguageModel>(_ model: M, _ settings: TrainSettings) throws -> Int32 {
  let hp = settings.hyperparameters
  let run = RunState(
    fresh: model, seed: hp.seed, sequenceLength: hp.sequenceLength,
    optimizer: settings.model.optimizer)
  return try runTraining(
    trainer(model, run, settings), settings, history: LossHistory(), samples: [])
}

private func resume<T: TrainedModel>(_ saved: T, _ settings: TrainSettings) throws -> Int32 {
  let checkpoint = saved.checkpoint
  print("resuming \(settings.run.checkpoint) at iteration \(checkpoint.run.iteration)")
  return try runTraining(
    trainer(checkpoint.model, checkpoint.run, settings), settings,
    history: checkpoint.history, samples: settings.run.loadSamples())
}

/// The library's choice (`makeTrainer`), or with --mine the learner's ex01 functions, which
/// train only the vanilla RNN of ex01 (TrainSettings refuses --mine for any other).
private func trainer<M: LanguageModel>(_ model: M, _ run: RunState<M>, _ settings: TrainSettings)
  throws -> any RunTrainer<M>
{
  guard settings.mine else {
    return makeTrainer(model, run, settings.hyperparameters, batch: settings.batch)
  }
  guard let functions = LearnerCode.functions,
    let state = (run as? RunState<CharModel<RNNCell>>)?.trainingState,
    let mine = FunctionsTrainer(state, settings.hyperparameters, functions: functions)
      as? any RunTrainer<M>
  else {
    throw CommandLineOptions.Problem(
      "--mine trains your ex01 RNN: a vanilla RNN of one layer, one-hot, with Adagrad")
  }
  return mine
}

/// Single precision is the fast path's; the reference and your ex01 compute in Double.
private func checkSinglePrecision(_ model: ModelOptions, mine: Bool) throws {
  if mine {
    throw CommandLineOptions.Problem(
      "--precision float32 runs the fast kernels, and --mine runs your ex01 functions, which compute in Double: drop one of the two"
    )
  }
  guard !model.trainsFast else { return }
  let terms =
    model.kind.cell.fastPathTerms.map { "its fast path takes \($0)" } ?? "it has no fast path"
  throw CommandLineOptions.Problem(
    "--precision float32 works on a fast path only, and \(model.kind.withArticle) with these options trains on the readable reference in Double (\(terms)): drop --precision"
  )
}

/// Several streams run on a fast path only, and a resumed run keeps the one it had.
private func checkBatch(_ model: ModelOptions, resume: Bool, mine: Bool) throws {
  if resume || mine {
    throw CommandLineOptions.Problem(
      "--batch works without --resume and --mine (a resumed run keeps its streams; your ex01 RNN trains one): use --batch 1"
    )
  }
  guard !model.trainsFast else { return }
  let terms =
    model.kind.cell.fastPathTerms.map { "its fast path takes \($0)" } ?? "it has no fast path"
  throw CommandLineOptions.Problem(
    "--batch works on a fast path only, and \(model.kind.withArticle) with these options trains on the readable reference (\(terms)): use --batch 1"
  )
}
