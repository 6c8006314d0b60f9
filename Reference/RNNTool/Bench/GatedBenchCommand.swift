import CourseSupport
import FastKernels
import Foundation
import GraderCore
import ReferenceRNN

/// `rnn bench --model lstm|gru`: the gated fast path's characters per second at three sizes
/// (T = 50, Adam, the built-in play corpus), side by side with PyTorch on the CPU
/// (`../shared/bench/torch_charlstm.py`, run unchanged) when the `--python` interpreter has
/// torch; then a whole `rnn train` run, and for the LSTM the learning compared from PyTorch's
/// own initial weights.
let gatedBenchRows: [(layers: Int, hidden: Int, batch: Int)] = [
  (1, 128, 1), (2, 128, 32), (2, 256, 32),
]
let gatedBenchSteps = 50
let gatedBenchRate = 0.002

/// What one run of the bench works with.
struct GatedBench {
  let kind: ModelKind
  let gated: any GatedCell.Type
  let seconds: Double
  let interpreter: String
  let baseline: String
  let torch: String?
  let scratch: URL
  let dataPath: String
  let vocabulary: Vocabulary
  /// The text as PyTorch's script splits it: the first 90% (rounded down) trains.
  let training: [Int]
  let validation: [Int]
  let peaks: Peaks

  var cell: String { kind.cell.pyTorchLayer ?? kind.rawValue }
}

func benchGated(_ kind: ModelKind, _ cell: any GatedCell.Type, _ options: CommandLineOptions)
  throws -> Int32
{
  let seconds = try options.positive("seconds", default: 3)
  let seeds = try options.int("seeds", default: 3)
  let learningIterations = try options.int("learning-iters", default: 1000)
  let interpreter = options.string("python") ?? "python3"
  let baseline = options.string("baseline") ?? "../shared/bench/torch_charlstm.py"
  let (scratch, dataPath, text) = try benchScratch()
  defer { try? FileManager.default.removeItem(at: scratch) }
  let vocabulary = Vocabulary(text: text)
  let data = vocabulary.encode(text) ?? []
  let split = Int((Double(data.count) * 0.9).rounded(.down))
  let haveBaseline = FileManager.default.fileExists(atPath: baseline)
  let bench = GatedBench(
    kind: kind, gated: cell, seconds: seconds, interpreter: interpreter, baseline: baseline,
    torch: haveBaseline && kind.cell.pyTorchLayer != nil ? torchVersion(interpreter) : nil,
    scratch: scratch, dataPath: dataPath,
    vocabulary: vocabulary, training: Array(data[..<split]), validation: Array(data[split...]),
    peaks: Peaks.measure())
  bench.header(haveBaseline: haveBaseline)
  for row in gatedBenchRows { try bench.throughput(row) }
  print("")
  bench.reading(cell)
  try bench.wholeRun()
  if kind.cell.pyTorchLayer == nil {
    print(
      "learning: PyTorch has no \(kind.title) layer to learn beside; the tests compare the fast \(kind.title) with the readable reference"
    )
  } else if let difference = kind.cell.pyTorchDifference {
    print(
      "learning: \(difference), so the same weights learn differently; the tests compare the fast \(kind.title) with the readable reference instead"
    )
  } else if bench.torch != nil {
    try bench.equalLearning(seeds: seeds, iterations: learningIterations)
  }
  return 0
}

/// torch's version as the interpreter reports it; nil when it cannot import torch.
private func torchVersion(_ interpreter: String) -> String? {
  try? python(["-c", "import torch, numpy; print(torch.__version__)"], interpreter: interpreter)
    .trimmingCharacters(in: .whitespacesAndNewlines)
}

/// 2 × the multiply-adds of one character's matrix products, forward and backward: per layer of
/// G gate blocks reading In numbers (0 for one-hot characters, which are row reads), forward
/// G·H·(In + H), backward dW and dx (2·G·H·In) and dU and dh_next (2·G·H²); the output layer
/// 3·V·H.
private func flopsPerCharacter(_ spec: ModelSpec) -> Double {
  let (g, h, v) = (Double(spec.kind.blocks), Double(spec.hiddenSize), Double(spec.vocabularySize))
  var macs = 3 * v * h
  for l in 0..<spec.layers {
    let reads = l > 0 ? h : Double(spec.embedding ?? 0)
    macs += 3 * g * h * (reads + h)
  }
  return 2 * macs
}

