/// Starting rows for ex11's elementary automata: cells 0 or 1 on a ring (the last cell's right
/// neighbour is the first).
public enum AutomatonRow {
  /// One live cell in the middle (at width / 2) of a dead row.
  public static func singleCell(width: Int) -> [UInt8] {
    (0..<width).map { $0 == width / 2 ? 1 : 0 }
  }

  /// Each cell live with probability 1/2, drawn left to right with the course's generator.
  public static func random(width: Int, seed: UInt64) -> [UInt8] {
    var rng = SeededGenerator(seed: seed)
    return (0..<width).map { _ in UInt8(rng.nextIndex(below: 2)) }
  }
}
