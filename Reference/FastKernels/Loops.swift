import Foundation

/// The element-wise loops of the fast trainer, inlined into each `Kernels` conformance so that
/// each is compiled for that module's target.

/// h = tanh(h + Wxh[:, x] + bh), in place.
@inlinable @inline(__always)
public func activateLoop<S: KernelScalar>(
  _ row: UnsafeMutablePointer<S>, _ input: UnsafePointer<S>, _ bias: UnsafePointer<S>, _ count: Int
) {
  for i in stride(from: 0, to: count, by: 8) {
    store(tanh(load(row + i) + load(input + i) + load(bias + i)), row + i, accumulate: false)
  }
}

/// For each row of scores: add by, softmax over the real classes, write −log p[target] to the
/// row's loss, and turn p into dy = p − onehot(target) (0 on the padding).
@inlinable @inline(__always)
public func softmaxLoop<S: KernelScalar>(
  _ ys: UnsafeMutablePointer<S>, _ rows: Int, _ layout: FastLayout, _ bias: UnsafePointer<S>,
  _ targets: UnsafePointer<Int>, _ losses: UnsafeMutablePointer<Double>
) {
  let (v, classes) = (layout.v, layout.vocabulary)
  for r in 0..<rows {
    let y = ys + r &* v
    var largest = -S.infinity
    for c in 0..<classes {
      y[c] += bias[c]
      largest = max(largest, y[c])
    }
    let shift = SIMD8<S>(repeating: largest)
    for c in stride(from: 0, to: v, by: 8) {
      store(exp(negative: load(y + c) - shift), y + c, accumulate: false)
    }
    for c in classes..<v { y[c] = 0 }
    var sum: S = 0
    for c in 0..<classes { sum += y[c] }
    let total = SIMD8<S>(repeating: sum)
    for c in stride(from: 0, to: v, by: 8) {
      store(load(y + c) / total, y + c, accumulate: false)
    }
    let target = targets[r]
    losses[r] = -Foundation.log(y[target].double)
    y[target] -= 1
  }
}

/// draw = (1 − h²)⊙(dh_out + dh_next).
@inlinable @inline(__always)
public func backwardLoop<S: KernelScalar>(
  _ d: UnsafeMutablePointer<S>, _ state: UnsafePointer<S>, _ output: UnsafePointer<S>,
  _ next: UnsafePointer<S>, _ count: Int
) {
  for i in stride(from: 0, to: count, by: 8) {
    let h = load(state + i)
    store((1 - h * h) * (load(output + i) + load(next + i)), d + i, accumulate: false)
  }
}

/// Clip to [−limit, limit] (when given), then Adagrad: m += g², θ −= rate·g/√(m + 1e-8).
/// Written one element at a time: the loop vectoriser widens it (a SIMD square root would be
/// a library call per lane).
@inlinable @inline(__always)
public func adagradLoop<S: KernelScalar>(
  _ theta: UnsafeMutablePointer<S>, _ memory: UnsafeMutablePointer<S>, _ grad: UnsafePointer<S>,
  _ count: Int,
  _ learningRate: Double, _ clipLimit: Double?
) {
  let limit = clipLimit.map { S($0) } ?? .infinity
  let learningRate = S(learningRate)
  for i in 0..<count {
    let g = min(max(grad[i], -limit), limit)
    memory[i] += g * g
    theta[i] -= learningRate * g / (memory[i] + 1e-8).squareRoot()
  }
}

/// total += other.
@inlinable @inline(__always)
public func addLoop<S: KernelScalar>(
  _ other: UnsafePointer<S>, _ total: UnsafeMutablePointer<S>, _ count: Int
) {
  for i in stride(from: 0, to: count, by: 8) { store(load(other + i), total + i, accumulate: true) }
}
