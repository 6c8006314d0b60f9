import CourseSupport
import FastKernels
import Foundation
import GradientCheck
import ReferenceRNN
import Testing

/// `--precision float32` against the double-precision fast path, which the other suites check
/// against the reference. Float rounds to ε = 6e-8 where Double rounds to 1.1e-16, so the two
/// cannot agree bit for bit; the question is whether single precision is close enough to learn
/// the same. Each tolerance below says why it is the right size.
@Suite("single precision against double") struct PrecisionTests {
  static let text = try! String(
    contentsOfFile: FreshStateTests.shakespeare, encoding: .utf8)
  static let vocabulary = Vocabulary(text: text)
  static let data = vocabulary.encode(text)!
  static let split = data.count * 9 / 10

  /// One window from the same parameters (T = 20, 3 streams, H 37, odd so that the padding is
  /// used). Every number float32 computes is rounded to within ε = 6e-8 of its own value, so a
  /// gradient, passed back through 20 steps of gates, should come out a few ε from float64's in
  /// norm; the loss, a sum of 60 logarithms taken in double, averages its rounding out further.
  /// Measured over these six cases: the losses 1e-10–6e-9 apart (relative), the gradients
  /// 1.0e-7–1.7e-7 (‖g32 − g64‖/‖g64‖). The bounds, 1e-7 and 2e-6, are over 10 times that, and
  /// any real mistake (a wrong constant in Float's exp, a gate read from the wrong column) is
  /// of order 1e-3 or more.
  @Test(
    "one window's loss and gradients in float32 agree with float64",
    arguments: [LSTMCell.kind, GRUCell.kind, MGUCell.kind], [1, 2])
  func oneWindow(kind: ModelKind, layers: Int) throws {
    let cell = try #require(kind.cell as? any GatedCell.Type)
    let (loss, gradient) = compareWindow(cell, layers: layers)
    #expect(loss < 1e-7, "\(kind) × \(layers): the losses differ by \(loss) relative")
    #expect(gradient < 2e-6, "\(kind) × \(layers): the gradients differ by \(gradient) (norm)")
  }

  func compareWindow<Cell: GatedCell>(_: Cell.Type, layers: Int) -> (loss: Double, grad: Double) {
    let model = CharModel<Cell>(
      vocabularySize: Self.vocabulary.count, hiddenSize: 37, layers: layers,
      embedding: layers == 2 ? 11 : nil)
    let run = RunState(fresh: model, seed: 5, sequenceLength: 20, optimizer: .adam)
    let double = GatedFastTrainer<Cell, Double>(
      model, run, batch: 3, sequenceLength: 20, learningRate: 0.002)
    let float = GatedFastTrainer<Cell, Float>(
      model, run, batch: 3, sequenceLength: 20, learningRate: 0.002)
    let (a, b) = (double.step(Self.data), float.step(Self.data))
    let (g, h) = (double.lastGradients.flattened, float.lastGradients.flattened)
    let difference = zip(g, h).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
    let norm = g.map { $0 * $0 }.reduce(0, +).squareRoot()
    return (abs(a - b) / a, difference / norm)
  }

  /// The vanilla path, min-char-rnn's model: its first window's loss, as above (measured
  /// 1.6e-9 apart).
  @Test("the vanilla path's first loss in float32 agrees with float64")
  func vanillaWindow() {
    var rng = SeededGenerator(seed: 2)
    let start = RNNParameters.random(
      hiddenSize: 45, vocabularySize: Self.vocabulary.count, using: &rng)
    let double = FastTrainer(parameters: start, sequenceLength: 25, learningRate: 0.1)
    let float = VanillaFastTrainer<Float>(
      parameters: start, sequenceLength: 25, learningRate: 0.1)
    let (a, b) = (double.step(Self.data), float.step(Self.data))
    #expect(abs(a - b) / a < 1e-7, "first loss: float64 \(a), float32 \(b)")
  }

  /// What matters: trained for the same budget on real text (tiny Shakespeare, an LSTM of 48
  /// units, 8 streams, T 32, Adam 0.005, 300 iterations), the two reach the same validation
  /// loss. "The same" means well within what a change of seed moves: on seeds 1–3 the
  /// validation losses were 2.3436, 2.3830 and 2.3909 in both precisions (at most 1e-4 apart),
  /// while the seeds' own spread was 0.047. The bound, 0.005, is a tenth of that spread and 50
  /// times the measured difference.
  @Test("after a fixed budget on real text, float32 reaches float64's validation loss")
  func learnsTheSame() {
    var rows: [(Double, Double)] = []
    for seed in 1...3 { rows.append((budget(Double.self, seed), budget(Float.self, seed))) }
    let text = rows.map { String(format: "%.4f / %.4f", $0.0, $0.1) }.joined(separator: ", ")
    for (double, float) in rows {
      #expect(abs(double - float) < 0.005, "validation float64 / float32, seeds 1–3: \(text)")
    }
  }

  func budget<S: KernelScalar>(_: S.Type, _ seed: Int) -> Double {
    let model = CharModel<LSTMCell>(vocabularySize: Self.vocabulary.count, hiddenSize: 48)
    let run = RunState(fresh: model, seed: UInt64(seed), sequenceLength: 32, optimizer: .adam)
    let trainer = GatedFastTrainer<LSTMCell, S>(
      model, run, batch: 8, sequenceLength: 32, learningRate: 0.005)
    let training = Array(Self.data[..<Self.split])
    for _ in 0..<300 { trainer.step(training) }
    return trainer.validationLoss(Array(Self.data[Self.split...]), sequenceLength: 32)
  }
}
