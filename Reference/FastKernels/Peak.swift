/// One core's floating-point peak in GFLOP/s for vectors of type `V` (the widest register of a
/// precision, as the module this is inlined into is compiled), measured the way
/// ../shared/bench/fma_peak.c does: 12 independent chains of a = a·b + c, so no step waits for
/// the one before, on registers alone, so nothing waits for memory. A fused step counts as 2
/// flops; unfused, the multiply and the add are 2 instructions and still 2 flops.
@inlinable @inline(__always)
public func peakLoop<V: SIMD>(_: V.Type, fused: Bool, steps: Int = 4_000_000) -> Double
where V.Scalar: KernelScalar {
  let (b, c) = (V(repeating: 0.999_999), V(repeating: 1e-7))
  @inline(__always) func step(_ a: V) -> V { fused ? c.addingProduct(a, b) : a * b + c }
  var (a0, a1, a2, a3) = (V(repeating: 0), V(repeating: 1), V(repeating: 2), V(repeating: 3))
  var (a4, a5, a6, a7) = (V(repeating: 4), V(repeating: 5), V(repeating: 6), V(repeating: 7))
  var (a8, a9, a10, a11) = (V(repeating: 8), V(repeating: 9), V(repeating: 10), V(repeating: 11))
  let clock = ContinuousClock.now
  for _ in 0..<steps {
    (a0, a1, a2, a3) = (step(a0), step(a1), step(a2), step(a3))
    (a4, a5, a6, a7) = (step(a4), step(a5), step(a6), step(a7))
    (a8, a9, a10, a11) = (step(a8), step(a9), step(a10), step(a11))
  }
  let elapsed = ContinuousClock.now - clock
  // Read every chain, so none is optimized away.
  let sum = [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11].reduce(V(), +).sum()
  let seconds =
    Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
  let flops = Double(steps * 12 * V.scalarCount * 2) + (sum.double.isNaN ? 1 : 0)
  return flops / seconds / 1e9
}
