import CourseSupport
import Foundation
import ReferenceRNN

/// `rnn activations --checkpoint PATH [--text TEXT] [--units 32]`: the hidden state while the
/// model reads a text, as a heatmap of units × characters with the characters on the axis, to
/// hunt for interpretable units (one that tracks quotes, line ends, brackets …).
func activationsCommand(_ arguments: [String]) throws -> Int32 {
  let options = try CommandLineOptions(arguments, valued: ["checkpoint", "text", "units", "out"])
  guard let path = options.string("checkpoint") else {
    throw CommandLineOptions.Problem("name the model: --checkpoint runs/NAME/checkpoint.json")
  }
  let checkpoint = try Reference.loadCheckpoint(from: path)
  let vocabulary = checkpoint.vocabulary
  let p = checkpoint.state.parameters
  let text = options.string("text") ?? sample(p, vocabulary, prime: [], count: 80, seed: 1)
  guard !text.isEmpty, let indices = vocabulary.encode(text) else {
    throw CommandLineOptions.Problem("--text may use only characters the model was trained on")
  }
  let units = min(try options.int("units", default: 32), p.hiddenSize)
  var h = Vector.zeros(p.hiddenSize)
  var columns: [Vector] = []
  for x in indices {
    h = Reference.step(input: x, h: h, parameters: p).h
    columns.append(h)
  }
  let values = (0..<units).map { unit in columns.map { $0[unit] } }
  let folder = options.string("out") ?? URL(fileURLWithPath: path).deletingLastPathComponent().path
  try writeAtomically(
    Heatmap(
      title: "Hidden units while reading the text (tanh, −1 … 1)", xLabel: "character",
      yLabel: "hidden unit",
      values: values, columnLabels: text.unicodeScalars.map { String($0) }
    ).svg(width: max(760, Double(indices.count) * 9 + 150)), to: folder + "/activations.svg")
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
  struct Activations: Codable {
    let text: String
    /// activations[unit][character]
    let activations: [[Double]]
  }
  try writeAtomically(
    String(
      decoding: try encoder.encode(Activations(text: text, activations: values)), as: UTF8.self),
    to: folder + "/activations.json")
  print(
    "written: \(folder)/activations.svg and activations.json (\(units) units × \(indices.count) characters)"
  )
  return 0
}
