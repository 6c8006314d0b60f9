import CourseSupport
import CourseTesting
import Ex08
import GradientCheck
import ReferenceRNN
import Testing

/// Task `embedding`: a row lookup, and its gradient added into the rows read.
@Suite("embedding") struct Embedding {
  let table: Matrix = {
    var rng = SeededGenerator(seed: 3)
    return Matrix.random(5, 3, scale: 1, using: &rng)
  }()

  @Test("reading a row equals a one-hot vector times the table")
  func rowIsOneHotProduct() {
    let characters = [2, 0, 4, 2]
    let got = embed(characters, table: table)
    guard expectCount(got.count, 4, "embed of 4 characters", hint: "One vector per character.")
    else { return }
    for (t, c) in characters.enumerated() {
      // Eᵀ·onehot(c), the product written out: what an embedding saves us from computing.
      let product = table.transposedTimes(.oneHot(c, count: 5))
      expectMatch(
        firstMismatch("embed(…)[t=\(t)]", actual: got[t], expected: product, tolerance: 1e-15),
        "the embedding of character \(c)", tolerance: 1e-15,
        hint: "It is row \(c) of the table, table.row(\(c)): E numbers, one per column.")
    }
  }

  /// Characters 2, 0, 2: row 2 gets the first and the third gradient, row 0 the second, the
  /// other rows nothing.
  @Test("the gradient goes into the rows read, both contributions for a character read twice")
  func gradient() {
    let characters = [2, 0, 2]
    let d = [Vector([1, 2, 3]), Vector([-1, 0.5, 0]), Vector([10, 20, 30])]
    let got = embeddingGradient(characters: characters, gradients: d, vocabularySize: 5)
    var want = Matrix.zeros(5, 3)
    for (c, g) in zip(characters, d) { want.addOuterProduct(.oneHot(c, count: 5), g) }
    expectMatch(
      firstMismatch("dTable", actual: got, expected: want, tolerance: 1e-15),
      "embeddingGradient", tolerance: 1e-15,
      hint:
        "Start from a 5 × 3 zero matrix and add each gradient into its character's row (addToRow): row 2 gets [1, 2, 3] + [10, 20, 30] = [11, 22, 33]; assigning instead of adding keeps only the last."
    )
  }
}
