import CourseSupport
import Foundation
import GraderCore
import ReferenceRNN

/// Trains with `trainer` as `settings` say, then writes the run folder.
func runTraining<T: RunTrainer>(
  _ trainer: T, _ settings: TrainSettings, history: LossHistory, samples: [RunSample]
) throws -> Int32 {
  var session = TrainingSession(
    trainer: trainer, settings: settings, history: history, samples: samples)
  return try session.run()
}

/// One `rnn train` run of any trainer: the loop with its progress line, samples, validation and
/// Ctrl-C, then the run folder.
struct TrainingSession<T: RunTrainer> {
  let trainer: T
  let settings: TrainSettings
  var history: LossHistory
  var samples: [RunSample]
  /// Set once a validation far above training has been explained.
  var explained = false
  /// When the run's page was last written while training.
  var pageWritten = Date.distantPast

  var hp: Hyperparameters { settings.hyperparameters }
  var corpus: Corpus { settings.text.corpus }

  /// Samples start from the text's first line.
  var prime: [Int] {
    corpus.vocabulary.encode(
      primeText(corpus.vocabulary.decode(Array(corpus.training.prefix(200)))))
      ?? []
  }

  mutating func run() throws -> Int32 {
    let who = settings.mine ? "your ex01 RNN" : trainer.model.spec.description
    print(
      "training \(who) on \(settings.text.source): \(corpus.training.count) characters, vocabulary \(corpus.vocabulary.count), sequence \(hp.sequenceLength), lr \(hp.learningRate), \(resetsPhrase(hp.stateResets)), to iteration \(settings.iterations)"
    )
    signal(SIGINT) { _ in interrupted = 1 }
    try PageRecord.add("train", to: settings.run.path)
    writeLivePage()
    let clock = Date()
    let startIteration = trainer.iteration
    let progress = Progress(
      total: settings.iterations, start: startIteration, sequenceLength: hp.sequenceLength,
      batch: settings.batch)
    let prime = prime
    while trainer.iteration < settings.iterations && interrupted == 0 {
      if let problem = iterate(progress, prime: prime) {
        progress.finish()
        try? FolderPage(folder: settings.run.path).write()  // the run has ended: no more reloads
        throw CommandLineOptions.Problem(
          "\(problem) at iteration \(trainer.iteration): try a lower --lr (now \(hp.learningRate)); \(settings.run.checkpoint) keeps the last good run, if any"
        )
      }
    }
    progress.finish()
    let seconds = Date().timeIntervalSince(clock)
    let trained = Double((trainer.iteration - startIteration) * hp.sequenceLength * settings.batch)
    let summary = try save(seconds: seconds, charactersPerSecond: trained / max(seconds, 1e-9))
    report(summary, seconds: seconds)
    try writePage(settings.run.path, command: "train")
    return interrupted != 0 ? 130 : 0
  }

  /// One iteration with its bookkeeping; what went wrong, if the loss stopped being a number.
  private mutating func iterate(_ progress: Progress, prime: [Int]) -> String? {
    let loss = trainer.step(corpus.training)
    guard loss.isFinite else { return "the training loss became \(nonFinite(loss))" }
    history.loss.append(loss)
    history.smoothLoss.append(trainer.smoothLoss)
    let i = trainer.iteration
    // Only every validationEvery iterations, so a stopped and resumed run keeps the same history.
    if i % hp.validationEvery == 0 {
      let v = trainer.validationLoss(corpus.validation, sequenceLength: hp.sequenceLength)
      guard v.isFinite else { return "the validation loss became \(nonFinite(v))" }
      history.validation.append(ValidationPoint(iteration: i, lossPerCharacter: v))
      progress.line(i, loss: trainer.smoothLoss, validation: v, force: true)
      explainHighValidation(v, progress)
    } else {
      progress.line(i, loss: trainer.smoothLoss, validation: nil, force: false)
    }
    if i % settings.sampleEvery == 0 || i == settings.iterations {
      let text = sample(
        trainer.model, trainer.parameters, corpus.vocabulary, prime: prime, count: 200,
        seed: UInt64(i))
      samples.append(RunSample(iteration: i, temperature: 0.8, text: text))
      progress.show(sample: text, at: i)
    }
    if Date().timeIntervalSince(pageWritten) >= Double(FolderPage.refreshSeconds) / 2 {
      writeLivePage()
    }
    return nil
  }

