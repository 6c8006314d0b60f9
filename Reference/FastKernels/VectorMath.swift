/// exp, tanh and σ on vectors of 8 lanes (one panel row of the products), so that the softmax and
/// the activations vectorise like the products around them (the C library's scalar calls cost as
/// much as the products at these sizes). Accurate to a few units in the last place of the
/// precision they run in.

/// The numbers the fast path computes in: `Double` (what everything graded uses) or `Float`
/// (`--precision float32`). What differs between the two is here: e^x's constants, and
/// conversion from and to the course's Doubles.
public protocol KernelScalar: BinaryFloatingPoint, SIMDScalar, Sendable {
  /// e^x, lane by lane, for x ≤ 0 (the softmax's y − max and tanh's −2|x|); 0 far below the
  /// smallest normal number, so a diverging run's log(0) is still −∞.
  static func exp(negative x: SIMD8<Self>) -> SIMD8<Self>
  /// The course's Double, rounded to this precision.
  init(_ value: Double)
  /// This number as a Double (exact).
  var double: Double { get }
  /// The one of two sets of kernels that computes in this precision: how code picks the
  /// kernels of a precision without a cast.
  static func pick(double: any Kernels<Double>.Type, float: any Kernels<Float>.Type)
    -> any Kernels<Self>.Type
}

extension Double: KernelScalar {
  /// x = n·ln 2 + r with |r| ≤ ln2/2, e^r by its Taylor series to r¹² (truncation < 2e-16), and
  /// 2ⁿ built directly in the exponent bits.
  @inlinable @inline(__always)
  public static func exp(negative x: SIMD8<Double>) -> SIMD8<Double> {
    typealias V = SIMD8<Double>
    let underflow = x .< -708
    let x = x.replacing(with: V(repeating: -708), where: underflow)
    // Adding 1.5·2⁵² rounds to an integer and leaves it in the low mantissa bits.
    let shifter = V(repeating: 6_755_399_441_055_744.0)
    let shifted = x * V(repeating: 1.442_695_040_888_963_4) + shifter
    let n = shifted - shifter
    // Cody–Waite: ln 2 split in a part exact in 32 bits and the rest.
    let r =
      (x - n * V(repeating: 6.931_471_803_691_238_2e-1))
      - n * V(repeating: 1.908_214_929_270_587_7e-10)
    // Horner, written out: a loop over an array of coefficients would allocate.
    var p = V(repeating: 1.0 / 479_001_600)
    p = p * r + V(repeating: 1.0 / 39_916_800)
    p = p * r + V(repeating: 1.0 / 3_628_800)
    p = p * r + V(repeating: 1.0 / 362_880)
    p = p * r + V(repeating: 1.0 / 40_320)
    p = p * r + V(repeating: 1.0 / 5_040)
    p = p * r + V(repeating: 1.0 / 720)
    p = p * r + V(repeating: 1.0 / 120)
    p = p * r + V(repeating: 1.0 / 24)
    p = p * r + V(repeating: 1.0 / 6)
    p = p * r + V(repeating: 0.5)
    p = p * r + V(repeating: 1)
    p = p * r + V(repeating: 1)
    let bits = unsafeBitCast(shifted, to: SIMD8<UInt64>.self)
    let scale = unsafeBitCast((bits &+ 1023) &<< 52, to: V.self)
    return (p * scale).replacing(with: 0, where: underflow)
  }

  /// Itself.
  @inlinable public var double: Double { self }

  /// `double`.
  public static func pick(double: any Kernels<Double>.Type, float: any Kernels<Float>.Type)
    -> any Kernels<Double>.Type
  { double }
}

extension Float: KernelScalar {
  /// As Double's, in single precision: 0 below −87 (e^−87 ≈ 1.6e-38, near the smallest normal
  /// Float), the series to r⁷ (truncation r⁸/8! < 7e-9 relative, below Float's rounding of
  /// 6e-8), 2ⁿ in the 8 exponent bits.
  @inlinable @inline(__always)
  public static func exp(negative x: SIMD8<Float>) -> SIMD8<Float> {
    typealias V = SIMD8<Float>
    let underflow = x .< -87
    let x = x.replacing(with: V(repeating: -87), where: underflow)
    // Adding 1.5·2²³ rounds to an integer and leaves it in the low mantissa bits.
    let shifter = V(repeating: 12_582_912.0)
    let shifted = x * V(repeating: 1.442_695_04) + shifter
    let n = shifted - shifter
    // Cody–Waite: ln 2 split in a part exact in 12 bits and the rest.
    let r = (x - n * V(repeating: 0.693_359_375)) - n * V(repeating: -2.121_944_4e-4)
    var p = V(repeating: 1.0 / 5_040)
    p = p * r + V(repeating: 1.0 / 720)
    p = p * r + V(repeating: 1.0 / 120)
    p = p * r + V(repeating: 1.0 / 24)
    p = p * r + V(repeating: 1.0 / 6)
    p = p * r + V(repeating: 0.5)
    p = p * r + V(repeating: 1)
    p = p * r + V(repeating: 1)
    let bits = unsafeBitCast(shifted, to: SIMD8<UInt32>.self)
    let scale = unsafeBitCast((bits &+ 127) &<< 23, to: V.self)
    return (p * scale).replacing(with: 0, where: underflow)
  }

  /// Exactly: every Float is a Double.
  @inlinable public var double: Double { Double(self) }

  /// `float`.
  public static func pick(double: any Kernels<Double>.Type, float: any Kernels<Float>.Type)
    -> any Kernels<Float>.Type
  { float }
}

/// e^x for x ≤ 0, in `S`'s precision (`KernelScalar.exp(negative:)`).
@inlinable @inline(__always)
public func exp<S: KernelScalar>(negative x: SIMD8<S>) -> SIMD8<S> { S.exp(negative: x) }

/// tanh x = sign(x)·(1 − e)/(1 + e) with e = e^(−2|x|); absolute error a few ulps.
@inlinable @inline(__always)
public func tanh<S: KernelScalar>(_ x: SIMD8<S>) -> SIMD8<S> {
  let magnitude = x.replacing(with: -x, where: x .< 0)
  let e = S.exp(negative: -2 * magnitude)
  let t = (1 - e) / (1 + e)
  return t.replacing(with: -t, where: x .< 0)
}

/// σ(x) = 1/(1 + e^(−x)), as e/(1 + e) with e = e^x for x < 0 so that nothing overflows.
@inlinable @inline(__always)
public func sigmoid<S: KernelScalar>(_ x: SIMD8<S>) -> SIMD8<S> {
  let negative = x .< 0
  let e = S.exp(negative: x.replacing(with: -x, where: .!negative))
  let s = 1 / (1 + e)
  return s.replacing(with: e * s, where: negative)
}
