import CourseSupport

/// Which coder measures a grid's information.
public enum Compressor: String, CaseIterable, Codable, Sendable {
  case lzw, deflate

  /// The size in bits of `symbols`, each below `alphabet`.
  public func bits(_ symbols: [Int], alphabet: Int) -> Int {
    switch self {
    case .lzw: Reference.lzwBits(symbols, alphabet: alphabet)
    case .deflate: Reference.deflateBits(symbols)
    }
  }
}

/// One run of a cup: its curve and the grids at the chosen steps.
public struct CoffeeRun: Sendable, Codable {
  /// Which cup ran: interacting (swaps) or non-interacting (particles).
  public var model: CoffeeModel
  /// The cup's side: n × n cells.
  public var n: Int
  /// The coarse-graining's grain, as `Reference.windowAverage` takes it.
  public var grain: Int
  /// How the seven-level coarse-graining was made.
  public var adjustment: Adjustment
  /// The measurements at each sampled step, from step 0 to the last.
  public var points: [CurvePoint]
  /// The grids kept at the steps asked for, in order of step.
  public var snapshots: [Snapshot]

  /// The cup's grid at one step.
  public struct Snapshot: Sendable, Codable {
    /// The step (attempted swaps, or moves of every particle) at which the grid was kept.
    public var step: Int
    /// The grid then: each cell's amount of cream.
    public var grid: CoffeeGrid
  }

  /// The sample with the largest (adjusted, when asked) complexity; the earliest on a tie.
  public func peak(adjusted: Bool = false) -> CurvePoint {
    points.max {
      let (a, b) =
        adjusted ? ($0.adjustedComplexity, $1.adjustedComplexity) : ($0.complexity, $1.complexity)
      return a < b || (a == b && $0.step > $1.step)
    }!
  }

  /// The adjusted complexity's mean over each of `parts` equal runs of samples, in order: a
  /// summary that one noisy sample cannot move much, so flat and rise-and-fall tell apart.
  public func adjustedMeans(parts: Int) -> [Double] {
    (0..<parts).map { k in
      let slice = points[(k * points.count / parts)..<((k + 1) * points.count / parts)]
      return Double(slice.map(\.adjustedComplexity).reduce(0, +)) / Double(slice.count)
    }
  }
}

extension Reference {
  /// A grid's entropy estimate (the fine-grained cells compressed) and its apparent complexity
  /// (the coarse-graining compressed, three buckets and seven adjusted levels), in bits. The
  /// cup's model matters only to the adjustments that divide the non-interacting cup's averages.
  public static func measure(
    _ grid: CoffeeGrid, grain: Int, compressor: Compressor, adjustment: Adjustment = .adjusted,
    model: CoffeeModel = .interacting
  ) -> (entropy: Int, complexity: Int, adjusted: Int) {
    let averages = windowAverage(grid, grain: grain)
    return (
      compressor.bits(grid.cells, alphabet: fineAlphabet(grid)),
      compressor.bits(threeBuckets(averages), alphabet: 3),
      compressor.bits(adjustment.levels(averages, n: grid.n, model: model), alphabet: 7)
    )
  }

  /// The fine-grained grid's alphabet: its largest count plus one, at least 2.
  public static func fineAlphabet(_ grid: CoffeeGrid) -> Int { max((grid.cells.max() ?? 0) + 1, 2) }

  /// Pours a cup of side n and runs `model` for `steps` steps (attempted swaps, or moves of
  /// every particle), measuring it at step k · steps / samples for k = 0 … samples, and keeping
  /// the grid at each step of `snapshotsAt` (those up to `steps`).
  public static func coffeeRun(
    _ model: CoffeeModel, n: Int, grain: Int, steps: Int, samples: Int, seed: UInt64,
    compressor: Compressor = .lzw, adjustment: Adjustment = .adjusted, snapshotsAt: [Int] = []
  ) -> CoffeeRun {
    var rng = SeededGenerator(seed: seed)
    var grid = CoffeeGrid.poured(n: n)
    var cream = CreamParticles.poured(n: n)
    var run = CoffeeRun(
      model: model, n: n, grain: grain, adjustment: adjustment, points: [], snapshots: [])
    var done = 0
    func advance(to target: Int) {
      while done < target {
        switch model {
        case .interacting: interactingStep(&grid, using: &rng)
        case .nonInteracting: nonInteractingStep(&cream, using: &rng)
        }
        done += 1
      }
    }
    var snapshotsLeft = snapshotsAt.filter { $0 <= steps }.sorted()
    for k in 0...samples {
      let mark = k * steps / samples
      while let s = snapshotsLeft.first, s <= mark {
        advance(to: s)
        run.snapshots.append(.init(step: s, grid: model == .interacting ? grid : cream.grid))
        snapshotsLeft.removeFirst()
      }
      advance(to: mark)
      let m = measure(
        model == .interacting ? grid : cream.grid, grain: grain, compressor: compressor,
        adjustment: adjustment, model: model)
      run.points.append(
        CurvePoint(
          step: mark, entropy: m.entropy, complexity: m.complexity, adjustedComplexity: m.adjusted))
    }
    return run
  }
}

extension CoffeeModel {
  /// Steps enough to mix a cup of side n: 12,000,000 · (n/64)⁴ attempted swaps (about 2,900
  /// sweeps of n² at n = 64; the 3-bucket peak comes about a third of the way), or
  /// 12,000 · (n/64)² moves of every particle (the peak comes sooner, near an eighth). Diffusion
  /// across n cells takes time ∝ n².
  public func stepsToMix(n: Int) -> Int {
    let scale = Double(n) / 64
    switch self {
    case .interacting: return Int(12_000_000 * scale * scale * scale * scale)
    case .nonInteracting: return Int(12_000 * scale * scale)
    }
  }

  /// Steps in the unit the lesson plots: sweeps of n² attempted swaps, or steps.
  public func time(_ step: Int, n: Int) -> Double {
    self == .interacting ? Double(step) / Double(n * n) : Double(step)
  }

  /// The name of the unit `time(_:n:)` returns, for a plot's axis.
  public var timeUnit: String { self == .interacting ? "sweeps (n² attempted swaps)" : "steps" }
}
