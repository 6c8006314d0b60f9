import CourseSupport
import Foundation
import GraderCore
import ReferenceRNN

let diagnoseCommand = Subcommand(
  "diagnose", "--run runs/NAME",
  "lesson ex04: the run's loss as a sparkline, its diagnosis (with the fresh-state check rnn train made, ex03), and loss.svg redrawn with it",
  valued: ["run"]
) { options in
  guard let folder = options.string("run") else {
    throw CommandLineOptions.Problem(
      "name the run: --run runs/NAME (a folder written by rnn train)")
  }
  let run = RunFolder(path: folder)
  let checkpoint = try run.trainedModel()
  let history = checkpoint.history
  let sequenceLength = checkpoint.hyperparameters.sequenceLength
  let diagnosis = run.diagnosis(history, sequenceLength: sequenceLength)
  print(
    "loss per character  "
      + sparkline(Reference.perCharacter(history.loss, sequenceLength: sequenceLength)))
  if !history.validation.isEmpty {
    print("validation          " + sparkline(history.validation.map(\.lossPerCharacter)))
  }
  // The fresh-state check needs the state training carried: rnn train kept it in summary.json.
  let full = RunDiagnosis(
    curves: diagnosis, freshState: run.summary()?.freshState,
    resets: checkpoint.hyperparameters.stateResets)
  print(full.line)
  print(full.freshStateLine)
  try writeAtomically(
    run.lossChart(history, sequenceLength: sequenceLength, freshState: full.freshState),
    to: folder + "/loss.svg")
  try writePage(folder, command: "diagnose")
  return 0
}
