/// The answer: a second exercise, which must still be graded while the first does not compile.
public func answer() -> Int {
  // BEGIN SOLUTION
  return 42
  // END SOLUTION
}
