import CourseSupport
import Foundation
import GraderCore
import ReferenceRNN

let saliencyCommand = Subcommand(
  "saliency",
  "--checkpoint RUN/checkpoint.json[,RUN2/checkpoint.json…] (--text TEXT | --data FILE | --corpus \(BuiltInCorpus.choices))\n"
    + "      [--length 400] [--start 0] [--reach 30] [--shown 40] [--out DIR]",
  """
  which characters a model looked at: for each position t of the text, the size of
  ∂ ln p(x_t | x_<t) / ∂ x_{t−k} for k = 1 … --reach (x: the one-hot input, or the embedding
  row), for any model the course trains. Draws each prediction's row over the text
  (saliency-text-RUN.svg) and the mean against k (saliency-by-distance.svg), writes saliency.md and
  saliency.json. With --data or --corpus it reads --length characters of the text's validation
  part (its last tenth), from --start. Several checkpoints, read on the same text, are compared
  """,
  valued: [
    "checkpoint", "text", "data", "corpus", "characters", "length", "start", "reach", "shown",
    "out",
  ],
  run: saliency)

/// One model's saliency on the text, and what names it.
struct SaliencyRun: Codable, Sendable {
  /// The run's folder name ("lstm").
  var run: String
  var model: String
  var saliency: Saliency
  var meanByDistance: [Double]
  var meanShareByDistance: [Double]
}

func saliency(_ options: CommandLineOptions) throws -> Int32 {
  guard let list = options.string("checkpoint") else {
    throw CommandLineOptions.Problem("name the model: --checkpoint runs/NAME/checkpoint.json")
  }
  let paths = list.split(separator: ",").map(String.init)
  guard !paths.isEmpty else {
    throw CommandLineOptions.Problem("name the model: --checkpoint runs/NAME/checkpoint.json")
  }
  let reach = try options.int("reach", default: 30)
  let shown = try options.int("shown", default: 40)
  let folder =
    options.string("out")
    ?? (paths.count == 1 ? folderHolding(paths[0]) : "runs/saliency")
  let models = try paths.map { try Reference.loadTrainedModel(from: $0) }
  let text = try saliencyText(options, reach: reach)
  let indices = try zip(paths, models).map { try encoded(text, by: $1, path: $0, reach: reach) }
  try RunFolder(path: folder).prepareForOutput()
  print(
    "saliency of \(text.unicodeScalars.count) characters, \(reach) back, for \(paths.count) model\(paths.count == 1 ? "" : "s")…"
  )
  let runs = parallelMap(paths.count) {
    saliencyRun(models[$0], path: paths[$0], text: indices[$0], reach: reach)
  }
  try writeSaliency(runs, text: text, shown: shown, to: folder)
  try writePage(folder, command: "saliency")
  return 0
}

/// `--text` as given, or `--length` characters of a file's or a built-in corpus's validation part.
private func saliencyText(_ options: CommandLineOptions, reach: Int) throws -> String {
  if let text = options.string("text") {
    guard options.string("data") == nil && options.string("corpus") == nil else {
      throw CommandLineOptions.Problem("give --text, --data or --corpus, one of them")
    }
    return text
  }
  guard options.string("data") != nil || options.string("corpus") != nil else {
    throw CommandLineOptions.Problem(
      "give the text to read: --text TEXT, --data FILE or --corpus NAME")
  }
  let corpus = try TrainingText(options, sequenceLength: reach + 1).corpus
  let start = try options.int("start", default: 0, minimum: 0)
  let count = try options.int("length", default: 400, minimum: 2)
  guard start < corpus.validation.count else {
    throw CommandLineOptions.Problem(
      "--start \(start): the validation part has \(corpus.validation.count) characters")
  }
  return corpus.vocabulary.decode(Array(corpus.validation.dropFirst(start).prefix(count)))
}

/// The text in the model's vocabulary, checked to be longer than the reach.
private func encoded(_ text: String, by trained: any TrainedModel, path: String, reach: Int) throws
  -> [Int]
{
  guard let indices = trained.vocabulary.encode(text) else {
    let unknown = text.unicodeScalars.first { trained.vocabulary.encode(String($0)) == nil }
    let named = unknown.map { "«\($0)» (U+\(String(format: "%04X", $0.value)))" } ?? ""
    throw CommandLineOptions.Problem(
      "\(path) was not trained on the character \(named) in the text: use a text of the characters it knows"
    )
  }
  guard indices.count > reach else {
    throw CommandLineOptions.Problem(
      "the text has \(indices.count) characters: it needs more than --reach \(reach)")
  }
  return indices
}

private func saliencyRun(_ trained: any TrainedModel, path: String, text: [Int], reach: Int)
  -> SaliencyRun
{
  let s = trained.saliency(of: text, reach: reach)
  let run = URL(fileURLWithPath: path).deletingLastPathComponent().lastPathComponent
  return SaliencyRun(
    run: run, model: trained.model.spec.description, saliency: s,
    meanByDistance: s.meanByDistance, meanShareByDistance: s.meanShareByDistance)
}

extension TrainedModel {
  /// The saliency of `text` under this model (`LanguageModel.saliency`).
  func saliency(of text: [Int], reach: Int) -> Saliency {
    model.saliency(of: text, reach: reach, parameters: parameters)
  }
}
