import CourseSupport
import Foundation
import GraderCore
import ReferenceRNN

let activationsCommand = Subcommand(
  "activations", "--checkpoint runs/NAME/checkpoint.json [--text TEXT] [--units 32] [--out DIR]",
  """
  the hidden units (the top layer's h) while the model reads a text, as a heatmap of units ×
  characters with the characters on the axis (activations.svg and activations.json)
  """,
  valued: ["checkpoint", "text", "units", "out"]
) { options in
  let trained = try trainedModel(options)
  let vocabulary = trained.vocabulary
  let text =
    options.string("text") ?? trained.sampleText(prime: [], count: 80, seed: 1, temperature: 0.8)
  guard !text.isEmpty, let indices = vocabulary.encode(text) else {
    throw CommandLineOptions.Problem("--text may use only characters the model was trained on")
  }
  let columns = trained.hiddenStates(reading: indices)
  let units = min(try options.int("units", default: 32), columns[0].count)
  let values = (0..<units).map { unit in columns.map { $0[unit] } }
  let folder = options.string("out") ?? folderHolding(options.string("checkpoint")!)
  try writeAtomically(
    Heatmap(
      title: "Hidden units while reading the text (h, −1 … 1)", xLabel: "character",
      yLabel: "hidden unit", values: values, columnLabels: text.unicodeScalars.map { String($0) }
    ).svg(width: max(760, Double(indices.count) * 9 + 150)), to: folder + "/activations.svg")
  struct Activations: Codable {
    let text: String
    /// activations[unit][character]
    let activations: [[Double]]
  }
  try writeAtomically(
    try json(Activations(text: text, activations: values)), to: folder + "/activations.json")
  print(
    "written: \(folder)/activations.svg and activations.json (\(units) units × \(indices.count) characters)"
  )
  try writePage(folder, command: "activations")
  return 0
}