extension GatedBench {
  func header(haveBaseline: Bool) {
    print(
      "corpus: built-in play, \(training.count + validation.count) characters, V = \(vocabulary.count)"
    )
    peaks.print()
    if kind.cell.pyTorchLayer == nil {
      print("PyTorch: it has no \(kind.title) layer; ours only")
    } else if let torch {
      print("PyTorch \(torch) (\(interpreter)), running \(baseline) unchanged")
    } else if !haveBaseline {
      print("PyTorch: no baseline at \(baseline) (give --baseline PATH); Swift only")
    } else {
      print(
        "PyTorch: not found for \(interpreter); to compare, install it in a virtual environment (benchmarks only):\n  python3 -m venv /tmp/torch && /tmp/torch/bin/pip install torch numpy\n  then: rnn bench --model \(cell) --python /tmp/torch/bin/python"
      )
    }
    print("")
    print(
      "\(kind.title), T = \(gatedBenchSteps), Adam lr \(gatedBenchRate), characters per second (\(Int(seconds)) s each):"
    )
    print(
      "  ours, in each precision: on one thread, on two, and as rnn train runs (two threads while they are measured faster); its GFLOP/s and fraction of two cores' peak in that precision on the widest vectors"
    )
    print(
      "  size                 prec  ours 1 thr   2 thr   as run   GFLOP/s  of peak"
        + (torch == nil ? "" : "   PyTorch 1 thr   2 thr   ours ÷ PyTorch's best"))
  }

  func spec(_ row: (layers: Int, hidden: Int, batch: Int)) -> ModelSpec {
    ModelSpec(
      kind: kind, vocabularySize: vocabulary.count, hiddenSize: row.hidden, layers: row.layers)
  }

  func throughput(_ row: (layers: Int, hidden: Int, batch: Int)) throws {
    // PyTorch's f64 on one thread and two, its f32 on two (as issue 28's targets read).
    let theirs = try torch.map { _ in
      try [("float64", 1), ("float64", 2), ("float32", 2)].map {
        try torchRate(row, dtype: $0.0, threads: $0.1)
      }
    }
    let size = String(format: "%d × %d, batch %-2d", row.layers, row.hidden, row.batch)
    let f64 = [ThreadUse.one, .two, .measured].map { oursRate(gated, Double.self, row, $0) }
    print(line(size, "f64", f64, peaks.fastest(Double.self), row, theirs.map { ($0[0], $0[1]) }))
    let f32 = [ThreadUse.one, .two, .measured].map { oursRate(gated, Float.self, row, $0) }
    let blank = String(repeating: " ", count: size.count)
    print(line(blank, "f32", f32, peaks.fastest(Float.self), row, theirs.map { (.nan, $0[2]) }))
  }

  /// One precision's row: our rates, GFLOP/s and share of the peak, PyTorch's (NaN: not run).
  private func line(
    _ size: String, _ precision: String, _ rates: [Double], _ peak: Double,
    _ row: (layers: Int, hidden: Int, batch: Int), _ theirs: (Double, Double)?
  ) -> String {
    let gflops = flopsPerCharacter(spec(row)) * rates[2] / 1e9
    var text = String(
      format: "  %@    %@  %10.0f  %6.0f  %7.0f  %8.1f  %7@", size, precision, rates[0], rates[1],
      rates[2], gflops, ofPeak(gflops, peak, cores: 2))
    if let (one, two) = theirs {
      let first = one.isNaN ? "–" : String(format: "%.0f", one)
      text +=
        "   " + String(repeating: " ", count: max(0, 13 - first.count)) + first
        + String(format: "   %6.0f   %20.1f×", two, rates[2] / max(one.isNaN ? 0 : one, two))
    }
    return text
  }

  /// Our characters per second in precision `S`: `seconds` of training after half a second's
  /// warm-up.
  func oursRate<Cell: GatedCell, S: KernelScalar>(
    _: Cell.Type, _: S.Type, _ row: (layers: Int, hidden: Int, batch: Int), _ threads: ThreadUse
  ) -> Double {
    let model = CharModel<Cell>(spec(row))
    let run = RunState(fresh: model, seed: 1, sequenceLength: gatedBenchSteps, optimizer: .adam)
    let trainer = GatedFastTrainer<Cell, S>(
      model, run, batch: row.batch, sequenceLength: gatedBenchSteps, learningRate: gatedBenchRate,
      threads: threads)
    let warm = Date()
    while Date().timeIntervalSince(warm) < 0.5 { trainer.step(training) }
    let clock = Date()
    var iterations = 0
    while Date().timeIntervalSince(clock) < seconds {
      trainer.step(training)
      iterations += 1
    }
    return Double(iterations * gatedBenchSteps * row.batch) / Date().timeIntervalSince(clock)
  }

  /// The baseline's arguments for this model at `row`'s size.
  func torchArguments(_ row: (layers: Int, hidden: Int, batch: Int)) -> [String] {
    [
      baseline, "--data", dataPath, "--cell", cell, "--layers", "\(row.layers)", "--hidden",
      "\(row.hidden)", "--seq", "\(gatedBenchSteps)", "--batch", "\(row.batch)", "--optim", "adam",
      "--lr",
      "\(gatedBenchRate)",
    ]
  }

  func torchRate(_ row: (layers: Int, hidden: Int, batch: Int), dtype: String, threads: Int)
    throws -> Double
  {
    let out = try runTorch(
      torchArguments(row) + [
        "--dtype", dtype, "--threads", "\(threads)", "--seconds", "\(seconds)", "--val-chars", "0",
      ])
    return number(after: "chars_per_sec", in: out) ?? .nan
  }

  func runTorch(_ arguments: [String]) throws -> String {
    try python(
      arguments, interpreter: interpreter, failure: "the PyTorch baseline failed: \(baseline)")
  }
}
