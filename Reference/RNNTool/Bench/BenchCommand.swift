import CourseSupport
import FastKernels
import Foundation
import GraderCore
import ReferenceRNN

/// `rnn bench`: the trainer's throughput, side by side with the numpy baseline when one is
/// given (`--baseline ../shared/bench/numpy_charrnn.py`, found there by default), at equal
/// learning: both start from numpy's initial weights, their smoothed losses are compared for the
/// first 20 iterations, and after 5,000 iterations over a few seeds.
///
/// FLOPs are counted as 2 × the multiply-adds of the matrix products, per time step:
/// forward Whh·h (H²) and Why·h (VH); backward Whyᵀ·dy (VH), dWhy (VH), Whhᵀ·draw (H²) and
/// dWhh (H²): 3H² + 3VH. The one-hot products with Wxh are column reads and count nothing.
let benchCommand = Subcommand(
  "bench",
  "[--baseline ../shared/bench/numpy_charrnn.py] [--iters 2000] [--seeds 3] [--learning-iters 5000]\n"
    + "      | --model lstm|gru [--python python3] [--baseline ../shared/bench/torch_charlstm.py]\n"
    + "        [--seconds 3] [--seeds 3] [--learning-iters 1000]",
  """
  throughput at H=100/T=25 and H=256/T=50, side by side with numpy at equal learning; with
  --model lstm or gru, the gated fast path at three sizes, side by side with PyTorch on the CPU
  when the --python interpreter has it
  """,
  valued: ["baseline", "iters", "seeds", "learning-iters", "model", "python", "seconds"],
  run: bench)

func bench(_ options: CommandLineOptions) throws -> Int32 {
  if options.string("model") != nil {
    let kind = try options.choice("model", default: ModelKind.lstm)
    if let gated = kind.cell as? any GatedCell.Type { return try benchGated(kind, gated, options) }
    guard kind == .rnn else {
      throw CommandLineOptions.Problem(
        "--model \(kind): \(kind.withArticle) trains on the readable reference only; rnn bench measures the fast kernels"
      )
    }
  }
  return try benchVanilla(options)
}

private func benchVanilla(_ options: CommandLineOptions) throws -> Int32 {
  let iterations = try options.int("iters", default: 2000)
  let seeds = try options.int("seeds", default: 3)
  let learningIterations = try options.int("learning-iters", default: 5000)
  let baseline = options.string("baseline") ?? "../shared/bench/numpy_charrnn.py"
  let haveBaseline = FileManager.default.fileExists(atPath: baseline)
  let (scratch, dataPath, text) = try benchScratch()
  defer { try? FileManager.default.removeItem(at: scratch) }
  // The baseline's vocabulary: sorted distinct bytes (the play corpus is ASCII).
  let vocabulary = Vocabulary(text: text)
  let data = vocabulary.encode(text) ?? []
  let peaks = Peaks.measure()
  print("corpus: built-in play, \(text.utf8.count) bytes, V = \(vocabulary.count)")
  peaks.print()
  print(
    haveBaseline
      ? "baseline: \(baseline)"
      : "baseline: not found at \(baseline) (give --baseline PATH); Swift only")
  print("")

  for (hidden, sequence) in [(100, 25), (256, 50)] {
    let initFile = scratch.appendingPathComponent("init-\(hidden).bin").path
    var numpyRate: Double?
    if haveBaseline {
      let out = try python(
        [baseline] + baselineRun(dataPath, hidden, sequence, iterations: iterations)
          + ["--seed", "1", "--dump-init", initFile])
      numpyRate = number(after: "iters_per_sec", in: out)
    }
    let start =
      haveBaseline
      ? try numpyInit(initFile, hidden: hidden, vocabulary: vocabulary.count)
      : randomInit(hidden, vocabulary.count, seed: 1)
    let macs = Double(3 * hidden * hidden + 3 * vocabulary.count * hidden) * Double(sequence)
    print(
      String(
        format: "H=%d T=%d (%.2f MFLOP per iteration)%@", hidden, sequence, 2 * macs / 1e6,
        numpyRate.map { String(format: "   numpy %.0f it/s", $0) } ?? ""))
    let run = VanillaRows(
      start: start, sequence: sequence, data: data, iterations: iterations, macs: macs,
      peaks: peaks, numpyRate: numpyRate)
    run.printRows()
    if haveBaseline {
      try compareLearning(
        baseline, dataPath, data, hidden, sequence, vocabulary.count, scratch, seeds: seeds,
        iterations: learningIterations)
    }
    print("")
  }
  printBatches(vocabulary.count, data, iterations)
  return 0
}

/// One size's throughput rows: one thread, then the default (two threads sharing every window),
/// in each precision, against the peak of that precision on the widest vectors.
private struct VanillaRows {
  let start: RNNParameters
  let sequence: Int
  let data: [Int]
  let iterations: Int
  /// Multiply–adds per iteration.
  let macs: Double
  let peaks: Peaks
  let numpyRate: Double?

