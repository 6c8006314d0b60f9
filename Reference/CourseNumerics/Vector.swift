import Foundation

/// A column vector of `Double`s: the `(n, 1)` arrays of min-char-rnn.
///
/// Deliberately small: element-wise arithmetic, a few reductions, and `map`. The math an
/// exercise asks for is written with these, so it reads like the formulas in the lessons.
public struct Vector: Equatable, Hashable, Sendable, Codable, CustomStringConvertible {
  public var scalars: [Double]

  public init(_ scalars: [Double]) { self.scalars = scalars }

  public init(count: Int, repeating value: Double = 0) {
    scalars = Array(repeating: value, count: count)
  }

  public static func zeros(_ count: Int) -> Vector { Vector(count: count) }

  /// The one-hot vector e_index of length `count`.
  public static func oneHot(_ index: Int, count: Int) -> Vector {
    var v = Vector(count: count)
    v[index] = 1
    return v
  }

  public var count: Int { scalars.count }
  public var indices: Range<Int> { scalars.indices }

  public subscript(i: Int) -> Double {
    get { scalars[i] }
    set { scalars[i] = newValue }
  }

  public func map(_ f: (Double) -> Double) -> Vector { Vector(scalars.map(f)) }

  public func sum() -> Double { scalars.reduce(0, +) }
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

  public var description: String {
    "[" + scalars.map { formatScalar($0) }.joined(separator: ", ") + "]"
  }

  private func sameCount(_ other: Vector, _ op: String) {
    requireShapes(
      count == other.count, "Vector \(op): lengths differ (\(count) vs \(other.count))")
  }

  public static func + (a: Vector, b: Vector) -> Vector {
    a.sameCount(b, "+")
    return Vector(zip(a.scalars, b.scalars).map { $0 + $1 })
  }

  public static func - (a: Vector, b: Vector) -> Vector {
    a.sameCount(b, "-")
    return Vector(zip(a.scalars, b.scalars).map { $0 - $1 })
  }

  /// Element-wise (Hadamard) product, numpy's `a * b`.
  public static func * (a: Vector, b: Vector) -> Vector {
    a.sameCount(b, "*")
    return Vector(zip(a.scalars, b.scalars).map { $0 * $1 })
  }

  public static func * (s: Double, v: Vector) -> Vector { v.map { s * $0 } }
  public static func * (v: Vector, s: Double) -> Vector { v.map { $0 * s } }
  public static func / (v: Vector, s: Double) -> Vector { v.map { $0 / s } }

  /// Element-wise division, numpy's `a / b`.
  public static func / (a: Vector, b: Vector) -> Vector {
    a.sameCount(b, "/")
    return Vector(zip(a.scalars, b.scalars).map { $0 / $1 })
  }

  /// A number and a vector, element by element, as numpy broadcasts: `v + 1`, `1 - v`, `1 / v`.
  public static func + (v: Vector, s: Double) -> Vector { v.map { $0 + s } }
  public static func + (s: Double, v: Vector) -> Vector { v.map { s + $0 } }
  public static func - (v: Vector, s: Double) -> Vector { v.map { $0 - s } }
  public static func - (s: Double, v: Vector) -> Vector { v.map { s - $0 } }
  public static func / (s: Double, v: Vector) -> Vector { v.map { s / $0 } }
  public static prefix func - (v: Vector) -> Vector { v.map { -$0 } }

  public static func += (a: inout Vector, b: Vector) {
    a.sameCount(b, "+=")
    for i in a.indices { a.scalars[i] += b.scalars[i] }
  }

  public static func -= (a: inout Vector, b: Vector) {
    a.sameCount(b, "-=")
    for i in a.indices { a.scalars[i] -= b.scalars[i] }
  }

  public static func *= (a: inout Vector, s: Double) {
    for i in a.indices { a.scalars[i] *= s }
  }

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

/// A number for messages with `digits` significant digits.
public func formatScalar(_ x: Double, digits: Int) -> String {
  if x.isNaN { return "nan" }
  if x.isInfinite { return x > 0 ? "inf" : "-inf" }
  return String(format: "%.\(digits)g", x)
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
