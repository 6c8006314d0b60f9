/// One core's FP64 peak in GFLOP/s, as reached by the module this is inlined into: the 4 × 8
/// register tile of the products, run over operands that sit in L1, so nothing waits for
/// memory. That is 8 multiplies and 8 adds on 4-wide vectors per step of k: every multiply and
/// add unit busy (the kernels use no fused multiply-add, so that every compilation of them
/// computes the same bits).
@inlinable @inline(__always)
public func peakGFLOPs(repetitions: Int = 200_000) -> Double {
  let k = 256
  let a = MutablePointer.allocate(capacity: 4 * k)
  let b = MutablePointer.allocate(capacity: 8 * k)
  let c = MutablePointer.allocate(capacity: 4 * 8)
  defer {
    a.deallocate()
    b.deallocate()
    c.deallocate()
  }
  a.initialize(repeating: 1e-3, count: 4 * k)
  b.initialize(repeating: 1e-3, count: 8 * k)
  c.initialize(repeating: 0, count: 4 * 8)
  let clock = ContinuousClock.now
  for _ in 0..<repetitions { tile4x8(k, a, b, 8, c, 8, true) }
  let elapsed = ContinuousClock.now - clock
  let whole = Double(elapsed.components.seconds)
  let seconds: Double = whole + Double(elapsed.components.attoseconds) * 1e-18
  let flops = Double(repetitions * k * 4 * 8 * 2)
  return flops / seconds / 1e9
}
