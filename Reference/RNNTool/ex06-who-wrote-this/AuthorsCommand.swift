import CourseSupport
import Foundation
import GraderCore
import ReferenceRNN

let authorsCommand = Subcommand(
  "authors",
  "[--author NAME=FILE|\(BuiltInAuthor.allCases.map(\.rawValue).joined(separator: "|")) …] [--model \(ModelKind.choices)] [--hidden 64]\n"
    + "      [--iters 3000] [--passage 200] [--characters 100000] [--split \(AuthorStudy.Split.choices)]\n"
    + "      [--seed 1] [--out runs/authors]\n"
    + "      | --classify TEXT [--models runs/authors]",
  """
  lesson ex06: one model per author (the built-in authors when no --author is given; --author
  with a built-in author's name adds it to files, --characters of it; --split slices cuts each text
  into three contiguous parts instead of dealing it in blocks), then who wrote
  each held-out passage, by likelihood, by features of the models' hidden states and the style,
  and by character trigrams alone: report.md, results.json, accuracy.svg, and the models (in
  models/). With --classify, the likely author of a text, by the saved models
  """,
  valued: [
    "author", "model", "passage", "hidden", "iters", "characters", "out", "classify", "models",
    "split", "seed",
  ],
  run: authors)

func authors(_ options: CommandLineOptions) throws -> Int32 {
  if let text = options.string("classify") {
    return try classifyText(text, models: options.string("models") ?? "runs/authors")
  }
  let passage = try options.int("passage", default: 200, minimum: 20)
  let folder = options.string("out") ?? "runs/authors"
  let texts = try authorTexts(options)
  try RunFolder(path: folder).prepareForOutput()
  let split = try options.choice("split", default: AuthorStudy.Split.blocks)
  let study = AuthorStudy(texts: texts, split: split)
  let kind = try options.choice("model", default: ModelKind.rnn)
  let iterations = try options.int("iters", default: 3000)
  let hidden = try options.int("hidden", default: 64)
  let seed = UInt64(try options.int("seed", default: 1, minimum: 0))
  let training =
    kind.defaultOptimizer == .adagrad
    ? "\(iterations) iterations of Adagrad at 0.1" : "\(iterations) iterations of Adam at 0.003"
  print(
    "\(texts.count) authors (\(study.names.joined(separator: ", "))): training \(kind.withArticle) of H = \(hidden) for each, \(training)…"
  )
  let counter = Counter(total: study.names.count)
  let models = parallelMap(study.names.count) { k in
    defer { counter.tick() }
    return study.trainModel(k, kind, hiddenSize: hidden, iterations: iterations, seed: seed)
  }
  counter.finish()
  try saveAuthorModels(models, to: folder)
  let parts =
    split == .blocks
    ? "each text dealt in blocks of 2,000 characters (fewer for a text under 50,000), in turn three to train its model, one to train the feature classifier, one held out (60/20/20, so that every stretch of a text is in all three parts)"
    : "each text cut into three slices: the first 60% to train its model, the next 20% to train the feature classifier, the last 20% held out"
  let setup =
    "\(texts.count) authors (\(study.names.joined(separator: ", "))); \(parts); \(kind.withArticle) of H = \(hidden) per author, \(training), seed \(seed); 100 held-out passages per author and length."
  let evaluation = AuthorEvaluation(
    study: study, models: models, passage: passage, setup: setup)
  try evaluation.write(to: folder)
  return 0
}

