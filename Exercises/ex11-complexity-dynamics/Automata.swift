import CourseSupport
import Foundation

/// Task 1 · one step of an elementary automaton on a ring of cells (the last cell's right
/// neighbour is the first). The rule number's bits are the new cells: for a neighbourhood
/// (left, centre, right), the new centre is bit number 4·left + 2·centre + right of `rule`.
/// Rule 30 = 0b00011110: 111 → 0, 110 → 0, 101 → 0, 100 → 1, 011 → 1, 010 → 1, 001 → 1, 000 → 0.
public func nextRow(_ row: [UInt8], rule: Int) -> [UInt8] {
  fatalError("TODO")
}

/// Task 1 · the space-time diagram: `row` followed by the `steps` rows after it.
public func evolve(rule: Int, from row: [UInt8], steps: Int) -> [[UInt8]] {
  fatalError("TODO")
}

/// Task 1 · how unpredictable a row is: the Shannon entropy, in bits, of its blocks of k cells.
/// A ring of w cells has w blocks, one starting at each cell (wrapping around); if a pattern
/// occurs c times, p = c / w, and H = −Σ p·log₂ p over the patterns that occur.
public func blockEntropy(_ row: [UInt8], k: Int) -> Double {
  fatalError("TODO")
}
