import Foundation

/// A column vector of `Double`s: the `(n, 1)` arrays of min-char-rnn.
///
/// Deliberately small: element-wise arithmetic, a few reductions, and `map`. The math an
/// exercise asks for is written with these, so it reads like the formulas in the lessons.
public struct Vector: Equatable, Hashable, Sendable, Codable, CustomStringConvertible {
  /// The elements, in order: element i is `scalars[i]`.
  public var scalars: [Double]

  /// The vector with these elements.
  public init(_ scalars: [Double]) { self.scalars = scalars }

  /// A vector of `count` elements, each equal to `value` (zero by default).
  public init(count: Int, repeating value: Double = 0) {
    scalars = Array(repeating: value, count: count)
  }

  /// The zero vector of length `count`, numpy's `np.zeros((count, 1))`.
  public static func zeros(_ count: Int) -> Vector { Vector(count: count) }

  /// The one-hot vector e_index of length `count`.
  public static func oneHot(_ index: Int, count: Int) -> Vector {
    var v = Vector(count: count)
    v[index] = 1
    return v
  }

  /// The number of elements, n.
  public var count: Int { scalars.count }
  /// The valid element indices, 0 ..< n.
  public var indices: Range<Int> { scalars.indices }

  /// Element i, read or written.
  public subscript(i: Int) -> Double {
    get { scalars[i] }
    set { scalars[i] = newValue }
  }

  /// The vector of `f` applied to every element: (f(v_0), …, f(v_{n−1})).
  public func map(_ f: (Double) -> Double) -> Vector { Vector(scalars.map(f)) }

  /// The sum of the elements, Σ_i v_i (0 for an empty vector).
  public func sum() -> Double { scalars.reduce(0, +) }
  /// The largest element; −∞ for an empty vector.
  public func max() -> Double { scalars.max() ?? -.infinity }

  /// The index of the largest element; the first one on ties. -1 for an empty vector.
  public func argmax() -> Int {
    var best = -1
    var bestValue = -Double.infinity
    for i in scalars.indices where best == -1 || scalars[i] > bestValue {
      best = i
      bestValue = scalars[i]
    }
    return best
  }

  /// The elements in brackets, each with 6 significant digits: "[1, 0.5, -2]".
  public var description: String {
    "[" + scalars.map { formatScalar($0) }.joined(separator: ", ") + "]"
  }

  private func sameCount(_ other: Vector, _ op: String) {
    requireShapes(
      count == other.count, "Vector \(op): lengths differ (\(count) vs \(other.count))")
  }

  /// The element-wise sum a + b; the lengths must agree.
  public static func + (a: Vector, b: Vector) -> Vector {
    a.sameCount(b, "+")
    return Vector(zip(a.scalars, b.scalars).map { $0 + $1 })
  }

  /// The element-wise difference a − b; the lengths must agree.
  public static func - (a: Vector, b: Vector) -> Vector {
    a.sameCount(b, "-")
    return Vector(zip(a.scalars, b.scalars).map { $0 - $1 })
  }

  /// Element-wise (Hadamard) product, numpy's `a * b`.
  public static func * (a: Vector, b: Vector) -> Vector {
    a.sameCount(b, "*")
    return Vector(zip(a.scalars, b.scalars).map { $0 * $1 })
  }

  /// Every element times `s`: s·v.
  public static func * (s: Double, v: Vector) -> Vector { v.map { s * $0 } }
  /// Every element times `s`: v·s.
  public static func * (v: Vector, s: Double) -> Vector { v.map { $0 * s } }
  /// Every element divided by `s`: v / s.
  public static func / (v: Vector, s: Double) -> Vector { v.map { $0 / s } }

  /// Element-wise division, numpy's `a / b`.
  public static func / (a: Vector, b: Vector) -> Vector {
    a.sameCount(b, "/")
    return Vector(zip(a.scalars, b.scalars).map { $0 / $1 })
  }

  /// A number and a vector, element by element, as numpy broadcasts: `v + 1`, `1 - v`, `1 / v`.
  public static func + (v: Vector, s: Double) -> Vector { v.map { $0 + s } }
  /// `s` added to every element: s + v.
  public static func + (s: Double, v: Vector) -> Vector { v.map { s + $0 } }
  /// `s` subtracted from every element: v − s.
  public static func - (v: Vector, s: Double) -> Vector { v.map { $0 - s } }
  /// Each element subtracted from `s`: s − v, numpy's `1 - v`.
  public static func - (s: Double, v: Vector) -> Vector { v.map { s - $0 } }
  /// `s` divided by each element: s / v, numpy's `1 / v`.
  public static func / (s: Double, v: Vector) -> Vector { v.map { s / $0 } }
  /// The negated vector −v.
  public static prefix func - (v: Vector) -> Vector { v.map { -$0 } }

  /// Adds `b` element by element, in place: a += b; the lengths must agree.
  public static func += (a: inout Vector, b: Vector) {
    a.sameCount(b, "+=")
    for i in a.indices { a.scalars[i] += b.scalars[i] }
  }

  /// Subtracts `b` element by element, in place: a −= b; the lengths must agree.
  public static func -= (a: inout Vector, b: Vector) {
    a.sameCount(b, "-=")
    for i in a.indices { a.scalars[i] -= b.scalars[i] }
  }

  /// Multiplies every element by `s`, in place.
  public static func *= (a: inout Vector, s: Double) {
    for i in a.indices { a.scalars[i] *= s }
  }

  /// Divides every element by `s`, in place.
  public static func /= (a: inout Vector, s: Double) {
    for i in a.indices { a.scalars[i] /= s }
  }

  /// The dot product aᵀb.
  public func dot(_ other: Vector) -> Double {
    sameCount(other, "dot")
    var s = 0.0
    for i in indices { s += scalars[i] * other.scalars[i] }
    return s
  }

  /// The Euclidean norm ‖v‖₂.
  public var norm: Double { dot(self).squareRoot() }
}

/// A short rendering of a number for messages: 6 significant digits, "nan", "inf".
public func formatScalar(_ x: Double) -> String { formatScalar(x, digits: 6) }

/// A number for messages with `digits` significant digits, exponents as the lessons write them
/// (1e-7, not C's 1e-07).
public func formatScalar(_ x: Double, digits: Int) -> String {
  if x.isNaN { return "nan" }
  if x.isInfinite { return x > 0 ? "inf" : "-inf" }
  return String(format: "%.\(digits)g", x).replacingOccurrences(of: "e-0", with: "e-")
    .replacingOccurrences(of: "e+0", with: "e+")
}

/// Two numbers that differ, with as many digits as it takes to show that they do ("expected
/// 39.8891, got 39.8891" says nothing): 6 significant digits, more when those agree.
public func formatDistinct(_ a: Double, _ b: Double) -> (String, String) {
  var digits = 6
  while digits < 17 && a != b && formatScalar(a, digits: digits) == formatScalar(b, digits: digits)
  {
    digits += 1
  }
  return (formatScalar(a, digits: digits), formatScalar(b, digits: digits))
}