/// The authors named by `--author NAME=FILE`, or the built-in ones; one line for any problem.
private func authorTexts(_ options: CommandLineOptions) throws -> [(name: String, text: String)] {
  let given = options.strings("author")
  guard !given.isEmpty else {
    let characters = try options.int("characters", default: 100_000, minimum: 5000)
    return BuiltInAuthor.allCases.map { ($0.rawValue, $0.text(characters: characters)) }
  }
  let characters = try options.int("characters", default: 100_000, minimum: 5000)
  let entries = try given.map { entry in
    if let builtIn = BuiltInAuthor(rawValue: entry) {
      return (name: entry, file: "", builtIn: Optional(builtIn))
    }
    let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
      throw CommandLineOptions.Problem(
        "--author needs NAME=FILE or a built-in author (\(BuiltInAuthor.allCases.map(\.rawValue).joined(separator: ", "))), got \"\(entry)\""
      )
    }
    // The name becomes a file name in models/.
    guard !parts[0].contains("/"), !parts[0].hasPrefix(".") else {
      throw CommandLineOptions.Problem(
        "\"\(parts[0])\" cannot name an author: use letters, digits, - or _ (it names a file)")
    }
    return (name: parts[0], file: parts[1], builtIn: BuiltInAuthor?.none)
  }
  guard entries.count >= 2 else {
    throw CommandLineOptions.Problem(
      "telling authors apart needs at least two: add another --author NAME=FILE")
  }
  if let twice = entries.first(where: { e in entries.filter { $0.name == e.name }.count > 1 }) {
    throw CommandLineOptions.Problem(
      "two authors are called \"\(twice.name)\": give each a name of its own")
  }
  var texts: [(name: String, text: String)] = []
  for (name, file, builtIn) in entries {
    if let builtIn {
      texts.append((name, builtIn.text(characters: characters)))
      continue
    }
    let corpus = try Reference.loadCorpus(at: file, sequenceLength: 25)
    let text = corpus.vocabulary.decode(corpus.training + corpus.validation)
    guard text.unicodeScalars.count >= 5000 else {
      throw CommandLineOptions.Problem(
        "\(name) (\(file)): \(text.unicodeScalars.count) characters is too short: an author needs at least 5,000 (a fifth is held out to measure on)"
      )
    }
    texts.append((name, text))
  }
  return texts
}

/// Each author's model as a checkpoint in `folder/models`, for `--classify`.
private func saveAuthorModels(_ models: [AuthorModel], to folder: String) throws {
  let directory = folder + "/models"
  try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  for model in models {
    try model.save(to: "\(directory)/\(model.name).json")
  }
}

/// `--classify TEXT`: the likelihood classifier with the saved models.
private func classifyText(_ text: String, models folder: String) throws -> Int32 {
  let directory = folder + "/models"
  let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
    .filter { $0.hasSuffix(".json") }.sorted()
  guard files.count >= 2 else {
    throw CommandLineOptions.Problem(
      "\(directory): no author models here; train them first with rnn authors --out \(folder)")
  }
  let models = try files.map { try Reference.loadTrainedModel(from: "\(directory)/\($0)") }
  let vocabulary = models[0].vocabulary
  if let other = models.firstIndex(where: { $0.vocabulary != vocabulary }) {
    throw CommandLineOptions.Problem(
      "\(directory)/\(files[other]) was trained with other characters than \(files[0]): train the authors together"
    )
  }
  guard !text.isEmpty else { throw CommandLineOptions.Problem("--classify needs some text") }
  if let unknown = text.unicodeScalars.first(where: { vocabulary.index(of: Character($0)) == nil })
  {
    throw CommandLineOptions.Problem(
      "\"\(unknown)\" does not occur in the authors' texts: the models cannot read it")
  }
  let passage = vocabulary.encode(text) ?? []
  let scorers = zip(files, models).map { file, m in m.scorer(name: String(file.dropLast(5))) }
  let warmup = [vocabulary.index(of: "\n") ?? 0]
  let p = Reference.classifyByLikelihood(passage, warmup: warmup, models: scorers)
  let width = scorers.map(\.name.count).max() ?? 0
  print("who wrote it, by likelihood (probability; the model's mean ln p per character)")
  for k in p.indices.sorted(by: { p[$0] > p[$1] }) {
    let perCharacter =
      Reference.logLikelihood(of: passage, after: warmup, model: scorers[k])
      / Double(passage.count)
    let name = scorers[k].name.padding(toLength: width, withPad: " ", startingAt: 0)
    print(name + String(format: "  %.4f  (%.3f)", p[k], perCharacter))
  }
  return 0
}
