import CourseSupport

/// Small deterministic problems shared by the suites: the same numbers on every platform.
public enum Fixtures {
  /// A model with weights large enough that every gradient is far from zero, an input
  /// sequence that uses every character, and a non-zero starting hidden state.
  public struct RNNProblem: Sendable {
    public let parameters: RNNParameters
    public let hPrev: Vector
    public let inputs: [Int]
    public let targets: [Int]
  }

  /// V = 5, H = 8, T = 7. Weights N(0, 1)·0.5, biases N(0, 1)·0.1, hPrev N(0, 1)·0.5.
  public static func rnnProblem(seed: UInt64 = 1) -> RNNProblem {
    var rng = SeededGenerator(seed: seed)
    var p = RNNParameters.random(hiddenSize: 8, vocabularySize: 5, scale: 0.5, using: &rng)
    for i in p.bh.indices { p.bh[i] = 0.1 * rng.nextNormal() }
    for i in p.by.indices { p.by[i] = 0.1 * rng.nextNormal() }
    let hPrev = Vector((0..<8).map { _ in 0.5 * rng.nextNormal() })
    let sequence = [0, 3, 1, 4, 2, 2, 0, 1]
    return RNNProblem(
      parameters: p, hPrev: hPrev, inputs: Array(sequence.dropLast()),
      targets: Array(sequence.dropFirst()))
  }

  /// `count` characters of "abcabc…" as indices 0, 1, 2, 0, 1, 2, …
  public static func abcPattern(count: Int) -> [Int] { (0..<count).map { $0 % 3 } }
}
