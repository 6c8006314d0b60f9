import CourseSupport
import Foundation
import ReferenceRNN

/// Set by Ctrl-C; the training loop checks it after every iteration.
nonisolated(unsafe) var interrupted: sig_atomic_t = 0

/// `rnn train`: trains on a file or a built-in corpus with the fast trainer and keeps the run in
/// its folder: checkpoint.json, losses.json, samples.json, summary.json and loss.svg. `--resume`
/// continues a run up to `--iters` in all, along the same losses as if it had never stopped;
/// Ctrl-C stops after writing everything.
func trainCommand(_ arguments: [String]) throws -> Int32 {
  let options = try CommandLineOptions(
    arguments,
    valued: [
      "data", "corpus", "characters", "hidden", "seq", "lr", "iters", "epochs", "seed", "out",
      "validate-every", "sample-every", "batch",
    ],
    flags: ["resume", "force", "mine", "no-clip"])
  var hp = Hyperparameters(
    hiddenSize: try options.int("hidden", default: 100),
    sequenceLength: try options.int("seq", default: 25),
    learningRate: try options.positive("lr", default: 0.1),
    seed: UInt64(try options.int("seed", default: 1, minimum: 0)),
    validationEvery: try options.int("validate-every", default: 1000))
  if options.has("no-clip") { hp.clipLimit = nil }
  let sampleEvery = try options.int("sample-every", default: 1000)
  let batch = try options.int("batch", default: 1)
  if batch > 1 && (options.has("resume") || options.has("mine")) {
    throw CommandLineOptions.Problem(
      "--batch works with neither --resume nor --mine: use --batch 1")
  }
  let (corpus, source) = try loadTrainingText(options, sequenceLength: hp.sequenceLength)
  if options.string("iters") != nil && options.string("epochs") != nil {
    throw CommandLineOptions.Problem("give --iters or --epochs, not both")
  }
  let iterations =
    options.string("epochs") != nil
    ? try options.int("epochs", default: 1) * max(1, corpus.training.count / hp.sequenceLength)
    : try options.int("iters", default: 5000)
  let folder =
    options.string("out")
    ?? "runs/\(options.string("corpus") ?? (options.string("data") == nil ? "play" : "data"))"
  let run = RunFolder(path: folder)

  var state: TrainingState?
  var history = LossHistory()
  var samples: [RunSample] = []
  if run.exists {
    if options.has("resume") {
      let saved = try Reference.loadCheckpoint(from: run.checkpoint, expecting: corpus.vocabulary)
      hp = saved.hyperparameters
      state = saved.state
      history = saved.history
      samples = run.loadSamples()
      print("resuming \(run.checkpoint) at iteration \(saved.state.iteration)")
    } else if !options.has("force") {
      throw CommandLineOptions.Problem(
        "\(run.checkpoint) exists: add --resume to continue that run, --force to replace it, or choose another --out"
      )
    }
  }

  if options.has("mine") { try checkLearnerCode() }
  let start = state ?? Reference.initialState(hp, vocabularySize: corpus.vocabulary.count)
  let fast: StepTrainer
  if options.has("mine") {
    fast = FunctionsTrainer(state: start, hyperparameters: hp, functions: learnerFunctions)
  } else if batch > 1 {
    fast = FastTrainer(
      parameters: start.parameters, batch: batch, sequenceLength: hp.sequenceLength,
      learningRate: hp.learningRate, clipLimit: hp.clipLimit)
  } else {
    fast = FastTrainer(
      state: start, sequenceLength: hp.sequenceLength, learningRate: hp.learningRate,
      clipLimit: hp.clipLimit)
  }
  print(
    "training \(options.has("mine") ? "with your ex01 functions " : "")on \(source): \(corpus.training.count) characters, vocabulary \(corpus.vocabulary.count), H = \(hp.hiddenSize), sequence \(hp.sequenceLength), lr \(hp.learningRate), to iteration \(iterations)"
  )

  let prime =
    corpus.vocabulary.encode(
      primeText(corpus.vocabulary.decode(Array(corpus.training.prefix(200))))) ?? []
  signal(SIGINT) { _ in interrupted = 1 }
  let progress = Progress(
    total: iterations, start: fast.iteration, sequenceLength: hp.sequenceLength)
  let clock = Date()
  let startIteration = fast.iteration
  var diverged = false
  while fast.iteration < iterations && interrupted == 0 {
    let loss = fast.step(corpus.training)
    guard loss.isFinite else {
      diverged = true
      break
    }
    history.loss.append(loss)
    history.smoothLoss.append(fast.smoothLoss)
    let i = fast.iteration
    // Only every validationEvery iterations, so a stopped and resumed run keeps the same history.
    if i % hp.validationEvery == 0 {
      let v = Reference.validationLoss(
        corpus.validation, parameters: fast.parameters, sequenceLength: hp.sequenceLength,
        functions: .reference)
      guard v.isFinite else {
        diverged = true
        break
      }
      history.validation.append(ValidationPoint(iteration: i, lossPerCharacter: v))
      progress.line(i, loss: fast.smoothLoss, validation: v, force: true)
    } else {
      progress.line(i, loss: fast.smoothLoss, validation: nil, force: false)
    }
    if i % sampleEvery == 0 || i == iterations {
      let text = sample(
        fast.parameters, corpus.vocabulary, prime: prime, count: 200, seed: UInt64(i))
      samples.append(RunSample(iteration: i, temperature: 0.8, text: text))
      progress.show(sample: text, at: i)
    }
  }
  progress.finish()
  if diverged {
    throw CommandLineOptions.Problem(
      "the loss became \(fast.smoothLoss.isFinite ? "infinite" : "NaN") at iteration \(fast.iteration + 1): try a lower --lr (now \(hp.learningRate)); \(run.checkpoint) keeps the last good run, if any"
    )
  }

  let seconds = Date().timeIntervalSince(clock)
  let checkpoint = Checkpoint(
    vocabulary: corpus.vocabulary, hyperparameters: hp, state: fast.state, history: history)
  let corpusName =
    options.string("data") == nil ? try options.choice("corpus", default: BuiltInCorpus.play) : nil
  let summary = RunSummary(
    source: source, hyperparameters: hp, iterations: fast.iteration,
    smoothLossPerCharacter: fast.smoothLoss / Double(hp.sequenceLength),
    validationLossPerCharacter: Reference.validationLoss(
      corpus.validation, parameters: fast.parameters, sequenceLength: hp.sequenceLength,
      functions: .reference),
    seconds: seconds,
    charactersPerSecond: Double((fast.iteration - startIteration) * hp.sequenceLength * batch)
      / max(seconds, 1e-9),
    structure: corpusName.map { name in
      StructureScores(
        metric: name.metricName,
        trained: score(name, fast.parameters, corpus.vocabulary, prime: prime),
        untrained: score(
          name, Reference.initialState(hp, vocabularySize: corpus.vocabulary.count).parameters,
          corpus.vocabulary, prime: prime))
    })
  var summaryWithDiagnosis = summary
  let diagnosis = run.diagnosis(history, sequenceLength: hp.sequenceLength)
  summaryWithDiagnosis.diagnosis = diagnosis.rawValue
  try run.write(checkpoint: checkpoint, samples: samples, summary: summaryWithDiagnosis)
  if interrupted != 0 { print("stopped at iteration \(fast.iteration); continue with --resume") }
  print(
    String(
      format:
        "saved %@/ (checkpoint.json, losses.json, samples.json, summary.json, loss.svg) in %.1f s",
      folder, seconds))
  print(
    "loss per character  "
      + sparkline(Reference.perCharacter(history.loss, sequenceLength: hp.sequenceLength)))
  print("diagnosis: \(diagnosis.rawValue) — \(diagnosis.advice)")
  if let s = summary.structure {
    print(
      String(
        format: "structure (%@): %.2f trained, %.2f untrained", s.metric, s.trained, s.untrained))
  }
  print(
    "sample from it: swift run -c release rnn sample --checkpoint \(run.checkpoint) --temperature 0.8"
  )
  return interrupted != 0 ? 130 : 0
}

