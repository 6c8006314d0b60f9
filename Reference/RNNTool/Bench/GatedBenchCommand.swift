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
  let peak: Double?

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
    peak: measuredPeakGFLOPs())
  bench.header(haveBaseline: haveBaseline)
  for row in gatedBenchRows { try bench.throughput(row) }
  print("")
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
    print("kernels: \(fastestKernels.name)")
    if let peak {
      print(String(format: "one core's FP64 peak, measured: %.1f GFLOP/s", peak))
    }
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
      "  ours: f64 on one thread, on two, and as rnn train runs (two threads while they are measured faster); its GFLOP/s and fraction of two cores' peak"
    )
    print(
      "  size                 ours 1 thr   2 thr   as run   GFLOP/s  of peak"
        + (torch == nil
          ? "" : "   PyTorch f64 1 thr   f64 2 thr   f32 2 thr   ours ÷ best f64   ours ÷ f32"))
  }

  func spec(_ row: (layers: Int, hidden: Int, batch: Int)) -> ModelSpec {
    ModelSpec(
      kind: kind, vocabularySize: vocabulary.count, hiddenSize: row.hidden, layers: row.layers)
  }

  func throughput(_ row: (layers: Int, hidden: Int, batch: Int)) throws {
    let rates = [ThreadUse.one, .two, .measured].map { oursRate(gated, row, $0) }
    let ours = rates[2]
    let gflops = flopsPerCharacter(spec(row)) * ours / 1e9
    var line = String(
      format: "  %d × %d, batch %-2d   %10.0f  %6.0f  %7.0f  %8.1f  %6@", row.layers, row.hidden,
      row.batch, rates[0], rates[1], ours, gflops,
      peak.map { String(format: "%.0f%%", 100 * gflops / (2 * $0)) } ?? "–")
    if torch != nil {
      let theirs = try [("float64", 1), ("float64", 2), ("float32", 2)].map {
        try torchRate(row, dtype: $0.0, threads: $0.1)
      }
      line += String(
        format: "   %17.0f   %9.0f   %9.0f   %15.1f×   %9.1f×", theirs[0], theirs[1], theirs[2],
        ours / max(theirs[0], theirs[1]), ours / theirs[2])
    }
    print(line)
  }

  /// Our characters per second: `seconds` of training after half a second's warm-up.
  func oursRate<Cell: GatedCell>(
    _: Cell.Type, _ row: (layers: Int, hidden: Int, batch: Int), _ threads: ThreadUse
  ) -> Double {
    let model = CharModel<Cell>(spec(row))
    let run = RunState(fresh: model, seed: 1, sequenceLength: gatedBenchSteps, optimizer: .adam)
    let trainer = FastGatedTrainer(
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
