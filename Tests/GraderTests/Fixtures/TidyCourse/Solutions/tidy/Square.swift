/// Returns square(x).
public func square(_ x: Double) -> Double {
  // BEGIN SOLUTION
  return x * x
  // END SOLUTION
}
