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

/// For each row of scores: add by, softmax over the real classes, write −log p[target] to the
/// row's loss, and turn p into dy = p − onehot(target) (0 on the padding).
@inlinable @inline(__always)
public func softmaxLoop(
  _ ys: MutablePointer, _ rows: Int, _ layout: FastLayout, _ bias: Pointer,
  _ targets: UnsafePointer<Int>, _ losses: MutablePointer
) {
  let (v, classes) = (layout.v, layout.vocabulary)
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
    losses[r] = -Foundation.log(y[target])
    y[target] -= 1
  }
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
/// Written one element at a time: the loop vectoriser widens it (a SIMD square root would be
/// four library calls).
@inlinable @inline(__always)
public func adagradLoop(
  _ theta: MutablePointer, _ memory: MutablePointer, _ grad: Pointer, _ count: Int,
  _ learningRate: Double, _ clipLimit: Double?
) {
  let limit = clipLimit ?? .infinity
  for i in 0..<count {
    let g = min(max(grad[i], -limit), limit)
    memory[i] += g * g
    theta[i] -= learningRate * g / (memory[i] + 1e-8).squareRoot()
  }
}

/// total += other.
@inlinable @inline(__always)
public func addLoop(_ other: Pointer, _ total: MutablePointer, _ count: Int) {
  for i in stride(from: 0, to: count, by: 4) { store(load(other + i), total + i, accumulate: true) }
}
