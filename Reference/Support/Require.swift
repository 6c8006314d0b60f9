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