/// `count` characters at `temperature`, after warming the hidden state up on `prime` (a model
/// started cold from h = 0 is somewhere it rarely was in training, and can wander off).
func sample(
  _ p: RNNParameters, _ vocabulary: Vocabulary, prime: [Int], count: Int, seed: UInt64,
  temperature: Double = 0.8
) -> String {
  var rng = SeededGenerator(seed: seed)
  let start = prime.isEmpty ? [vocabulary.index(of: "\n") ?? 0] : prime
  let indices =
    (try? Reference.generate(
      parameters: p, seed: start, count: count, temperature: temperature, using: &rng)) ?? []
  return vocabulary.decode(indices)
}

/// The first line of a text (at most 80 characters) and its newline, if it has one: a natural
/// place for samples to start from.
func primeText(_ text: String) -> String {
  let line = String(text.prefix { $0 != "\n" }.prefix(80))
  return text.contains("\n") ? line + "\n" : line
}

/// The corpus's structure metric on twenty 300-character samples.
func score(
  _ corpus: BuiltInCorpus, _ p: RNNParameters, _ vocabulary: Vocabulary, prime: [Int],
  temperature: Double = 0.5
) -> Double {
  corpus.structureScore(
    (0..<20).map {
      sample(
        p, vocabulary, prime: prime, count: 300, seed: 1000 + UInt64($0), temperature: temperature)
    })
}

extension BuiltInCorpus {
  var metricName: String {
    switch self {
    case .play: "share of lines in the play's formats"
    case .code: "share of lines whose brackets balance, ending as code lines do"
    case .wiki: "share of well-formed [[links]]"
    }
  }
}

/// The live progress line on a terminal; plain lines (at validation) otherwise.
final class Progress {
  let total: Int
  let sequenceLength: Int
  let terminal = isatty(STDOUT_FILENO) != 0
  let clock = Date()
  let start: Int
  var lastDraw = Date.distantPast

  init(total: Int, start: Int, sequenceLength: Int) {
    self.total = total
    self.start = start
    self.sequenceLength = sequenceLength
  }

  func line(_ i: Int, loss: Double, validation: Double?, force: Bool) {
    let now = Date()
    guard force || (terminal && now.timeIntervalSince(lastDraw) > 0.2) else { return }
    lastDraw = now
    let elapsed = now.timeIntervalSince(clock)
    let rate = Double(i - start) / max(elapsed, 1e-9)
    let eta = Double(total - i) / max(rate, 1e-9)
    var text = String(
      format: "iteration %d/%d  loss %.3f/char  %.0f chars/s  ETA %d:%02d", i, total,
      loss / Double(sequenceLength),
      rate * Double(sequenceLength), Int(eta) / 60, Int(eta) % 60)
    if let validation { text += String(format: "  validation %.3f/char", validation) }
    if terminal {
      print("\r\u{1B}[K" + text, terminator: validation == nil ? "" : "\n")
    } else if validation != nil {
      print(text)
    }
    fflush(nil)
  }

  func show(sample: String, at i: Int) {
    if terminal { print("\r\u{1B}[K", terminator: "") }
    print("— sample at iteration \(i) —")
    print(
      sample.split(separator: "\n", omittingEmptySubsequences: false).prefix(6).joined(
        separator: "\n"))
    print("—")
  }

  func finish() {
    if terminal { print("") }
  }
}
