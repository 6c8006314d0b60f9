import CourseSupport
import GradientCheck

/// What the numbers of a wrong result show, so that a tip fits the mistake (and none is given
/// when no symptom fits): a step taken the wrong way, every value scaled by one factor, or values
/// that kept their old value when they should have changed.
public enum Symptom: Equatable, Sendable {
  /// Every change has the expected size and the opposite sign.
  case signFlipped
  /// Every value is the expected one times the same factor.
  case scaled(by: Double)
  /// Some value that should have changed is still what it was before.
  case unchanged(index: Int)

  /// The symptom of `got` against `expected`, both computed from `before`; nil when none fits.
  /// Values are compared to `tolerance`, relative to max(1, |value|).
  public static func of(
    before: [Double], got: [Double], expected: [Double], tolerance: Double = 1e-9
  ) -> Symptom? {
    guard before.count == got.count, got.count == expected.count else { return nil }
    let indices = got.indices
    if let i = indices.first(where: {
      !isClose(expected[$0], before[$0], tolerance: tolerance)
        && isClose(got[$0], before[$0], tolerance: tolerance)
    }) {
      return .unchanged(index: i)
    }
    let moved = indices.filter { !isClose(expected[$0], before[$0], tolerance: tolerance) }
    if !moved.isEmpty,
      moved.allSatisfy({
        isClose(got[$0] - before[$0], before[$0] - expected[$0], tolerance: tolerance)
      })
    {
      return .signFlipped
    }
    return scaling(of: got, against: expected, tolerance: tolerance).map { .scaled(by: $0) }
  }

  /// The one factor k ≠ 1 with got = k·reference for every element (zeros stay zeros), or nil.
  public static func scaling(of got: [Double], against reference: [Double], tolerance: Double)
    -> Double?
  {
    guard let i = reference.indices.first(where: { abs(reference[$0]) > tolerance }),
      got.count == reference.count
    else { return nil }
    let k = got[i] / reference[i]
    guard k.isFinite, !isClose(k, 1, tolerance: tolerance) else { return nil }
    let fits = reference.indices.allSatisfy {
      isClose(got[$0], k * reference[$0], tolerance: tolerance)
    }
    return fits ? k : nil
  }
}
