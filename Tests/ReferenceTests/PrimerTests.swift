import CourseSupport
import Foundation
import Testing

/// Every Swift spelling in the table of `Exercises/swift-primer.md` compiles and does what its
/// numpy neighbour does, with values worked out by hand.
@Suite("the Swift primer's numpy table") struct PrimerTests {
  let v = Vector([1, -2, 3])

  @Test("construction, shape and indexing")
  func construction() {
    #expect(Vector.zeros(3) == Vector(count: 3))
    #expect(Vector([1.0, 2.0]).scalars == [1, 2])
    let W = Matrix.zeros(2, 3)
    #expect(W.shape == (rows: 2, cols: 3) && W.rows == 2 && W.cols == 3)
    #expect(v[1] == -2 && v.count == 3 && W[1, 2] == 0)
    #expect(v.scalars == [1, -2, 3])
  }

  @Test("element-wise arithmetic, with a number on either side")
  func arithmetic() {
    let b = Vector([2, 2, 2])
    #expect((v + b).scalars == [3, 0, 5] && (v - b).scalars == [-1, -4, 1])
    #expect((v * b).scalars == [2, -4, 6] && (v / b).scalars == [0.5, -1, 1.5])
    #expect((v * 2).scalars == [2, -4, 6] && (2 * v).scalars == [2, -4, 6])
    #expect((v / 2).scalars == [0.5, -1, 1.5])
    #expect((v + 1).scalars == [2, -1, 4] && (1 - v).scalars == [0, 3, -2])
    #expect((-v).scalars == [-1, 2, -3] && (v * v).scalars == [1, 4, 9])
    let temperature = 0.5
    #expect((v * temperature) == (temperature * v), "logits * temperature, as numpy users write it")
  }

  @Test("functions of each element, reductions and products")
  func functions() {
    #expect(v.map(exp)[0] == exp(1.0) && v.map(tanh)[1] == tanh(-2.0))
    #expect(Vector([1]).map(log).scalars == [0] && Vector([1, 100]).map(log10).scalars == [0, 2])
    #expect(Vector([4, 9]).map { $0.squareRoot() }.scalars == [2, 3])
    #expect(Vector([-7, 0.5, 9]).map { min(max($0, -5), 5) }.scalars == [-5, 0.5, 5])
    #expect(v.sum() == 2 && v.max() == 3 && v.argmax() == 2)
    #expect(v.dot(Vector([1, 1, 1])) == 2 && Vector([3, 4]).norm == 5)
  }

  @Test("matrix products, rows, columns and the gradient updates")
  func matrices() {
    // W = [[1, 2, 3], [4, 5, 6]]
    var W = Matrix(rows: 2, cols: 3, scalars: [1, 2, 3, 4, 5, 6])
    #expect((W * v).scalars == [6, 12])  // W @ x
    #expect(W.transposedTimes(Vector([1, 1])).scalars == [5, 7, 9])  // W.T @ d
    #expect(W.column(1).scalars == [2, 5] && W.row(0).scalars == [1, 2, 3])
    W.addOuterProduct(Vector([1, 0]), Vector([1, 1, 1]))  // W += np.outer(a, b)
    #expect(W.scalars == [2, 3, 4, 4, 5, 6])
    W.addToColumn(0, Vector([10, 10]))  // W[:, 0] += v
    #expect(W.column(0).scalars == [12, 14])
  }
}
