import CourseSupport
import Foundation
import GraderCore
import ReferenceRNN

let seq2seqCommand = Subcommand(
  "seq2seq",
  "[--seeds 1,2,3] [--steps 1500] [--hidden 64] [--max-length 12] [--per-length 40]\n"
    + "      [--beams 1,2,5,12] [--out runs/seq2seq]",
  """
  lesson ex12: digit words to digits with three LSTM encoder–decoders (plain, source reversed,
  attention), each seed the same examples; exact-match accuracy against source length, greedy
  against beam search, attention maps; report.md, results.json and pictures
  """,
  valued: ["seeds", "steps", "hidden", "max-length", "per-length", "beams", "out"],
  run: seq2seq)

/// The three encoder–decoders ex12 compares.
enum Seq2SeqVariant: String, Codable, CaseIterable {
  case plain, reversed, attention

  /// How the report names it.
  var title: String {
    switch self {
    case .plain: "plain"
    case .reversed: "source reversed"
    case .attention: "attention"
    }
  }

  func model(hidden: Int) -> Seq2SeqModel<LSTMCell> {
    Seq2SeqModel<LSTMCell>(
      sourceVocabularySize: DigitWords.sourceVocabularySize,
      targetVocabularySize: DigitWords.targetVocabularySize, hiddenSize: hidden,
      attentionSize: self == .attention ? hidden / 2 : nil, reversesSource: self == .reversed,
      endToken: DigitWords.end)
  }
}

/// What the experiment was asked to do.
struct Seq2SeqSettings: Codable {
  var seeds: [UInt64]
  var steps: Int
  var batch: Int
  var learningRate: Double
  var hidden: Int
  var maxLength: Int
  var perLength: Int
  var beams: [Int]
}

func seq2seq(_ options: CommandLineOptions) throws -> Int32 {
  let settings = Seq2SeqSettings(
    seeds: try options.wholeNumbers("seeds", default: [1, 2, 3]).map(UInt64.init),
    steps: try options.int("steps", default: 1500), batch: 16, learningRate: 0.005,
    hidden: try options.int("hidden", default: 64),
    maxLength: try options.int("max-length", default: 12),
    perLength: try options.int("per-length", default: 40),
    beams: try options.wholeNumbers("beams", default: [1, 2, 5, 12]))
  for (name, value) in [
    ("steps", settings.steps), ("hidden", settings.hidden), ("max-length", settings.maxLength),
    ("per-length", settings.perLength),
  ] where value < 1 {
    throw CommandLineOptions.Problem("--\(name) must be at least 1, got \(value)")
  }
  guard settings.hidden >= 2, settings.beams.allSatisfy({ $0 >= 1 }), !settings.seeds.isEmpty
  else {
    throw CommandLineOptions.Problem(
      "--hidden must be at least 2, every --beams width at least 1, and --seeds not empty")
  }
  try checkSeq2SeqMemory(settings)
  let folder = options.string("out") ?? "runs/seq2seq"
  try RunFolder(path: folder).prepareForOutput()
  let study = Seq2SeqStudy(settings: settings)
  let trained = study.train()
  let beams = study.beamSearch(trained)
  try Seq2SeqFiles(settings: settings, runs: trained, beams: beams).write(to: folder)
  return 0
}

/// Refuses, with the figure, sizes that cannot fit in memory: each model's tensors (two LSTMs,
/// the output layer, attention) held about 20 times over (parameters, gradients, Adam's two
/// memories and a batch's sum on each of two threads, and every trained model kept for
/// decoding), plus what a step keeps for backward, which is small next to that.
func checkSeq2SeqMemory(_ s: Seq2SeqSettings) throws {
  let h = Double(s.hidden)
  let perModel = 2 * 4 * h * (h + 12) + 12 * h + h * h + h
  try refuseOverMemory(
    8 * perModel * Double(20 + 3 * s.seeds.count), what: "--hidden \(s.hidden)",
    advice: "choose a smaller --hidden")
}
