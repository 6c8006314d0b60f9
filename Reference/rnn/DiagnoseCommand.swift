import CourseSupport
import Foundation
import ReferenceRNN

/// `rnn diagnose --run runs/NAME`: names the shape of a run from its losses.json (lesson ex04),
/// prints the loss as a sparkline, and redraws its loss.svg with the diagnosis on it.
func diagnoseCommand(_ arguments: [String]) throws -> Int32 {
  let options = try CommandLineOptions(arguments, valued: ["run"])
  guard let folder = options.string("run") else {
    throw CommandLineOptions.Problem(
      "name the run: --run runs/NAME (a folder written by rnn train)")
  }
  let run = RunFolder(path: folder)
  guard let data = FileManager.default.contents(atPath: folder + "/losses.json"),
    let losses = try? JSONDecoder().decode(RunFolder.Losses.self, from: data)
  else {
    throw CommandLineOptions.Problem(
      "\(folder)/losses.json: missing or unreadable (train with rnn train first)")
  }
  let checkpoint = try Reference.loadCheckpoint(from: run.checkpoint)
  let diagnosis = run.diagnosis(
    checkpoint.history, sequenceLength: checkpoint.hyperparameters.sequenceLength)
  let perCharacter = Reference.perCharacter(
    losses.loss, sequenceLength: checkpoint.hyperparameters.sequenceLength)
  print("loss per character  " + sparkline(perCharacter))
  if !losses.validation.isEmpty {
    print("validation          " + sparkline(losses.validation.map(\.lossPerCharacter)))
  }
  print("diagnosis: \(diagnosis.rawValue) — \(diagnosis.advice)")
  try writeAtomically(
    run.lossChart(checkpoint.history, sequenceLength: checkpoint.hyperparameters.sequenceLength),
    to: folder + "/loss.svg")
  return 0
}
