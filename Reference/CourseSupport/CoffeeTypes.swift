/// ex11's cup of coffee: an n × n grid, row 0 at the top. `cells[r * n + c]` is how much cream
/// the cell at row r, column c holds: 0 or 1 when particles interact (one per cell), any count
/// when they do not.
public struct CoffeeGrid: Equatable, Sendable, Codable {
  /// The side: the grid has n × n cells.
  public let n: Int
  /// The cream in each cell, row by row: `cells[r * n + c]`.
  public var cells: [Int]

  /// The grid of side `n` with these cells; there must be n² of them.
  public init(n: Int, cells: [Int]) {
    require(cells.count == n * n, "a \(n) × \(n) grid holds \(n * n) cells, not \(cells.count)")
    self.n = n
    self.cells = cells
  }

  /// Cream (1) in the top half, coffee (0) below: the cup the moment the cream is poured.
  public static func poured(n: Int) -> CoffeeGrid {
    CoffeeGrid(n: n, cells: (0..<(n * n)).map { $0 < (n / 2) * n ? 1 : 0 })
  }

  /// The cream in the cell at `row`, `column`.
  public subscript(row: Int, column: Int) -> Int {
    get { cells[row * n + column] }
    set { cells[row * n + column] = newValue }
  }

  /// How much cream there is in all: what every step must conserve.
  public var cream: Int { cells.reduce(0, +) }
}

/// The non-interacting cup: each cream particle by itself, as the index of the cell it is in
/// (r * n + c). Any number may share a cell.
public struct CreamParticles: Equatable, Sendable, Codable {
  /// The cup's side.
  public let n: Int
  /// The cell of each particle, as r * n + c.
  public var positions: [Int]

  /// The particles at these cells of a cup of side `n`.
  public init(n: Int, positions: [Int]) {
    self.n = n
    self.positions = positions
  }

  /// One particle in each cell of the top half, in cell order.
  public static func poured(n: Int) -> CreamParticles {
    CreamParticles(n: n, positions: Array(0..<((n / 2) * n)))
  }

  /// How many particles each cell holds.
  public var grid: CoffeeGrid {
    var cells = [Int](repeating: 0, count: n * n)
    for p in positions { cells[p] += 1 }
    return CoffeeGrid(n: n, cells: cells)
  }
}

/// The two models of the paper.
public enum CoffeeModel: String, CaseIterable, Codable, Sendable {
  /// One random adjacent pair per step, swapped when the two differ: particles push each other.
  case interacting
  /// Every particle takes one random-walk step per step, ignoring the others.
  case nonInteracting = "non-interacting"
}

/// One sample of a run: after `step` steps, the compressed sizes (in bits) of the fine-grained
/// grid (the entropy estimate) and of its two coarse-grainings (the apparent complexity).
public struct CurvePoint: Equatable, Sendable, Codable {
  /// How many steps had been taken (attempted swaps, or moves of every particle).
  public var step: Int
  /// The fine-grained grid's compressed size, in bits: the entropy estimate.
  public var entropy: Int
  /// The three-bucket coarse-graining's compressed size, in bits.
  public var complexity: Int
  /// The seven-level adjusted coarse-graining's compressed size, in bits.
  public var adjustedComplexity: Int

  /// The sample, field by field.
  public init(step: Int, entropy: Int, complexity: Int, adjustedComplexity: Int) {
    self.step = step
    self.entropy = entropy
    self.complexity = complexity
    self.adjustedComplexity = adjustedComplexity
  }
}

/// One cup size's run, summarised: what the scaling law is fitted to.
public struct ScalingRow: Sendable, Codable, Equatable {
  /// The cup's side.
  public var n: Int
  /// The run's largest entropy estimate, in bits.
  public var maxEntropy: Int
  /// The run's largest (three-bucket) complexity, in bits.
  public var maxComplexity: Int
  /// The step of the complexity peak (the earliest, on a tie).
  public var peakStep: Int

  /// The row, field by field.
  public init(n: Int, maxEntropy: Int, maxComplexity: Int, peakStep: Int) {
    self.n = n
    self.maxEntropy = maxEntropy
    self.maxComplexity = maxComplexity
    self.peakStep = peakStep
  }
}
