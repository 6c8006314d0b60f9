/// Returns double(x).
public func double(_ x: Double) -> Double {
  // BEGIN SOLUTION
  return 2 * x
  // END SOLUTION
}
