/// Returns negate(x).
public func negate(_ x: Double) -> Double {
  // BEGIN SOLUTION
  return -x
  // END SOLUTION
}
