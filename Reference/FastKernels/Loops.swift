import Foundation

/// The element-wise loops of the fast trainer, inlined into each `Kernels` conformance so that
/// each is compiled for that module's target.

/// h = tanh(h + Wxh[:, x] + bh), in place.
@inlinable @inline(__always)
public func activateLoop(_ row: MutablePointer, _ input: Pointer, _ bias: Pointer, _ count: Int) {
  for i in stride(from: 0, to: count, by: 4) {
    store(tanh(load(row + i) + load(input + i) + load(bias + i)), row + i, accumulate: false)
  }
}

/// For each row of scores: add by, softmax over the real classes, add −log p[target] to the
/// loss, turn p into dy = p − onehot(target) (0 on the padding) and add dy to dby.
@inlinable @inline(__always)
public func softmaxLoop(
  _ ys: MutablePointer, _ rows: Int, _ layout: FastLayout, _ bias: Pointer,
  _ targets: UnsafePointer<Int>, _ biasGradient: MutablePointer
) -> Double {
  let (v, classes) = (layout.v, layout.vocabulary)
  var loss = 0.0
  for r in 0..<rows {
    let y = ys + r &* v
    var largest = -Double.infinity
    for c in 0..<classes {
      y[c] += bias[c]
      largest = max(largest, y[c])
    }
    let shift = Vector4(repeating: largest)
    for c in stride(from: 0, to: v, by: 4) {
      store(exp(negative: load(y + c) - shift), y + c, accumulate: false)
    }
    for c in classes..<v { y[c] = 0 }
    var sum = 0.0
    for c in 0..<classes { sum += y[c] }
    let total = Vector4(repeating: sum)
    for c in stride(from: 0, to: v, by: 4) {
      store(load(y + c) / total, y + c, accumulate: false)
    }
    let target = targets[r]
    loss -= Foundation.log(y[target])
    y[target] -= 1
    for c in stride(from: 0, to: v, by: 4) {
      store(load(y + c), biasGradient + c, accumulate: true)
    }
  }
  return loss
}

/// draw = (1 − h²)⊙(dh_out + dh_next).
@inlinable @inline(__always)
public func backwardLoop(
  _ d: MutablePointer, _ state: Pointer, _ output: Pointer, _ next: Pointer, _ count: Int
) {
  for i in stride(from: 0, to: count, by: 4) {
    let h = load(state + i)
    store((1 - h * h) * (load(output + i) + load(next + i)), d + i, accumulate: false)
  }
}

/// Clip to [−limit, limit] (when given), then Adagrad: m += g², θ −= rate·g/√(m + 1e-8).
///
/// 1/√x by Newton's method from the classic bit-level first guess (4% off, then 2e-3, 5e-6,
/// 4e-11, and rounding after the fourth step): a divide and a square root per parameter cost
/// more than the rest of the update put together. The result differs from rate·g/√x by about
/// one unit in the last place.
@inlinable @inline(__always)
public func adagradLoop(
  _ theta: MutablePointer, _ memory: MutablePointer, _ grad: Pointer, _ count: Int,
  _ learningRate: Double, _ clipLimit: Double?
) {
  let rate = Vector4(repeating: learningRate)
  let high = Vector4(repeating: clipLimit ?? .infinity)
  let low = -high
  let magic = SIMD4<UInt64>(repeating: 0x5FE6_EB50_C7B5_37A9)
  for i in stride(from: 0, to: count, by: 4) {
    var g = load(grad + i)
    g = g.replacing(with: low, where: g .< low).replacing(with: high, where: g .> high)
    let m = load(memory + i) + g * g
    store(m, memory + i, accumulate: false)
    let x = m + 1e-8
    let half = 0.5 * x
    var y = unsafeBitCast(
      magic &- (unsafeBitCast(x, to: SIMD4<UInt64>.self) &>> 1), to: Vector4.self)
    y = y * (1.5 - half * y * y)
    y = y * (1.5 - half * y * y)
    y = y * (1.5 - half * y * y)
    y = y * (1.5 - half * y * y)
    store(load(theta + i) - rate * g * y, theta + i, accumulate: false)
  }
}

/// total += other.
@inlinable @inline(__always)
public func addLoop(_ other: Pointer, _ total: MutablePointer, _ count: Int) {
  for i in stride(from: 0, to: count, by: 4) { store(load(other + i), total + i, accumulate: true) }
}
