import CourseSupport
import Foundation
import GraderCore
import ReferenceRNN

let gatesCommand = Subcommand(
  "gates",
  "--checkpoint runs/NAME/checkpoint.json [--text TEXT | --data FILE | --corpus \(BuiltInCorpus.choices)]\n"
    + "      [--characters 2000] [--shown 100] [--units 32] [--layer L] [--out DIR]",
  """
  lesson ex07: an LSTM's gates while it reads a text: heatmaps of f, i, o and c per unit and
  character (gates-forget.svg, gates-input.svg, gates-output.svg, gates-cell.svg) for the
  first --units units and every unit that counts along the line (its cell state follows the
  position in the line, correlation 0.7 or more: outlined in every picture), how often each
  unit's gates are saturated (saturation.svg), and the numbers (gates.json). The text is your
  own, a file, a built-in corpus, or else 2,000 characters the model writes itself
  """,
  valued: ["checkpoint", "text", "data", "corpus", "characters", "shown", "units", "layer", "out"],
  run: gates)

/// One LSTM layer's gates at every step of a text.
struct GateTrace: Codable {
  var text: String
  var layer: Int
  /// The unit of each row of `shown`: the first few, then any counting unit after them.
  var units: [Int]
  /// values[gate][row][step] for the first `shown` steps; gate is f, i, o or c.
  var shown: [String: [[Double]]]
  /// For every unit: the correlation of its cell state with the position in the line (the
  /// characters since the last newline), over the whole text.
  var lineCorrelation: [Double]
  /// The units that count along the line: |lineCorrelation| of `countingThreshold` or more.
  var counting: [Int]
  /// Per gate (f, i, o): the fraction of all steps each unit spent below 0.1 and above 0.9.
  var saturation: [String: SaturationFractions]

  struct SaturationFractions: Codable {
    var left: [Double]
    var right: [Double]
  }

  /// How closely a cell must follow the position in the line to count along it.
  static let countingThreshold = 0.7
}

func gates(_ options: CommandLineOptions) throws -> Int32 {
  guard let path = options.string("checkpoint") else {
    throw CommandLineOptions.Problem("name the model: --checkpoint runs/NAME/checkpoint.json")
  }
  let loaded = try Reference.loadTrainedModel(from: path)
  guard let lstm = loaded as? ModelCheckpoint<CharModel<LSTMCell>> else {
    throw CommandLineOptions.Problem(
      "rnn gates reads an LSTM's gates, and \(path) holds a \(loaded.model.spec.description): train one with rnn train --model lstm"
    )
  }
  let text = try gateText(options, lstm)
  let layer = try options.int("layer", default: lstm.model.spec.layers)
  guard layer <= lstm.model.spec.layers else {
    throw CommandLineOptions.Problem("--layer \(layer): the model has \(lstm.model.spec.layers)")
  }
  let trace = gateTrace(
    lstm, text: text, layer: layer - 1, shown: try options.int("shown", default: 100),
    units: try options.int("units", default: 32))
  let folder = options.string("out") ?? folderHolding(path)
  try writeGatePictures(trace, to: folder)
  print(
    "written: \(folder)/gates-forget.svg, gates-input.svg, gates-output.svg, gates-cell.svg, saturation.svg, gates.json"
  )
  var printed = Transcript()
  for gate in ["f", "i", "o"] {
    let s = trace.saturation[gate]!
    let mostlyShut = s.left.count { $0 > 0.5 }
    let mostlyOpen = s.right.count { $0 > 0.5 }
    printed.say(
      "\(gateName(gate)) gate: \(mostlyShut) of \(s.left.count) units shut (below 0.1) more than half the time, \(mostlyOpen) open (above 0.9)"
    )
  }
  printed.say(countingSummary(trace))
  try writePage(folder, command: "gates", printed: printed.lines)
  return 0
}

/// One line: which units count along the line, with their correlations.
private func countingSummary(_ trace: GateTrace) -> String {
  guard !trace.counting.isEmpty else {
    return String(
      format:
        "cell state: no unit counts along the line (none follows the position in the line with a correlation of %.1f or more)",
      GateTrace.countingThreshold)
  }
  let each = trace.counting.map { String(format: "%d (%.2f)", $0, trace.lineCorrelation[$0]) }
  return
    "cell state: \(trace.counting.count == 1 ? "unit" : "units") \(each.joined(separator: ", ")) count along the line (the correlation of c with the position in the line), outlined in every gates-*.svg"
}

/// For each unit, the correlation of its cell state with the position in the line: how many
/// characters have been read since the last newline (0 at the first character after one).
/// A unit whose state never changes, or a text whose position never does, gives 0.
private func lineCorrelations(_ cells: [Vector], text: [Int], newline: Int?) -> [Double] {
  var position: [Double] = []
  var since = 0.0
  for character in text {
    position.append(since)
    since = character == newline ? 0 : since + 1
  }
  func correlation(_ a: [Double], _ b: [Double]) -> Double {
    let (ma, mb) = (a.reduce(0, +) / Double(a.count), b.reduce(0, +) / Double(b.count))
    var (ab, aa, bb) = (0.0, 0.0, 0.0)
    for (x, y) in zip(a, b) {
      ab += (x - ma) * (y - mb)
      aa += (x - ma) * (x - ma)
      bb += (y - mb) * (y - mb)
    }
    return aa > 0 && bb > 0 ? ab / (aa * bb).squareRoot() : 0
  }
  return (cells.first?.indices ?? 0..<0).map { u in correlation(cells.map { $0[u] }, position) }
}

