import CourseSupport

/// Task 5 · a cup, measured: the entropy estimate is `lzwBits` of the fine-grained cells (with
/// an alphabet of the largest cell value + 1, at least 2); the apparent complexity is `lzwBits`
/// of `threeBuckets` (alphabet 3), and the adjusted one of `adjustedBuckets` (alphabet 7), both
/// of `windowAverage(grid, grain:)`.
public func measure(_ grid: CoffeeGrid, grain: Int) -> (
  entropy: Int, complexity: Int, adjusted: Int
) {
  // BEGIN SOLUTION
  let averages = windowAverage(grid, grain: grain)
  let alphabet = max((grid.cells.max() ?? 0) + 1, 2)
  return (
    lzwBits(grid.cells, alphabet: alphabet),
    lzwBits(threeBuckets(averages), alphabet: 3),
    lzwBits(adjustedBuckets(averages, n: grid.n), alphabet: 7)
  )
  // END SOLUTION
}

/// Task 5 · the curves: pour a cup of side n (`CoffeeGrid.poured(n:)` or
/// `CreamParticles.poured(n:)`), make one `SeededGenerator(seed:)`, and run `steps` steps of
/// `model`, measuring the cup at step k · steps / samples (integer division) for k = 0 …
/// samples: samples + 1 points, the first before any step. For the non-interacting model, the
/// grid is `cream.grid`.
public func coffeeRun(
  _ model: CoffeeModel, n: Int, grain: Int, steps: Int, samples: Int, seed: UInt64
) -> [CurvePoint] {
  // BEGIN SOLUTION
  var rng = SeededGenerator(seed: seed)
  var grid = CoffeeGrid.poured(n: n)
  var cream = CreamParticles.poured(n: n)
  var points: [CurvePoint] = []
  var done = 0
  for k in 0...samples {
    while done < k * steps / samples {
      if model == .interacting {
        interactingStep(&grid, using: &rng)
      } else {
        nonInteractingStep(&cream, using: &rng)
      }
      done += 1
    }
    let m = measure(model == .interacting ? grid : cream.grid, grain: grain)
    points.append(
      CurvePoint(
        step: done, entropy: m.entropy, complexity: m.complexity, adjustedComplexity: m.adjusted))
  }
  return points
  // END SOLUTION
}
