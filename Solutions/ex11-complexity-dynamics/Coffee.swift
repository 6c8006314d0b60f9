import CourseSupport

/// Task 2 · the interacting cup's step: draw one of the 2·n·(n − 1) pairs of neighbouring cells
/// with `rng.nextIndex(below: 2 * n * (n - 1))`, and swap the pair's two cells (when they are
/// equal, swapping changes nothing). Pairs are numbered horizontal ones first, row by row: pair
/// k < n·(n − 1) joins row k / (n − 1), column k % (n − 1) to the cell on its right; pair
/// n·(n − 1) + k joins row k / n, column k % n to the cell below.
public func interactingStep(_ grid: inout CoffeeGrid, using rng: inout SeededGenerator) {
  // BEGIN SOLUTION
  let n = grid.n
  let k = rng.nextIndex(below: 2 * n * (n - 1))
  let horizontal = n * (n - 1)
  if k < horizontal {
    let (row, column) = (k / (n - 1), k % (n - 1))
    let left = grid[row, column]
    grid[row, column] = grid[row, column + 1]
    grid[row, column + 1] = left
  } else {
    let (row, column) = ((k - horizontal) / n, (k - horizontal) % n)
    let above = grid[row, column]
    grid[row, column] = grid[row + 1, column]
    grid[row + 1, column] = above
  }
  // END SOLUTION
}

/// Task 2 · the non-interacting cup's step: every particle, in the order of `positions`, draws
/// a direction with `rng.nextIndex(below: 4)` (0 up, 1 down, 2 left, 3 right) and moves one
/// cell that way, unless that would take it out of the cup: then it stays where it is. A
/// position is a cell's index, row · n + column.
public func nonInteractingStep(_ cream: inout CreamParticles, using rng: inout SeededGenerator) {
  // BEGIN SOLUTION
  let n = cream.n
  for i in cream.positions.indices {
    let row = cream.positions[i] / n
    let column = cream.positions[i] % n
    let direction = rng.nextIndex(below: 4)
    if direction == 0 && row > 0 { cream.positions[i] -= n }
    if direction == 1 && row < n - 1 { cream.positions[i] += n }
    if direction == 2 && column > 0 { cream.positions[i] -= 1 }
    if direction == 3 && column < n - 1 { cream.positions[i] += 1 }
  }
  // END SOLUTION
}
