import CourseSupport
import Foundation

extension Reference {
  /// One step of elementary rule `rule` (0…255) on a ring: new cell i is bit number
  /// 4·left + 2·centre + right of the rule, read from the old cells i − 1, i, i + 1.
  public static func nextRow(_ row: [UInt8], rule: Int) -> [UInt8] {
    let w = row.count
    return (0..<w).map { i in
      let pattern = 4 * Int(row[(i + w - 1) % w]) + 2 * Int(row[i]) + Int(row[(i + 1) % w])
      return UInt8((rule >> pattern) & 1)
    }
  }

  /// `row` and the `steps` rows after it: steps + 1 rows, the space-time diagram.
  public static func evolve(rule: Int, from row: [UInt8], steps: Int) -> [[UInt8]] {
    var rows = [row]
    for _ in 0..<steps { rows.append(nextRow(rows[rows.count - 1], rule: rule)) }
    return rows
  }

  /// Shannon entropy, in bits, of the k-cell blocks of a ring row: the row.count blocks that
  /// start at each cell, each pattern weighted by how often it occurs.
  public static func blockEntropy(_ row: [UInt8], k: Int) -> Double {
    let w = row.count
    var counts: [Int: Int] = [:]
    for i in 0..<w {
      var pattern = 0
      for j in 0..<k { pattern = 2 * pattern + Int(row[(i + j) % w]) }
      counts[pattern, default: 0] += 1
    }
    return counts.values.reduce(0) { h, c in
      let p = Double(c) / Double(w)
      return h - p * log2(p)
    }
  }
}
