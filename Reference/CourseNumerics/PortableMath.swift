/// Natural logarithm built from +, −, ×, ÷ only, so it is bit-identical on every platform.
///
/// ln(x) = k·ln 2 + ln(m) with x = m·2ᵏ, m ∈ [√½, √2), and ln(m) = 2·atanh(z),
/// z = (m − 1)/(m + 1), |z| < 0.172, summed as the odd series z + z³/3 + z⁵/5 + … until the
/// terms vanish. Accurate to a few ulps; used where reproducibility matters more than speed
/// (drawing normal numbers), not in hot loops.
public func portableLog(_ x: Double) -> Double {
  if x.isNaN || x < 0 { return .nan }
  if x == 0 { return -.infinity }
  if x.isInfinite { return .infinity }
  var m = x.significand  // [1, 2)
  var k = Double(x.exponent)
  if m > 1.4142135623730951 {
    m /= 2
    k += 1
  }
  let z = (m - 1) / (m + 1)
  let z2 = z * z
  var term = z
  var sum = 0.0
  var n = 1.0
  while true {
    let next = sum + term / n
    if next == sum { break }
    sum = next
    term *= z2
    n += 2
  }
  return k * 0.693_147_180_559_945_3 + 2 * sum
}

/// e^x built from +, −, ×, ÷ only, bit-identical on every platform: x = k·ln 2 + r with
/// |r| ≤ ln 2 / 2 (ln 2 split in two parts so that r is exact), e^r by its Taylor series in
/// Horner's form, 1 + r(1 + r/2(1 + r/3(…))), to the 20th power (the next term is below 1e-28),
/// then scaled by 2ᵏ. Within a couple of ulps of the platform's exp; for data the course
/// generates (ex10's frames), not for hot loops.
public func portableExp(_ x: Double) -> Double {
  if x.isNaN { return .nan }
  if x > 709.78 { return .infinity }
  if x < -745.2 { return 0 }
  let k = (x / 0.693_147_180_559_945_3).rounded()
  let r = (x - k * 6.931_471_803_691_238_164_90e-1) - k * 1.908_214_929_270_587_700_02e-10
  var sum = 1.0
  for n in stride(from: 20.0, through: 1, by: -1) { sum = 1 + r / n * sum }
  // Two steps, so that 2ᵏ itself never overflows or underflows where the product would not.
  let half = Int(k) / 2
  return sum * Double(sign: .plus, exponent: half, significand: 1)
    * Double(sign: .plus, exponent: Int(k) - half, significand: 1)
}