  /// The run so far on its page, which reloads itself: a learner watches the model learn. A
  /// page that cannot be written does not stop the training (the final one is checked).
  private mutating func writeLivePage() {
    let live = LiveTraining(
      iteration: trainer.iteration, total: settings.iterations,
      chart: settings.run.lossChart(history, sequenceLength: hp.sequenceLength),
      samples: samples)
    try? FolderPage(folder: settings.run.path, live: live).write()
    pageWritten = Date()
  }

  /// A validation loss far above the training loss since the last validation: when the model
  /// fails from a fresh state, say so now rather than at the end.
  private mutating func explainHighValidation(_ v: Double, _ progress: Progress) {
    let recent = history.loss.suffix(hp.validationEvery)
    let training = recent.reduce(0, +) / Double(max(recent.count, 1)) / Double(hp.sequenceLength)
    guard !explained, v > training + FreshStateCheck.tolerance else { return }
    let check = trainer.freshStateCheck(corpus.validation, sequenceLength: hp.sequenceLength)
    guard !check.passed else { return }
    explained = true
    progress.note(
      "validation \(String(format: "%.3f", v)) is far above training's \(String(format: "%.3f", training)) since the last validation: the model \(check.finding) of the validation text"
    )
  }

  private func save(seconds: Double, charactersPerSecond: Double) throws -> RunSummary {
    let checkpoint = ModelCheckpoint(
      model: trainer.model, vocabulary: corpus.vocabulary, hyperparameters: hp, run: trainer.run,
      history: history)
    var summary = RunSummary(
      source: settings.text.source, model: trainer.model.spec, hyperparameters: hp,
      iterations: trainer.iteration,
      smoothLossPerCharacter: trainer.smoothLoss / Double(hp.sequenceLength),
      validationLossPerCharacter: trainer.validationLoss(
        corpus.validation, sequenceLength: hp.sequenceLength),
      seconds: seconds, charactersPerSecond: charactersPerSecond,
      structure: settings.text.builtIn.map(structureScores))
    summary.diagnosis = settings.run.diagnosis(history, sequenceLength: hp.sequenceLength).rawValue
    summary.freshState = trainer.freshStateCheck(
      corpus.validation, sequenceLength: hp.sequenceLength)
    try settings.run.write(checkpoint: checkpoint, samples: samples, summary: summary)
    return summary
  }

  /// The built-in corpus's structure metric, trained and untrained.
  private func structureScores(_ corpus: BuiltInCorpus) -> StructureScores {
    let model = trainer.model
    let untrained = model.initialParameters(seed: hp.seed)
    return StructureScores(
      metric: corpus.metricName,
      trained: structureScore(
        corpus, model, trainer.parameters, self.corpus.vocabulary, prime: prime),
      untrained: structureScore(corpus, model, untrained, self.corpus.vocabulary, prime: prime))
  }

  private func report(_ summary: RunSummary, seconds: Double) {
    let folder = settings.run.path
    if interrupted != 0 {
      print("stopped at iteration \(trainer.iteration); continue with --resume")
    }
    print(
      String(
        format:
          "saved %@/ (checkpoint.json, losses.json, samples.json, summary.json, loss.svg) in %.1f s",
        folder, seconds))
    print(
      "loss per character  "
        + sparkline(Reference.perCharacter(history.loss, sequenceLength: hp.sequenceLength)))
    let diagnosis = RunDiagnosis(
      curves: Diagnosis(rawValue: summary.diagnosis ?? "") ?? .healthy,
      freshState: summary.freshState, resets: hp.stateResets)
    print(diagnosis.line)
    print(diagnosis.freshStateLine)
    if let s = summary.structure {
      print(
        String(
          format: "structure (%@): %.2f trained, %.2f untrained", s.metric, s.trained, s.untrained))
    }
    print(
      "sample from it: swift run -c release rnn sample --checkpoint \(settings.run.checkpoint) --temperature 0.8"
    )
  }
}

private func nonFinite(_ x: Double) -> String { x.isNaN ? "NaN" : "infinite" }

/// How a run starts its windows, for its first line.
func resetsPhrase(_ resets: StateResets) -> String {
  switch resets {
  case .never: "state carried (min-char-rnn's loop)"
  case .random(let p, _): "\(String(format: "%g", p * 100))% of windows from a zero state"
  case .paragraphs: "windows after a blank line from a zero state"
  }
}
