import CourseSupport
import Foundation
import GraderCore
import ReferenceRNN

/// Everything `rnn complexity` measures: results.json.
struct ComplexityStudy: Encodable {
  var settings: ComplexitySettings
  /// blockEntropy[i]: at row entropyRows[i], H_k / k for k in entropyBlocks.
  var entropyRows: [Int]
  var entropyBlocks = [1, 2, 4, 8]
  var blockEntropy: [[Double]]
  var runs: [MeasuredRun]
  var scaling: [ScalingRecord]
  var exponents: Exponents

  struct MeasuredRun: Encodable {
    var compressor: Compressor
    var run: CoffeeRun

    /// The curve and when the snapshots were taken; the grids are in the pictures.
    func encode(to encoder: Encoder) throws {
      var c = encoder.container(keyedBy: Keys.self)
      try c.encode(compressor, forKey: .compressor)
      try c.encode(run.model, forKey: .model)
      try c.encode(run.n, forKey: .n)
      try c.encode(run.grain, forKey: .grain)
      try c.encode(run.adjustment, forKey: .adjustment)
      try c.encode(run.points, forKey: .points)
      try c.encode(run.snapshots.map(\.step), forKey: .snapshotSteps)
    }

    enum Keys: String, CodingKey {
      case compressor, model, n, grain, adjustment, points, snapshotSteps
    }
  }

  struct ScalingRecord: Codable {
    var seed: UInt64
    var grain: Int
    var row: ScalingRow
    var maxAdjustedComplexity: Int
    /// The peak's time in sweeps of n² attempted swaps.
    var peakSweeps: Double
  }

  struct Exponents: Codable {
    var entropy: Double
    var complexity: Double
    var adjustedComplexity: Double
    var peakSweeps: Double
  }

  /// The rule's rows (kept out of results.json: they are the picture).
  var ruleRows: [[UInt8]] = []
  private enum CodingKeys: String, CodingKey {
    case settings, entropyRows, entropyBlocks, blockEntropy, runs, scaling, exponents
  }

  init(_ settings: ComplexitySettings) {
    self.settings = settings
    ruleRows = Reference.evolve(
      rule: settings.rule, from: AutomatonRow.singleCell(width: settings.width),
      steps: settings.rows)
    entropyRows = Array(Set([0, settings.rows / 4, settings.rows / 2, settings.rows])).sorted()
    blockEntropy = entropyRows.map { [ruleRows] t in
      [1, 2, 4, 8].map { k in Reference.blockEntropy(ruleRows[t], k: k) / Double(k) }
    }
    (runs, scaling) = Self.measure(settings)
    exponents = Self.fit(scaling)
  }

  /// The cup of side n (both models, both coders) and the scaling runs, two at a time.
  static func measure(_ s: ComplexitySettings) -> ([MeasuredRun], [ScalingRecord]) {
    let cups = CoffeeModel.allCases.flatMap { model in Compressor.allCases.map { (model, $0) } }
    let sizes = s.sizes.flatMap { n in s.seeds.map { (n, $0) } }
    let progress = Counter(total: cups.count + sizes.count, noun: "cups mixed")
    let runs = parallelMap(cups.count) { k in
      let (model, compressor) = cups[k]
      let steps = model.stepsToMix(n: s.n)
      let run = Reference.coffeeRun(
        model, n: s.n, grain: s.grain.size(n: s.n), steps: steps, samples: 60, seed: s.seed,
        compressor: compressor, adjustment: s.adjustment,
        snapshotsAt: compressor == .deflate ? [0, 1, 2, 4, 8, 12].map { $0 * steps / 12 } : [])
      progress.tick()
      return MeasuredRun(compressor: compressor, run: run)
    }
    let scaling = parallelMap(sizes.count) { k in
      let (n, seed) = sizes[k]
      let run = Reference.coffeeRun(
        .interacting, n: n, grain: s.grain.size(n: n),
        steps: CoffeeModel.interacting.stepsToMix(n: n), samples: 60, seed: seed,
        compressor: .deflate, adjustment: s.adjustment)
      progress.tick()
      let row = Reference.scalingRow(n: n, points: run.points)
      return ScalingRecord(
        seed: seed, grain: run.grain, row: row,
        maxAdjustedComplexity: run.peak(adjusted: true).adjustedComplexity,
        peakSweeps: CoffeeModel.interacting.time(row.peakStep, n: n))
    }
    progress.finish()
    return (runs, scaling)
  }

  static func fit(_ records: [ScalingRecord]) -> Exponents {
    let n = records.map { Double($0.row.n) }
    func exponent(_ y: (ScalingRecord) -> Double) -> Double {
      Reference.powerLawFit(n, records.map(y)).exponent
    }
    return Exponents(
      entropy: exponent { Double($0.row.maxEntropy) },
      complexity: exponent { Double($0.row.maxComplexity) },
      adjustedComplexity: exponent { Double($0.maxAdjustedComplexity) },
      peakSweeps: exponent(\.peakSweeps))
  }

  func run(_ model: CoffeeModel, _ compressor: Compressor) -> CoffeeRun {
    runs.first { $0.run.model == model && $0.compressor == compressor }!.run
  }
}
