import CourseSupport
import Foundation
import GraderCore
import ReferenceRNN

let taggerCommand = Subcommand(
  "tagger",
  "[--data FILE | --corpus \(BuiltInCorpus.choices)] [--characters 60000] [--iters 3000] [--seeds 1,2,3] [--hidden 32]\n"
    + "      [--lr 0.01] [--out runs/tagger]",
  """
  lesson ex09: how many letters are left in each word, tagged by a left-to-right RNN and by a
  bidirectional one trained alike; accuracy by position in the word: table.md, results.json,
  accuracy.svg
  """,
  valued: ["data", "corpus", "characters", "iters", "seeds", "hidden", "lr", "out"], run: tagger)

/// One tagger's accuracy on the held-out letters: overall, and by the letter's place in its word.
struct TaggerResult: Codable {
  var bidirectional: Bool
  var seed: UInt64
  var accuracy: Double
  /// byPosition[k]: accuracy on the (k+1)th letters of words (the last entry: that place or later).
  var byPosition: [Double]
}

func tagger(_ options: CommandLineOptions) throws -> Int32 {
  let iterations = try options.int("iters", default: 3000)
  let seeds = try options.wholeNumbers("seeds", default: [1, 2, 3]).map(UInt64.init)
  let hidden = try options.int("hidden", default: 32)
  let rate = try options.positive("lr", default: 0.01)
  let folder = options.string("out") ?? "runs/tagger"
  try RunFolder(path: folder).prepareForOutput()
  let text: String
  if let path = options.string("data") {
    let corpus = try Reference.loadCorpus(at: path, sequenceLength: 50)
    text = corpus.vocabulary.decode(corpus.training + corpus.validation)
  } else {
    text = try options.choice("corpus", default: BuiltInCorpus.play).text(
      characters: try options.int("characters", default: 60_000))
  }
  let vocabulary = Vocabulary(text: text)
  let inputs = vocabulary.encode(text) ?? []
  let labels = Reference.lettersLeft(text)
  let split = inputs.count * 9 / 10
  guard split >= 50, inputs.count - split >= 50 else {
    throw CommandLineOptions.Problem("the text is too short: it needs at least 500 characters")
  }
  print(
    "tagging letters left in each word: \(inputs.count) characters, H = \(hidden), \(iterations) windows of 50, Adam at \(rate), seeds \(seeds.map(String.init).joined(separator: ", "))…"
  )
  let jobs = seeds.flatMap { seed in [false, true].map { (seed, $0) } }
  let progress = Counter(total: jobs.count)
  let results = parallelMap(jobs.count) { k in
    let (seed, both) = jobs[k]
    let model = Tagger<RNNCell>(
      vocabularySize: vocabulary.count, labelCount: 5, hiddenSize: hidden, bidirectional: both)
    let p = Reference.trainTagger(
      model, inputs: Array(inputs[..<split]), labels: Array(labels[..<split]), length: 50,
      iterations: iterations, learningRate: rate, seed: seed)
    progress.tick()
    return heldOutAccuracy(model, p, inputs, labels, from: split, seed: seed)
  }
  progress.finish()
  try writeTagger(results, to: folder)
  return 0
}

private func heldOutAccuracy(
  _ model: Tagger<RNNCell>, _ p: Tagger<RNNCell>.Parameters, _ inputs: [Int], _ labels: [Int],
  from split: Int, seed: UInt64
) -> TaggerResult {
  var right = [Int](repeating: 0, count: 6)
  var total = [Int](repeating: 0, count: 6)
  var start = split
  while start + 50 <= inputs.count {
    let predicted = model.predict(Array(inputs[start..<(start + 50)]), parameters: p)
    var place = 0
    for k in 0..<50 {
      guard labels[start + k] < 4 else {
        place = 0
        continue
      }
      let slot = min(place, 5)
      total[slot] += 1
      if predicted[k] == labels[start + k] { right[slot] += 1 }
      place += 1
    }
    start += 50
  }
  return TaggerResult(
    bidirectional: model.bidirectional, seed: seed,
    accuracy: Double(right.reduce(0, +)) / Double(max(total.reduce(0, +), 1)),
    byPosition: zip(right, total).map { Double($0) / Double(max($1, 1)) })
}

private func writeTagger(_ results: [TaggerResult], to folder: String) throws {
  let places = ["1st", "2nd", "3rd", "4th", "5th", "6th+"]
  var lines = [
    "| reading | letters right: mean (lowest–highest) | "
      + places.map { "\($0) letter" }.joined(separator: " | ") + " |",
    "|---|---:|" + places.map { _ in "---:|" }.joined(),
  ]
  var series: [LineChart.Series] = []
  for (k, both) in [false, true].enumerated() {
    let mine = results.filter { $0.bidirectional == both }
    let a = mine.map(\.accuracy)
    let byPlace = places.indices.map { i in
      mine.map { $0.byPosition[i] }.reduce(0, +) / Double(max(mine.count, 1))
    }
    let name = both ? "both ways" : "left to right"
    lines.append(
      String(
        format: "| %@ | %.3f (%.3f–%.3f) | ", name, a.reduce(0, +) / Double(max(a.count, 1)),
        a.min() ?? .nan, a.max() ?? .nan)
        + byPlace.map { String(format: "%.2f", $0) }.joined(separator: " | ") + " |")
    series.append(
      .init(
        name: name, points: byPlace.enumerated().map { (x: Double($0.offset + 1), y: $0.element) },
        colour: k))
  }
  let table = lines.joined(separator: "\n") + "\n"
  try writeAtomically(table, to: folder + "/table.md")
  try writeAtomically(try json(results), to: folder + "/results.json")
  try writeAtomically(
    LineChart(
      title: "How many letters are left? Accuracy by the letter's place in its word",
      xLabel: "place of the letter in its word (6: sixth or later)",
      yLabel: "accuracy (mean over seeds)",
      series: series, yRange: 0...1
    ).svg(), to: folder + "/accuracy.svg")
  print(table)
  print("written: \(folder)/table.md, results.json, accuracy.svg")
  try writePage(folder, command: "tagger")
}
