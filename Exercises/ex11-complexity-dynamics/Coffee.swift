import CourseSupport

/// Task 2 · the interacting cup's step: draw one of the 2·n·(n − 1) pairs of neighbouring cells
/// with `rng.nextIndex(below: 2 * n * (n - 1))`, and swap the pair's two cells (when they are
/// equal, swapping changes nothing). Pairs are numbered horizontal ones first, row by row: pair
/// k < n·(n − 1) joins row k / (n − 1), column k % (n − 1) to the cell on its right; pair
/// n·(n − 1) + k joins row k / n, column k % n to the cell below.
public func interactingStep(_ grid: inout CoffeeGrid, using rng: inout SeededGenerator) {
  fatalError("TODO")
}

/// Task 2 · the non-interacting cup's step: every particle, in the order of `positions`, draws
/// a direction with `rng.nextIndex(below: 4)` (0 up, 1 down, 2 left, 3 right) and moves one
/// cell that way, unless that would take it out of the cup: then it stays where it is. A
/// position is a cell's index, row · n + column.
public func nonInteractingStep(_ cream: inout CreamParticles, using rng: inout SeededGenerator) {
  fatalError("TODO")
}
