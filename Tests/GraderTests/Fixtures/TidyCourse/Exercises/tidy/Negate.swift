/// Returns negate(x).
public func negate(_ x: Double) -> Double {
  fatalError("TODO")
}
