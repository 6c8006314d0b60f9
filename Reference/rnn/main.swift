import CourseSupport
import Foundation

// `rnn`: the reference implementation's front end. Subcommands are small files of their own;
// this file only dispatches and turns every error into one line and a non-zero exit.

let usage = """
  usage: swift run -c release rnn <command> [options]

    train [--data FILE | --corpus play|code|wiki] [--hidden 100] [--seq 25] [--lr 0.1]
          [--iters 5000 | --epochs N] [--seed 1] [--out runs/NAME] [--resume | --force] [--mine]
          [--validate-every 1000] [--sample-every 1000] [--batch B] [--no-clip]
        train (the fast reference, or your ex01 with --mine); the run folder gets checkpoint.json,
        losses.json, samples.json, summary.json and loss.svg; Ctrl-C stops after saving
    sample --checkpoint runs/NAME/checkpoint.json [--temperature 0.8] [--count 500]
           [--prime TEXT] [--seed 1]
        text from a trained model
    score --checkpoint runs/NAME/checkpoint.json --corpus play|code|wiki [--temperature 0.5]
        the corpus's structure metric on samples from a saved model
    hyperparameters [--data FILE | --corpus play] [--iters 500] [--out runs/hyperparameters]
        hidden 50/100/200 × rate 0.01/0.1/0.5 × sequence 10/25/50 (lesson ex03)
    diagnose --run runs/NAME
        lesson ex04: the run's loss as a sparkline, its diagnosis, and loss.svg redrawn with it
    activations --checkpoint runs/NAME/checkpoint.json [--text TEXT] [--units 32]
        the hidden units while the model reads a text, as a heatmap (activations.svg)
    gradient-flow [--out runs/gradient-flow]
        lesson ex05: gradient norms through time for several spectral radii, plots and data
    bench [--baseline ../shared/bench/numpy_charrnn.py] [--iters 2000] [--seeds 3]
        throughput at H=100/T=25 and H=256/T=50, side by side with numpy at equal learning
    corpus <play|code|wiki> [--characters N] [--seed S]
        print built-in text (generated, deterministic)
    temperatures [--corpus play] [--iterations 3000] [--hidden 100] [--seq 25] [--seed 1]
        train one model, then sample at T = 0.2 … 2.0 (lesson ex02)
  """

func run(_ arguments: [String]) throws -> Int32 {
  guard let command = arguments.first else {
    print(usage)
    return 0
  }
  let rest = Array(arguments.dropFirst())
  switch command {
  case "corpus": return try corpusCommand(rest)
  case "train": return try trainCommand(rest)
  case "sample": return try sampleCommand(rest)
  case "hyperparameters": return try hyperparametersCommand(rest)
  case "bench": return try benchCommand(rest)
  case "score": return try scoreCommand(rest)
  case "gradient-flow": return try gradientFlowCommand(rest)
  case "diagnose": return try diagnoseCommand(rest)
  case "activations": return try activationsCommand(rest)
  case "__probe-mine": return probeMine()
  case "temperatures": return try temperaturesCommand(rest)
  case "help", "--help", "-h":
    print(usage)
    return 0
  default:
    throw CommandLineOptions.Problem("unknown command \"\(command)\" (see `swift run rnn help`)")
  }
}

do {
  exit(try run(Array(CommandLine.arguments.dropFirst())))
} catch {
  FileHandle.standardError.write(Data("error: \(error)\n".utf8))
  exit(2)
}
