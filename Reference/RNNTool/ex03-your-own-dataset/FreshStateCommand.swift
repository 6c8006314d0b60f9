import CourseSupport
import Foundation
import GraderCore
import ReferenceRNN

let freshStateCommand = Subcommand(
  "fresh-state",
  "[--data FILE | --corpus \(BuiltInCorpus.choices)] [--model \(ModelKind.choices)] [--hidden 100] [--seq 25]\n"
    + "      [--iters 1000] [--seeds 20] [--resets never,0.05] [--out runs/fresh-state]",
  """
  lesson ex03: trains one model per seed (1 … --seeds) under each reset rule in --resets (never,
  paragraphs, or the share of windows that start from a zero state) and checks each from a fresh
  state on the validation text: how many work only from the states they trained in, and what the
  rule costs. The text is Reference/Texts/shakespeare-100k.txt unless --data or --corpus names
  another. Writes report.md, results.json, fresh-loss.svg and hidden-state.svg
  """,
  valued: ModelOptions.valued.union([
    "data", "corpus", "characters", "seq", "iters", "seeds", "out",
  ])
) { options in
  let study = try FreshStateStudy(options)
  try RunFolder(path: study.folder).prepareForOutput()
  let (runs, kept) = study.runAll()
  try study.write(runs, kept: kept)
  return 0
}

/// One trained model, judged from a fresh state.
struct FreshStateRun: Codable {
  var resets: String
  var seed: Int
  /// Mean loss per character of the last 100 training windows.
  var trainingLoss: Double
  /// The validation loss per character, read from a zero state.
  var validationLoss: Double
  var check: FreshStateCheck
  var seconds: Double
  /// On the stretch where the model is worst from zero, after its first 50 characters: the share
  /// of (unit, character) pairs whose hidden value has the opposite sign read from zero and read
  /// from the carried state. Broken models sit near 1, but so do some healthy ones: a state from
  /// zero need not be the training state, only one the output layer reads right.
  var oppositeSigns: Double
}

/// `rnn fresh-state`: the same model trained on the same text from several seeds, under each
/// reset rule.
struct FreshStateStudy {
  static let shippedText = "Reference/Texts/shakespeare-100k.txt"

  let text: TrainingText
  let model: ModelOptions
  let sequenceLength: Int
  let iterations: Int
  let seeds: [Int]
  let rules: [(name: String, choice: ResetChoice)]
  let folder: String

  init(_ options: CommandLineOptions) throws {
    model = try ModelOptions(options, resetsOption: false)
    sequenceLength = try options.int("seq", default: 25)
    iterations = try options.int("iters", default: 1000)
    seeds = Array(1...(try options.int("seeds", default: 20)))
    // min-char-rnn's loop against the vanilla RNN's default, for any model unless told.
    let names = (options.string("resets") ?? "never,\(ModelKind.rnn.defaultResetProbability)")
      .split(separator: ",", omittingEmptySubsequences: false)
      .map { $0.trimmingCharacters(in: .whitespaces) }
    let parsed = try names.map { (name: $0, choice: try ResetChoice($0)) }
    if let twice = parsed.indices.first(where: { i in
      parsed[..<i].contains { $0.choice == parsed[i].choice }
    }) {
      throw CommandLineOptions.Problem(
        "--resets names the rule \(parsed[twice].name) twice (never and 0 are the same rule): list each once"
      )
    }
    rules = parsed
    folder = options.string("out") ?? "runs/fresh-state"
    text = try TrainingText(
      options, sequenceLength: sequenceLength,
      defaultFile: options.string("corpus") == nil ? Self.shippedText : nil)
    for rule in rules { _ = try rule.choice.checked(against: text.corpus.vocabulary) }
  }

  var corpus: Corpus { text.corpus }

  func hyperparameters(seed: Int, rule: ResetChoice) -> Hyperparameters {
    Hyperparameters(
      hiddenSize: model.hiddenSize, sequenceLength: sequenceLength,
      learningRate: model.learningRate, seed: UInt64(seed), validationEvery: iterations,
      resets: rule.rule(seed: UInt64(seed), newline: corpus.vocabulary.index(of: "\n")))
  }

  /// Every rule on every seed, one line printed per run; with the models the pictures need (the
  /// seeds broken under the first rule, under the first and the last rule), kept.
  func runAll() -> (runs: [FreshStateRun], kept: [String: [Int: TrainedForStudy]]) {
    print(
      "\(model.spec(vocabularySize: corpus.vocabulary.count).description) on \(text.source), \(iterations) iterations, seeds 1–\(seeds.count), under \(rules.count) reset rules"
    )
    var runs: [FreshStateRun] = []
    var kept: [String: [Int: TrainedForStudy]] = [:]
    var brokenFirst: Set<Int> = []
    for (r, rule) in rules.enumerated() {
      for seed in seeds {
        let trained = trainedModel(seed: seed, rule: rule.choice)
        let run = summarize(trained, seed: seed, rule: rule.name)
        if r == 0 && !run.check.passed { brokenFirst.insert(seed) }
        if (r == 0 || r == rules.count - 1) && brokenFirst.contains(seed) {
          kept[rule.name, default: [:]][seed] = trained
        }
        print(line(run))
        runs.append(run)
      }
    }
    return (runs, kept)
  }

