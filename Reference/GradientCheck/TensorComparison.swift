import CourseSupport

/// Where two tensors first disagree, with both values: the raw material of a failure message.
public struct Mismatch: Sendable, Equatable, CustomStringConvertible {
  /// e.g. `dWhh[3, 7]` or `ps[t=4][2]`.
  public let location: String
  /// The expected value there (the expected element count when the sizes differ).
  public let expected: Double
  /// The actual value there (the actual element count when the sizes differ).
  public let actual: Double
  /// Extra words, e.g. why a NaN usually appears.
  public let note: String?

  /// "location: expected e, got a (note)", with enough digits to tell e from a.
  public var description: String {
    let (e, a) = formatDistinct(expected, actual)
    var text = "\(location): expected \(e), got \(a)"
    if let note { text += " (\(note))" }
    return text
  }
}

/// True when |actual − expected| ≤ tolerance · max(1, |expected|): relative for large values,
/// absolute near zero. NaN and ∞ are never close to a finite expectation.
public func isClose(_ actual: Double, _ expected: Double, tolerance: Double) -> Bool {
  if actual.isNaN || expected.isNaN { return false }
  if actual.isInfinite || expected.isInfinite { return actual == expected }
  return abs(actual - expected) <= tolerance * max(1, abs(expected))
}

/// The first element where `actual` is not within `tolerance` of `expected` (see `isClose`),
/// a non-finite value first of all; nil when they agree. `cols` turns flat indices into
/// `[row, col]`; leave it 1 for vectors.
public func firstMismatch(
  _ name: String, actual: [Double], expected: [Double], tolerance: Double, cols: Int = 1
) -> Mismatch? {
  func label(_ i: Int) -> String {
    cols == 1 ? "\(name)[\(i)]" : "\(name)[\(i / cols), \(i % cols)]"
  }
  if actual.count != expected.count {
    return Mismatch(
      location: name, expected: Double(expected.count), actual: Double(actual.count),
      note: "number of elements differs")
  }
  if let i = actual.firstIndex(where: { !$0.isFinite }), expected[i].isFinite {
    return Mismatch(
      location: label(i), expected: expected[i], actual: actual[i],
      note: "a non-finite value: look for log(0), exp overflow or a division by zero")
  }
  for i in actual.indices where !isClose(actual[i], expected[i], tolerance: tolerance) {
    return Mismatch(location: label(i), expected: expected[i], actual: actual[i], note: nil)
  }
  return nil
}

/// The first element where two vectors differ beyond `tolerance`, as the array version.
public func firstMismatch(_ name: String, actual: Vector, expected: Vector, tolerance: Double)
  -> Mismatch?
{
  firstMismatch(name, actual: actual.scalars, expected: expected.scalars, tolerance: tolerance)
}

/// The first entry where two matrices differ beyond `tolerance`, labelled `name[row, col]`;
/// a shape mismatch first of all.
public func firstMismatch(_ name: String, actual: Matrix, expected: Matrix, tolerance: Double)
  -> Mismatch?
{
  if actual.rows != expected.rows || actual.cols != expected.cols {
    return Mismatch(
      location: name, expected: Double(expected.scalars.count),
      actual: Double(actual.scalars.count),
      note: "shape \(actual.rows)×\(actual.cols), expected \(expected.rows)×\(expected.cols)")
  }
  return firstMismatch(
    name, actual: actual.scalars, expected: expected.scalars, tolerance: tolerance,
    cols: expected.cols)
}

/// The first tensor where two tensor sets (parameters, gradients, states) differ: its shape,
/// then its first element out of tolerance, named as `prefix` + the tensor's name (`dWhh[3, 7]`).
public func firstMismatch<T: TensorSet>(
  _ prefix: String, actual: T, expected: T, tolerance: Double
) -> Mismatch? {
  let actualSlots = Dictionary(
    actual.tensors.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
  for slot in expected.tensors {
    let name = prefix + slot.name
    guard let given = actualSlots[slot.name] else {
      return Mismatch(location: name, expected: Double(slot.count), actual: 0, note: "missing")
    }
    if (given.rows, given.cols) != (slot.rows, slot.cols) {
      return Mismatch(
        location: name, expected: Double(slot.count), actual: Double(given.count),
        note: "shape \(given.shapeText), expected \(slot.shapeText)")
    }
    if let m = firstMismatch(
      name, actual: actual[keyPath: given.values], expected: expected[keyPath: slot.values],
      tolerance: tolerance, cols: slot.isVector ? 1 : slot.cols)
    {
      return m
    }
  }
  return nil
}

/// The names of every tensor where two tensor sets differ beyond `tolerance` (in shape or in any
/// element), in `expected`'s order: which parts of a gradient a mistake reaches.
public func differingTensors<T: TensorSet>(actual: T, expected: T, tolerance: Double) -> [String] {
  let actualSlots = Dictionary(
    actual.tensors.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
  return expected.tensors.filter { slot in
    guard let given = actualSlots[slot.name], (given.rows, given.cols) == (slot.rows, slot.cols)
    else { return true }
    return firstMismatch(
      slot.name, actual: actual[keyPath: given.values], expected: expected[keyPath: slot.values],
      tolerance: tolerance) != nil
  }.map(\.name)
}
