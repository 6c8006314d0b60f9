/// Returns double(x).
public func double(_ x: Double) -> Double {
  fatalError("TODO")
}
