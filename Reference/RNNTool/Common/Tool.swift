import Foundation
import GraderCore

// The `rnn` command line: each subcommand is a file of its own; the shared parser answers
// `help`, `<command> --help`, and turns every error into one line and a non-zero exit.

let tool = CommandLineTool(
  invocation: "swift run -c release rnn",
  commands: [
    trainCommand, sampleCommand, scoreCommand, temperaturesCommand, hyperparametersCommand,
    diagnoseCommand, activationsCommand, gradientFlowCommand, gatesCommand, lstmFlowCommand,
    longDependencyCommand, saliencyCommand, evolutionCommand, depthCommand, taggerCommand,
    authorsCommand, rolloutCommand, complexityCommand, seq2seqCommand, benchCommand,
    corpusCommand, freshStateCommand,
  ])

/// Runs the tool on `arguments` (without the program's name): its exit status.
public func runRNN(_ arguments: [String]) -> Int32 { tool.run(arguments) }