  func printRows() {
    for threads in [1, 2] {
      let double = vanillaRate(Double.self, start, sequence, threads, data, iterations)
      print(row(threads, "f64", double, peaks.fastest(Double.self)))
      let float = vanillaRate(Float.self, start, sequence, threads, data, iterations)
      print(
        row(threads, "f32", float, peaks.fastest(Float.self))
          + String(format: ", %.1f× f64", float / double))
    }
  }

  private func row(_ threads: Int, _ precision: String, _ rate: Double, _ peak: Double) -> String {
    let gflops = 2 * macs * rate / 1e9
    var row = String(
      format: "  %@ %@  %7.0f it/s  %8.0f chars/s  %5.1f GFLOP/s, %@ of %@ peak",
      threads == 1 ? "one core:  " : "both cores:", precision, rate, rate * Double(sequence),
      gflops, ofPeak(gflops, peak, cores: threads), threads == 1 ? "one core's" : "two cores'")
    if let numpyRate { row += String(format: "   %.1f× numpy", rate / numpyRate) }
    return row
  }
}

/// Several streams at once on both cores: matrix-matrix products instead of matrix-vector.
private func printBatches(_ vocabulary: Int, _ data: [Int], _ iterations: Int) {
  print("H=100 T=25 with several streams at once (both cores):")
  for b in [1, 8, 32] {
    let trainer = FastTrainer(
      parameters: randomInit(100, vocabulary, seed: 1), batch: b, sequenceLength: 25,
      learningRate: 0.1)
    trainer.step(data)
    let steps = max(20, iterations / b)
    let clock = Date()
    for _ in 0..<steps { trainer.step(data) }
    let seconds = Date().timeIntervalSince(clock)
    print(String(format: "  --batch %2d   %10.0f chars/s", b, Double(steps * b * 25) / seconds))
  }
}

/// Iterations per second of the vanilla fast path in precision `S` on `threads` threads, after
/// half a second's warm-up (which also gives the scheduler time to put two threads on separate
/// cores).
private func vanillaRate<S: KernelScalar>(
  _: S.Type, _ start: RNNParameters, _ sequence: Int, _ threads: Int, _ data: [Int],
  _ iterations: Int
) -> Double {
  let fast = VanillaFastTrainer<S>(
    parameters: start, sequenceLength: sequence, learningRate: 0.1,
    threads: threads == 1 ? .one : .two)
  let warm = Date()
  while Date().timeIntervalSince(warm) < 0.5 { fast.step(data) }
  let clock = Date()
  for _ in 0..<iterations { fast.step(data) }
  return Double(iterations) / Date().timeIntervalSince(clock)
}

/// First 20 iterations from numpy's weights, then 5,000 iterations over several seeds.
private func compareLearning(
  _ baseline: String, _ dataPath: String, _ data: [Int], _ hidden: Int, _ sequence: Int, _ v: Int,
  _ scratch: URL, seeds: Int, iterations: Int
) throws {
  let initFile = scratch.appendingPathComponent("init-\(hidden).bin").path
  let out = try python(
    ["-c", lossTracer, baseline] + baselineRun(dataPath, hidden, sequence, iterations: 20)
      + ["--init-file", initFile])
  let theirs = tracedLosses(out)
  let fast = FastTrainer(
    parameters: try numpyInit(initFile, hidden: hidden, vocabulary: v), sequenceLength: sequence,
    learningRate: 0.1)
  // The readable reference too: where the run turns chaotic, it parts from numpy just the same.
  var reference = MinCharRNNTrainer(
    data: data, parameters: try numpyInit(initFile, hidden: hidden, vocabulary: v),
    sequenceLength: sequence, learningRate: 0.1)
  var fastAgreement = LossAgreement()
  var referenceAgreement = LossAgreement()
  for expected in theirs {
    fastAgreement.record(fast.step(data), expected)
    referenceAgreement.record(reference.step(), expected)
  }
  print(
    "  from numpy's initial weights, the loss of each iteration agrees with numpy's to 1e-9 relative for the first \(fastAgreement.agreed) of \(theirs.count) (the readable reference: \(referenceAgreement.agreed)); relative differences: \(fastAgreement.differences)"
  )

  var ours: [Double] = []
  var numpy: [Double] = []
  for seed in 1...seeds {
    let file = scratch.appendingPathComponent("init-\(hidden)-\(seed).bin").path
    let out = try python(
      [baseline] + baselineRun(dataPath, hidden, sequence, iterations: iterations)
        + ["--seed", "\(seed)", "--dump-init", file])
    if let value = number(after: "final smooth_loss", in: out) { numpy.append(value) }
    let trainer = FastTrainer(
      parameters: try numpyInit(file, hidden: hidden, vocabulary: v), sequenceLength: sequence,
      learningRate: 0.1)
    for _ in 0..<iterations { trainer.step(data) }
    ours.append(trainer.smoothLoss)
  }
  print(
    "  smoothed loss after \(iterations) iterations, seeds 1–\(seeds): ours \(spread(ours, digits: 3)); numpy \(spread(numpy, digits: 3))"
  )
}