  /// "  resets never  seed  1  training 2.843  validation 9.983  worst stretch 10.032 from zero,
  /// 2.675 carried  BROKEN"
  func line(_ run: FreshStateRun) -> String {
    let check = run.check
    let worst =
      check.worst.map {
        String(
          format: "worst stretch %.3f from zero, %.3f carried", check.fresh[$0], check.carried[$0])
      } ?? "no stretch to read"
    return String(
      format: "  resets %@  seed %2d  training %.3f  validation %.3f  %@  %@", run.resets, run.seed,
      run.trainingLoss, run.validationLoss, worst,
      check.verdict == .fails ? "BROKEN" : check.verdict == .untrained ? "not judged yet" : "")
  }

  func summarize(_ trained: TrainedForStudy, seed: Int, rule: String) -> FreshStateRun {
    let check = trained.check
    let stretch = check.worst.map {
      Array(corpus.validation[check.offsets[$0]..<(check.offsets[$0] + check.length)])
    }
    return FreshStateRun(
      resets: rule, seed: seed, trainingLoss: trained.trainingLoss,
      validationLoss: trained.validationLoss, check: trained.check, seconds: trained.seconds,
      oppositeSigns: stretch.map {
        oppositeSigns(trained.trace($0, false), trained.trace($0, true), after: 50)
      } ?? 0)
  }

  /// The share of (unit, step) pairs from step `after` on where the two traces differ in sign.
  func oppositeSigns(_ a: StateTrace, _ b: StateTrace, after start: Int) -> Double {
    var (opposite, all) = (0, 0)
    for t in start..<min(a.hidden.count, b.hidden.count) {
      for u in a.hidden[t].indices {
        if a.hidden[t][u] * b.hidden[t][u] < 0 { opposite += 1 }
        all += 1
      }
    }
    return all == 0 ? 0 : Double(opposite) / Double(all)
  }

  /// One model trained as `rnn train` trains it, with what the study needs of it.
  func trainedModel(seed: Int, rule: ResetChoice) -> TrainedForStudy {
    let spec = model.spec(vocabularySize: corpus.vocabulary.count)
    return trainedForStudy(spec.makeModel(), hyperparameters(seed: seed, rule: rule))
  }

  private func trainedForStudy<M: LanguageModel>(_ model: M, _ hp: Hyperparameters)
    -> TrainedForStudy
  {
    let clock = Date()
    let run = RunState(
      fresh: model, seed: hp.seed, sequenceLength: hp.sequenceLength,
      optimizer: self.model.optimizer)
    let trainer = makeTrainer(model, run, hp)
    var recent: [Double] = []
    while trainer.iteration < iterations {
      recent.append(trainer.step(corpus.training))
      if recent.count > 100 { recent.removeFirst() }
    }
    let t = Double(hp.sequenceLength)
    return TrainedForStudy(
      trainingLoss: recent.reduce(0, +) / Double(max(recent.count, 1)) / t,
      validationLoss: trainer.validationLoss(corpus.validation, sequenceLength: hp.sequenceLength),
      check: trainer.freshStateCheck(corpus.validation, sequenceLength: hp.sequenceLength),
      seconds: Date().timeIntervalSince(clock),
      trace: { text, fromCarried in
        traceStates(
          model, trainer.parameters, text, from: fromCarried ? trainer.run.carried : nil)
      })
  }
}

/// A trained model as the study sees it: its losses, its check, and a way to trace it.
struct TrainedForStudy {
  var trainingLoss: Double
  var validationLoss: Double
  var check: FreshStateCheck
  var seconds: Double
  /// The hidden state after each character of a text, and the loss of predicting the next one,
  /// read from a zero state or from the state training carried.
  var trace: (_ text: [Int], _ fromCarried: Bool) -> StateTrace
}

struct StateTrace {
  /// hidden[t]: the top layer's h after reading text[t].
  var hidden: [Vector]
  /// losses[t]: −ln p(text[t + 1]) after reading text[t].
  var losses: [Double]
}

/// `model` read over `text` from `start` (zero when nil).
func traceStates<M: LanguageModel>(
  _ model: M, _ p: M.Parameters, _ text: [Int], from start: M.State?
) -> StateTrace {
  let read = Reference.read(text, model: model, parameters: p, from: start)
  return StateTrace(
    hidden: read.hidden,
    losses: text.indices.dropLast().map { -read.logProbabilities[$0][text[$0 + 1]] })
}
