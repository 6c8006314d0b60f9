/// Stops with `message` unless `condition` holds: `precondition`, but with a message that
/// survives optimisation. These modules are built with -O even in debug builds (Package.swift),
/// and there `precondition` traps without a word, while a learner needs to read "lengths differ
/// (3 vs 4)".
@inline(__always)
public func require(
  _ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID,
  line: UInt = #line
) {
  if !condition { fatalError(message(), file: file, line: line) }
}

/// `require` for two shapes that must agree, with the advice a learner needs: the message says
/// what to compare, so no tool has to recognise the wording.
@inline(__always)
public func requireShapes(
  _ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID,
  line: UInt = #line
) {
  if !condition {
    fatalError(
      message() + ". Two shapes do not fit: compare them with the formula's (H, V)", file: file,
      line: line)
  }
}