/// The per-iteration losses a baseline run under `lossTracer` printed.
func tracedLosses(_ output: String) -> [Double] {
  output.split(separator: "\n").filter { $0.hasPrefix("loss ") }.compactMap {
    Double($0.dropFirst(5))
  }
}

/// How long our per-iteration losses stay within 1e-9 (relative) of a baseline's: counted up to
/// the first miss, since after it the runs are apart for good; and every relative difference.
struct LossAgreement {
  private(set) var agreed = 0
  private var all: [String] = []

  mutating func record(_ ours: Double, _ expected: Double) {
    let difference = abs(ours - expected) / abs(expected)
    if difference <= 1e-9 && agreed == all.count { agreed += 1 }
    all.append(String(format: "%.0e", difference))
  }

  var differences: String { all.joined(separator: " ") }
}

/// "mean 1.215, range 1.210–1.220".
func spread(_ xs: [Double], digits: Int) -> String {
  String(
    format: "mean %.\(digits)f, range %.\(digits)f–%.\(digits)f",
    xs.reduce(0, +) / Double(xs.count),
    xs.min() ?? 0, xs.max() ?? 0)
}

/// Runs a baseline unchanged and reads its local `loss` (the window's summed loss) each time it
/// is folded into the smoothed loss (the line `smooth = …`), through Python's line tracer: the
/// baselines print only the smoothed loss, to 6 decimals.
let lossTracer = """
  import linecache, runpy, sys
  losses = []
  def trace(frame, event, arg):
      if frame.f_code.co_name != "main":
          return None
      def line(frame, event, arg):
          text = linecache.getline(frame.f_code.co_filename, frame.f_lineno).strip()
          if event == "line" and text.startswith("smooth = ") and "loss" in frame.f_locals:
              losses.append(float(frame.f_locals["loss"]))
          return line
      return line
  script = sys.argv[1]
  sys.argv = sys.argv[1:]
  sys.settrace(trace)
  try:
      runpy.run_path(script, run_name="__main__")
  except SystemExit:
      pass
  sys.settrace(None)
  for value in losses:
      print("loss", repr(float(value)))
  """

/// The baseline's arguments for a run on `dataPath` at the benchmark's learning rate.
private func baselineRun(_ dataPath: String, _ hidden: Int, _ sequence: Int, iterations: Int)
  -> [String]
{
  [
    "--data", dataPath, "--hidden", "\(hidden)", "--seq", "\(sequence)", "--lr", "0.1",
    "--iters", "\(iterations)",
  ]
}

/// A scratch folder for one bench (the caller removes it) holding the built-in play corpus,
/// a million characters, as the baselines read it: the folder, the file's path and the text.
func benchScratch() throws -> (folder: URL, dataPath: String, text: String) {
  let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
    "rnn-bench-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
  let dataPath = scratch.appendingPathComponent("play.txt").path
  let text = BuiltInCorpus.play.text(characters: 1_000_000, seed: 1)
  try text.write(toFile: dataPath, atomically: true, encoding: .utf8)
  return (scratch, dataPath, text)
}

/// The output of `interpreter` (found on PATH) run with `arguments`.
func python(
  _ arguments: [String], interpreter: String = "python3",
  failure: String = "the numpy baseline failed (is numpy installed for python3?)"
) throws -> String {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = [interpreter] + arguments
  let pipe = Pipe()
  process.standardOutput = pipe
  process.standardError = FileHandle.nullDevice
  try process.run()
  let output = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  guard process.terminationStatus == 0 else {
    throw CommandLineOptions.Problem(failure)
  }
  return String(decoding: output, as: UTF8.self)
}

func number(after key: String, in text: String) -> Double? {
  guard let range = text.range(of: key + " ", options: .backwards) else { return nil }
  return Double(text[range.upperBound...].prefix { !$0.isWhitespace })
}

/// numpy's `--dump-init` file: Wxh (H×V), Whh (H×H), Why (V×H), row-major float64.
private func numpyInit(_ path: String, hidden h: Int, vocabulary v: Int) throws -> RNNParameters {
  guard let data = FileManager.default.contents(atPath: path), data.count == 8 * (2 * h * v + h * h)
  else {
    throw CommandLineOptions.Problem("\(path): not an initial-weights file for H = \(h), V = \(v)")
  }
  let values = data.withUnsafeBytes { Array($0.bindMemory(to: Double.self)) }
  return RNNParameters(
    Wxh: Matrix(rows: h, cols: v, scalars: Array(values[0..<(h * v)])),
    Whh: Matrix(rows: h, cols: h, scalars: Array(values[(h * v)..<(h * v + h * h)])),
    Why: Matrix(rows: v, cols: h, scalars: Array(values[(h * v + h * h)...])),
    bh: .zeros(h), by: .zeros(v))
}

private func randomInit(_ h: Int, _ v: Int, seed: UInt64) -> RNNParameters {
  var rng = SeededGenerator(seed: seed)
  return .random(hiddenSize: h, vocabularySize: v, using: &rng)
}