/// The text the gates are measured on, as indices the model knows.
private func gateText(_ options: CommandLineOptions, _ lstm: ModelCheckpoint<CharModel<LSTMCell>>)
  throws -> [Int]
{
  let characters = try options.int("characters", default: 2000)
  let text: String
  if let given = options.string("text") {
    text = given
  } else if options.string("data") != nil || options.string("corpus") != nil {
    let corpus = try TrainingText(options, sequenceLength: 1).corpus
    text = corpus.vocabulary.decode(Array(corpus.validation.prefix(characters)))
  } else {
    text = lstm.sampleText(prime: [], count: characters, seed: 1, temperature: 0.8)
  }
  guard !text.isEmpty, let indices = lstm.vocabulary.encode(text) else {
    throw CommandLineOptions.Problem(
      "the text may use only characters the model was trained on (its vocabulary has \(lstm.vocabulary.count))"
    )
  }
  return indices
}

private func gateTrace(
  _ lstm: ModelCheckpoint<CharModel<LSTMCell>>, text: [Int], layer: Int, shown: Int, units: Int
) -> GateTrace {
  let record = lstm.model.forward(
    inputs: text, targets: text.map { _ in 0 }, from: lstm.model.zeroState(),
    parameters: lstm.parameters
  ).record
  let caches = record.caches.map { $0[layer] }
  let paths: [(String, KeyPath<LSTMCell.Cache, Vector>)] = [
    ("f", \.f), ("i", \.i), ("o", \.o), ("c", \.c),
  ]
  let u = min(units, lstm.model.spec.hiddenSize)
  let correlations = lineCorrelations(
    caches.map(\.c), text: text, newline: lstm.vocabulary.encode("\n")?.first)
  let counting = correlations.indices.filter {
    abs(correlations[$0]) >= GateTrace.countingThreshold
  }
  let rows = Array(0..<u) + counting.filter { $0 >= u }
  var trace = GateTrace(
    text: lstm.vocabulary.decode(Array(text.prefix(shown))), layer: layer + 1, units: rows,
    shown: [:], lineCorrelation: correlations, counting: counting, saturation: [:])
  for (name, path) in paths {
    let values = caches.map { $0[keyPath: path] }
    trace.shown[name] = rows.map { unit in values.prefix(shown).map { $0[unit] } }
    if name != "c" {
      let s = Reference.saturation(of: values)
      trace.saturation[name] = .init(left: s.left, right: s.right)
    }
  }
  return trace
}

/// A picture's note: which rows are outlined, and why (the gates' pictures send the reader to
/// the cell's); nil in a gate's picture when no row is.
private func countingNote(_ trace: GateTrace, inCellPicture: Bool) -> String? {
  let threshold = String(format: "%.1f", GateTrace.countingThreshold)
  guard !trace.counting.isEmpty else {
    return inCellPicture
      ? "no unit counts along the line (correlation with the position in the line below \(threshold))"
      : nil
  }
  let names = trace.counting.map(String.init).joined(separator: ", ")
  let units = "\(trace.counting.count == 1 ? "unit" : "units") \(names)"
  return inCellPicture
    ? "outlined: \(units), counting along the line (correlation with the position in the line \(threshold) or more)"
    : "outlined: \(units), whose cell state counts along the line (gates-cell.svg)"
}

private func gateName(_ gate: String) -> String {
  ["f": "forget", "i": "input", "o": "output", "c": "cell"][gate]!
}

private func writeGatePictures(_ trace: GateTrace, to folder: String) throws {
  let labels = trace.text.unicodeScalars.map { String($0) }
  let width = max(760, Double(labels.count) * 9 + 150)
  for gate in ["f", "i", "o", "c"] {
    let title =
      gate == "c"
      ? "Cell state c of layer \(trace.layer) while reading the text"
      : "The \(gateName(gate)) gate of layer \(trace.layer) while reading the text (0 shut … 1 open)"
    // The counting units are marked in every picture: the lesson has them shut their forget
    // gates at each newline too.
    var map = Heatmap(
      title: title, xLabel: "character", yLabel: "unit", values: trace.shown[gate]!,
      columnLabels: labels, range: gate == "c" ? nil : 0...1,
      rowLabels: trace.units.map(String.init),
      markedRows: trace.units.indices.filter { trace.counting.contains(trace.units[$0]) },
      note: countingNote(trace, inCellPicture: gate == "c"))
    map.rowBreaks = trace.units.indices.dropFirst().filter {
      trace.units[$0] != trace.units[$0 - 1] + 1
    }
    // 12 pixels a row: every unit's number fits beside it, legibly.
    try writeAtomically(
      map.svg(width: width, height: max(420, Double(trace.units.count) * 12 + 130)),
      to: "\(folder)/gates-\(gate == "c" ? "cell" : gateName(gate)).svg")
  }
  let series = ["f", "i", "o"].map { gate in
    let s = trace.saturation[gate]!
    return LineChart.Series(
      name: "\(gateName(gate)) gate", points: zip(s.left, s.right).map { (x: $0, y: $1) },
      style: .dots)
  }
  try writeAtomically(
    LineChart(
      title: "How often each unit's gates are saturated",
      xLabel: "fraction of steps below 0.1 (shut)",
      yLabel: "fraction of steps above 0.9 (open)", series: series,
      note: "one dot per unit and gate (Karpathy, Johnson and Fei-Fei, 2015)", xRange: 0...1,
      yRange: 0...1
    ).svg(width: 560, height: 520), to: folder + "/saturation.svg")
  try writeAtomically(try json(trace), to: folder + "/gates.json")
}
