import CourseSupport
import GradientCheck
import Testing

/// Records a failure when `mismatch` is non-nil, and returns whether there was none. The message
/// says what was compared, where it first differs (tensor, index, timestep) with both values,
/// and what to try next.
@discardableResult
public func expectMatch(
  _ mismatch: Mismatch?, _ what: String, tolerance: Double, hint: String,
  sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
  guard let mismatch else { return true }
  Issue.record(
    Comment(
      rawValue: "\(what) differs from the reference (tolerance \(formatScalar(tolerance))): "
        + "\(mismatch). \(hint)"),
    sourceLocation: sourceLocation)
  return false
}

/// Records a failure unless |actual − expected| ≤ tolerance · max(1, |expected|).
public func expectClose(
  _ actual: Double, _ expected: Double, tolerance: Double, _ what: String, hint: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  guard !isClose(actual, expected, tolerance: tolerance) else { return }
  let (e, a) = formatDistinct(expected, actual)
  var text = "\(what): expected \(e), got \(a)"
  if actual.isFinite {
    text +=
      " (difference \(formatScalar(abs(actual - expected))), tolerance \(formatScalar(tolerance)))"
  } else {
    text += " (a non-finite value: look for log(0), exp overflow or a division by zero)"
  }
  Issue.record(Comment(rawValue: text + ". " + hint), sourceLocation: sourceLocation)
}

/// Records a failure when a count or size is not what it should be, and returns whether it was.
@discardableResult
public func expectCount(
  _ actual: Int, _ expected: Int, _ what: String, hint: String,
  sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
  guard actual != expected else { return true }
  Issue.record(
    Comment(rawValue: "\(what): expected \(expected), got \(actual). \(hint)"),
    sourceLocation: sourceLocation)
  return false
}

/// Records `message` as a failure unless `condition` holds, and returns the condition.
@discardableResult
public func expectThat(
  _ condition: Bool, _ message: @autoclosure () -> String,
  sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
  if !condition { Issue.record(Comment(rawValue: message()), sourceLocation: sourceLocation) }
  return condition
}
