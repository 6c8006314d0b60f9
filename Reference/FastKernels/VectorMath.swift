/// exp and tanh on 4-wide vectors, so that the softmax and the hidden activations vectorise
/// like the products around them (the C library's scalar calls cost as much as the products at
/// these sizes). Accurate to a few units in the last place.
public typealias Vector4 = SIMD4<Double>

/// e^x for x ≤ 0 (the softmax's y − max and tanh's −2|x|); 0 below −708, as the C library
/// all but does (e^−708 ≈ 3e-308), so a diverging run's log(0) is still −∞.
///
/// x = n·ln 2 + r with |r| ≤ ln2/2, e^r by its Taylor series to r¹² (truncation < 2e-16), and
/// 2ⁿ built directly in the exponent bits.
@inlinable @inline(__always)
public func exp(negative x: Vector4) -> Vector4 {
  let underflow = x .< -708
  let x = x.replacing(with: Vector4(repeating: -708), where: underflow)
  // Adding 1.5·2⁵² rounds to an integer and leaves it in the low mantissa bits.
  let shifter = Vector4(repeating: 6_755_399_441_055_744.0)
  let shifted = x * Vector4(repeating: 1.442_695_040_888_963_4) + shifter
  let n = shifted - shifter
  // Cody–Waite: ln 2 split in a part exact in 32 bits and the rest.
  let r =
    (x - n * Vector4(repeating: 6.931_471_803_691_238_2e-1))
    - n * Vector4(repeating: 1.908_214_929_270_587_7e-10)
  // Horner, written out: a loop over an array of coefficients would allocate.
  var p = Vector4(repeating: 1.0 / 479_001_600)
  p = p * r + Vector4(repeating: 1.0 / 39_916_800)
  p = p * r + Vector4(repeating: 1.0 / 3_628_800)
  p = p * r + Vector4(repeating: 1.0 / 362_880)
  p = p * r + Vector4(repeating: 1.0 / 40_320)
  p = p * r + Vector4(repeating: 1.0 / 5_040)
  p = p * r + Vector4(repeating: 1.0 / 720)
  p = p * r + Vector4(repeating: 1.0 / 120)
  p = p * r + Vector4(repeating: 1.0 / 24)
  p = p * r + Vector4(repeating: 1.0 / 6)
  p = p * r + Vector4(repeating: 0.5)
  p = p * r + Vector4(repeating: 1)
  p = p * r + Vector4(repeating: 1)
  let bits = unsafeBitCast(shifted, to: SIMD4<UInt64>.self)
  let scale = unsafeBitCast((bits &+ 1023) &<< 52, to: Vector4.self)
  return (p * scale).replacing(with: 0, where: underflow)
}

/// tanh x = sign(x)·(1 − e)/(1 + e) with e = e^(−2|x|); absolute error ~2e-16.
@inlinable @inline(__always)
public func tanh(_ x: Vector4) -> Vector4 {
  let magnitude = x.replacing(with: -x, where: x .< 0)
  let e = exp(negative: -2 * magnitude)
  let t = (1 - e) / (1 + e)
  return t.replacing(with: -t, where: x .< 0)
}
