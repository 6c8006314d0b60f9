import CourseSupport
import Foundation
import GraderCore
import ReferenceRNN

let depthCommand = Subcommand(
  "depth",
  "[--data FILE | --corpus \(BuiltInCorpus.choices)] [--model \(ModelKind.choices)] [--iters 5000]\n"
    + "      [--seeds 1,2,3] [--budget 30000]\n"
    + "      [--embedding 16] [--dropout 0.25] [--lr 0.003] [--out runs/depth]",
  """
  lesson ex09: one layer against two of the same number of parameters, and two with dropout
  between them, trained with the same budget (Adam): table.md, results.csv and validation.svg
  """,
  valued: [
    "data", "corpus", "characters", "model", "iters", "seeds", "budget", "embedding", "dropout",
    "lr", "out",
  ], run: depth)

func depth(_ options: CommandLineOptions) throws -> Int32 {
  let kind = try options.choice("model", default: ModelKind.lstm)
  let iterations = try options.int("iters", default: 5000)
  let seeds = try options.wholeNumbers("seeds", default: [1, 2, 3]).map(UInt64.init)
  let budget = try options.int("budget", default: 30_000, minimum: 100)
  let e = try options.int("embedding", default: 16)
  let dropout = try options.fraction("dropout", default: 0.25)
  let rate = try options.positive("lr", default: 0.003)
  let folder = options.string("out") ?? "runs/depth"
  try RunFolder(path: folder).prepareForOutput()
  let text = try TrainingText(options, sequenceLength: 25)
  let v = text.corpus.vocabulary.count
  func sized(_ layers: Int, _ dropout: Double?) -> ModelSpec {
    var h = 1
    while ModelSpec(kind: kind, vocabularySize: v, hiddenSize: h + 1, layers: layers, embedding: e)
      .parameterCount <= budget
    {
      h += 1
    }
    return ModelSpec(
      kind: kind, vocabularySize: v, hiddenSize: h, layers: layers, embedding: e, dropout: dropout)
  }
  let models = [
    ("1 layer", sized(1, nil)), ("2 layers", sized(2, nil)),
    ("2 layers, dropout \(dropout)", sized(2, dropout)),
  ]
  print(
    "\(kind.title)s of at most \(budget) parameters on \(text.source), \(iterations) iterations of Adam at \(rate), seeds \(seeds.map(String.init).joined(separator: ", ")):"
  )
  for (name, spec) in models {
    print("  \(name): H = \(spec.hiddenSize), \(spec.parameterCount) parameters")
  }
  let runs = compareModels(
    models, corpus: text.corpus, iterations: iterations, seeds: seeds, learningRate: rate)
  try writeComparison(
    runs, models: models.map(\.0), title: "Validation loss: one layer or two, the same size",
    to: folder, command: "depth")
  return 0
}
