import Foundation
import GraderCore

// `rnn`: the reference implementation's front end. Each subcommand is a file of its own; the
// shared parser answers `help`, `<command> --help`, and turns every error into one line and a
// non-zero exit.

let tool = CommandLineTool(
  invocation: "swift run -c release rnn",
  commands: [
    trainCommand, sampleCommand, scoreCommand, temperaturesCommand, hyperparametersCommand,
    diagnoseCommand, activationsCommand, gradientFlowCommand, gatesCommand, lstmFlowCommand,
    longDependencyCommand, evolutionCommand, depthCommand, taggerCommand, authorsCommand,
    rolloutCommand, complexityCommand, benchCommand, corpusCommand,
  ])

let arguments = Array(CommandLine.arguments.dropFirst())
// `--mine` checks the learner's ex01 in a child process of this tool first.
exit(arguments == ["__probe-mine"] ? probeMine() : tool.run(arguments))
