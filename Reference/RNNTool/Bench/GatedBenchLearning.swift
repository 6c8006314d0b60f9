import CourseSupport
import Foundation
import GraderCore
import ReferenceRNN

/// The bench's checks of the whole run and of the learning (`rnn bench --model lstm|gru`).
extension GatedBench {
  /// A real `rnn train` (1 × 128, batch 1, 1,000 iterations, its default validation, sampling and
  /// saving) in a process of its own: the characters per second it reports.
  func wholeRun() throws {
    let folder = scratch.appendingPathComponent("run").path
    let arguments = [
      "train", "--model", cell, "--hidden", "128", "--seq", "\(gatedBenchSteps)", "--data",
      dataPath,
      "--iters", "1000", "--out", folder,
    ]
    let process = Process()
    process.executableURL = Bundle.main.executableURL
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    let summary = URL(fileURLWithPath: folder).appendingPathComponent("summary.json")
    guard process.terminationStatus == 0, let data = try? Data(contentsOf: summary),
      let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let charactersPerSecond = json["charactersPerSecond"] as? Double
    else {
      throw CommandLineOptions.Problem(
        "the whole run (rnn \(arguments.joined(separator: " "))) failed")
    }
    print(
      String(
        format:
          "whole run: rnn train --model %@ --hidden 128 --seq 50 --iters 1000 (validation every 1,000 iterations, a sample, the run folder): %.0f characters per second",
        cell, charactersPerSecond))
  }

  /// Reading one character at a time (sampling, scoring, the author classifiers) on the fast path
  /// and by the reference's `step`, at the largest size: characters per second, each for about a
  /// second.
  func reading<Cell: GatedCell>(_: Cell.Type) {
    let row = gatedBenchRows[gatedBenchRows.count - 1]
    let model = CharModel<Cell>(spec(row))
    var rng = SeededGenerator(seed: 1)
    let p = model.initialParameters(using: &rng)
    func rate(_ reader: any CharacterReader) -> Double {
      let clock = Date()
      var n = 0
      while Date().timeIntervalSince(clock) < 1 {
        _ = reader.read(training[n % training.count])
        n += 1
      }
      return Double(n) / Date().timeIntervalSince(clock)
    }
    let fast = rate(model.reader(parameters: p, from: model.zeroState()))
    let slow = rate(StepReader(model, parameters: p, from: model.zeroState()))
    print(
      String(
        format:
          "reading one character at a time (sampling, scoring), %d × %d: the fast path %.0f characters per second, the reference's step %.0f: %.0f×",
        row.layers, row.hidden, fast, slow, fast / slow))
  }

  /// From PyTorch's own initial weights (1 × 128, batch 1, f64, one thread): the loss of each of
  /// the first 20 iterations, then the validation loss after `iterations` over several seeds.
  func equalLearning(seeds: Int, iterations: Int) throws {
    let row = gatedBenchRows[0]
    let initFile = scratch.appendingPathComponent("torch-init.bin").path
    let single = torchArguments(row) + ["--dtype", "float64", "--threads", "1"]
    let out = try runTorch(
      ["-c", lossTracer] + single + ["--iters", "20", "--val-chars", "0", "--dump-init", initFile])
    let theirs = tracedLosses(out)
    let trainer = try trainerFromTorch(initFile, row)
    var agreement = LossAgreement()
    for expected in theirs { agreement.record(trainer.step(training), expected) }
    print(
      "from PyTorch's initial weights (1 × 128, batch 1, f64), the loss of each iteration agrees with PyTorch's to 1e-9 relative for the first \(agreement.agreed) of \(theirs.count); relative differences: \(agreement.differences)"
    )
    var ours: [Double] = []
    var torch: [Double] = []
    let validation = Array(validation.prefix(100_001))
    for seed in 1...max(1, seeds) {
      let file = scratch.appendingPathComponent("torch-init-\(seed).bin").path
      let out = try runTorch(
        single + [
          "--seed", "\(seed)", "--iters", "\(iterations)", "--val-chars", "100000", "--dump-init",
          file,
        ])
      torch.append(number(after: "val_loss_per_char", in: out) ?? .nan)
      let trainer = try trainerFromTorch(file, row)
      for _ in 0..<iterations { trainer.step(training) }
      ours.append(trainer.validationLoss(validation, sequenceLength: gatedBenchSteps))
    }
    let mean = ours.reduce(0, +) / Double(ours.count)
    let within = mean >= (torch.min() ?? .nan) && mean <= (torch.max() ?? .nan)
    let seedBySeed = zip(ours, torch).map { String(format: "%+.0e", $0 - $1) }
    print(
      "validation loss per character after \(iterations) iterations, seeds 1–\(seeds), each from PyTorch's initial weights: ours \(spread(ours, digits: 4)); PyTorch \(spread(torch, digits: 4)); our mean is \(within ? "within" : "outside") PyTorch's range; ours − PyTorch, seed by seed: \(seedBySeed.joined(separator: " "))"
    )
  }

  /// A fresh Adam run from PyTorch's `--dump-init` file of a one-hot LSTM: per layer W_ih
  /// (4H × In), W_hh (4H × H), b (4H) with the gates in the order i, f, g, o; then Why and by.
  private func trainerFromTorch(_ path: String, _ row: (layers: Int, hidden: Int, batch: Int))
    throws -> FastGatedTrainer<LSTMCell>
  {
    let model = CharModel<LSTMCell>(spec(row))
    var p = model.zeroParameters()
    let count = p.flattened.count
    guard let data = FileManager.default.contents(atPath: path), data.count == 8 * count else {
      throw CommandLineOptions.Problem("\(path): not PyTorch's initial weights for \(spec(row))")
    }
    var values = data.withUnsafeBytes { Array($0.bindMemory(to: Double.self)) }[...]
    func take(_ n: Int) -> [Double] {
      defer { values = values.dropFirst(n) }
      return Array(values.prefix(n))
    }
    let h = row.hidden
    let gates = [
      (\LSTMLayer.Wi, \LSTMLayer.Ui, \LSTMLayer.bi), (\.Wf, \.Uf, \.bf), (\.Wg, \.Ug, \.bg),
      (\.Wo, \.Uo, \.bo),
    ]
    for l in 0..<row.layers {
      let inputs = p.layers[l].Wi.cols
      for (W, _, _) in gates {
        p.layers[l][keyPath: W] = Matrix(rows: h, cols: inputs, scalars: take(h * inputs))
      }
      for (_, U, _) in gates {
        p.layers[l][keyPath: U] = Matrix(rows: h, cols: h, scalars: take(h * h))
      }
      for (_, _, b) in gates { p.layers[l][keyPath: b] = Vector(take(h)) }
    }
    p.Why = Matrix(rows: vocabulary.count, cols: h, scalars: take(vocabulary.count * h))
    p.by = Vector(take(vocabulary.count))
    let run = RunState<CharModel<LSTMCell>>(
      parameters: p, optimizer: OptimizerState(.adam, shapedLike: p), carried: model.zeroState(),
      position: 0, iteration: 0, smoothLoss: Double(gatedBenchSteps) * log(Double(vocabulary.count))
    )
    return FastGatedTrainer(
      model, run, batch: row.batch, sequenceLength: gatedBenchSteps, learningRate: gatedBenchRate)
  }
}
