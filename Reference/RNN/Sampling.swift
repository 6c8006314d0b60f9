import CourseSupport
import Foundation

extension Reference {
  /// One step of the recurrence for sampling: the next hidden state and the distribution of
  /// the next character after reading `input`.
  public static func step(input: Int, h: Vector, parameters p: RNNParameters) -> (
    h: Vector, probabilities: Vector
  ) {
    let next = (p.Wxh.column(input) + p.Whh * h + p.bh).map(tanh)
    return (next, softmax(p.Why * next + p.by))
  }

  /// Greedy decoding: feed `seed`, take the most likely next character (the first on ties),
  /// feed it back, `count` times. The seed itself is not part of the result.
  public static func sampleGreedy(
    parameters p: RNNParameters, hPrev: Vector, seed: Int, count: Int
  ) -> [Int] {
    var h = hPrev
    var x = seed
    var out: [Int] = []
    for _ in 0..<count {
      let s = step(input: x, h: h, parameters: p)
      h = s.h
      x = s.probabilities.argmax()
      out.append(x)
    }
    return out
  }
}
