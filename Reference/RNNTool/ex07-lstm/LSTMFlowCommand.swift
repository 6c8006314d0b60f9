import CourseSupport
import Foundation
import GraderCore
import ReferenceRNN

let lstmFlowCommand = Subcommand(
  "lstm-flow", "[--seed 1] [--iters 2000] [--recall-iters 5000] [--out runs/lstm-flow]",
  """
  lesson ex07: ‖∂L/∂h_t‖ (and ‖∂L/∂c_t‖) against the distance to the loss, a vanilla RNN beside an
  LSTM, from real gradients: untrained, trained on the long-dependency task (distance 50), and
  trained on the built-in play; flow-untrained.svg, flow-memory.svg, flow-play.svg, flow.json
  """,
  valued: ["seed", "iters", "recall-iters", "out"], run: lstmFlow)

/// Gradient norms from the last step back, for both models on one window.
struct FlowSeries: Codable {
  var situation: String
  /// Index k: k steps back from the step whose loss is differentiated.
  var rnnH: [Double]
  var lstmH: [Double]
  var lstmC: [Double]
}

func lstmFlow(_ options: CommandLineOptions) throws -> Int32 {
  let seed = UInt64(try options.int("seed", default: 1, minimum: 0))
  let iterations = try options.int("iters", default: 2000)
  let recallIterations = try options.int("recall-iters", default: 5000)
  let folder = options.string("out") ?? "runs/lstm-flow"
  try RunFolder(path: folder).prepareForOutput()

  let text = BuiltInCorpus.play.text(characters: 200_000, seed: seed)
  let corpus = try Reference.corpus(text: text, source: "the play corpus", sequenceLength: 25)
  let v = corpus.vocabulary.count
  let window = Array(corpus.validation.prefix(101))
  let (rnn, lstm) = (
    CharModel<RNNCell>(vocabularySize: v, hiddenSize: 64),
    CharModel<LSTMCell>(vocabularySize: v, hiddenSize: 64)
  )
  print("untrained models (H = 64) on 100 characters of the play…")
  var all = [
    flow(
      "untrained, on the play", (rnn, rnn.initialParameters(seed: seed)),
      (lstm, lstm.initialParameters(seed: seed)), window)
  ]
  print("training both on the long-dependency task (distance 50, \(recallIterations) examples)…")
  let task = RecallTask(distance: 50)
  let example = task.examples(count: 1, seed: 77)[0]
  all.append(
    flow(
      "trained to remember (distance 50)",
      Reference.trainRecall(
        RNNCell.self, task: task, hiddenSize: 32, iterations: recallIterations,
        learningRate: 0.01, seed: seed),
      Reference.trainRecall(
        LSTMCell.self, task: task, hiddenSize: 32, iterations: recallIterations,
        learningRate: 0.01, seed: seed), Array(example[...(task.questionIndex + 1)])))
  print("training both on the play (\(iterations) iterations, each with its usual optimizer)…")
  let hp = Hyperparameters(
    hiddenSize: 64, sequenceLength: 25, learningRate: 0.1, seed: seed, validationEvery: iterations)
  var hpLSTM = hp
  hpLSTM.learningRate = 2e-3
  all.append(
    flow(
      "trained on the play",
      (
        rnn,
        Reference.train(rnn, corpus: corpus, hyperparameters: hp, iterations: iterations).state
          .parameters
      ),
      (
        lstm,
        Reference.train(
          lstm, corpus: corpus, hyperparameters: hpLSTM, iterations: iterations, optimizer: .adam
        ).state.parameters
      ),
      window))
  try writeFlow(all, to: folder)
  return 0
}

/// Both models read `window` (inputs all but its last character, targets one later); the
/// gradient of the last step's loss, every step back.
private func flow(
  _ situation: String, _ rnn: (CharModel<RNNCell>, CharModel<RNNCell>.Parameters),
  _ lstm: (CharModel<LSTMCell>, CharModel<LSTMCell>.Parameters), _ window: [Int]
) -> FlowSeries {
  let l = lstm.0.stateGradientsBack(window, parameters: lstm.1)
  return FlowSeries(
    situation: situation,
    rnnH: rnn.0.stateGradientsBack(window, parameters: rnn.1).map(\.h.norm),
    lstmH: l.map(\.h.norm), lstmC: l.map(\.c.norm))
}

private func writeFlow(_ all: [FlowSeries], to folder: String) throws {
  let files = ["flow-untrained.svg", "flow-memory.svg", "flow-play.svg"]
  print("")
  var printed = Transcript()
  printed.say("norm of the gradient, steps back from the loss:")
  printed.say(
    "  situation                            model        10        25        50        99")
  for (series, file) in zip(all, files) {
    func points(_ values: [Double]) -> [(x: Double, y: Double)] {
      values.enumerated().map { (x: Double($0.offset), y: $0.element) }
    }
    try writeAtomically(
      LineChart(
        title: "Gradient through time: \(series.situation)",
        xLabel: "steps back from the loss", yLabel: "gradient norm",
        series: [
          .init(name: "vanilla RNN ‖∂L/∂h‖", points: points(series.rnnH)),
          .init(name: "LSTM ‖∂L/∂h‖", points: points(series.lstmH)),
          .init(name: "LSTM ‖∂L/∂c‖", points: points(series.lstmC), style: .dashed),
        ], logY: true
      ).svg(), to: "\(folder)/\(file)")
    for (name, values) in [
      ("RNN ‖dh‖", series.rnnH), ("LSTM ‖dh‖", series.lstmH), ("LSTM ‖dc‖", series.lstmC),
    ] {
      let at = [10, 25, 50, 99].map {
        $0 < values.count ? String(format: "%9.1e", values[$0]) : "        –"
      }
      printed.say(
        "  \(series.situation.padding(toLength: 36, withPad: " ", startingAt: 0)) \(name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(at.joined(separator: " "))"
      )
    }
  }
  try writeAtomically(try json(all), to: folder + "/flow.json")
  print("written: \(folder)/\(files.joined(separator: ", ")), flow.json")
  try writePage(folder, command: "lstm-flow", printed: printed.lines)
}
