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
