import Foundation

/// The element-wise loops of the gated layers (LSTM and GRU), one row of one stream at a time,
/// eight hidden units per vector. Gate k of unit u sits at column `GatedLayout.column`: the gates
/// are interleaved in blocks of 8 units, so one 8-unit block holds every gate of its units.

@inlinable @inline(__always)
func lstmColumn(_ u: Int) -> Int { (u &>> 3) &* 32 &+ (u & 7) }

/// One LSTM step: `a` holds the pre-activations Wk·x + Uk·h_{t−1} (without bias) and is
/// overwritten with the gates i, f, g, o;
///
///     c_t = f ⊙ c_{t−1} + i ⊙ g,   h_t = o ⊙ tanh(c_t)
@inlinable @inline(__always)
public func lstmForwardLoop<S: KernelScalar>(
  _ a: UnsafeMutablePointer<S>, _ bias: UnsafePointer<S>, _ cPrevious: UnsafePointer<S>,
  _ c: UnsafeMutablePointer<S>,
  _ tanhC: UnsafeMutablePointer<S>, _ h: UnsafeMutablePointer<S>, _ count: Int
) {
  for u in stride(from: 0, to: count, by: 8) {
    let k = lstmColumn(u)
    let i = sigmoid(load(a + k) + load(bias + k))
    let f = sigmoid(load(a + (k &+ 8)) + load(bias + (k &+ 8)))
    let g = tanh(load(a + (k &+ 16)) + load(bias + (k &+ 16)))
    let o = sigmoid(load(a + (k &+ 24)) + load(bias + (k &+ 24)))
    store(i, a + k, accumulate: false)
    store(f, a + (k &+ 8), accumulate: false)
    store(g, a + (k &+ 16), accumulate: false)
    store(o, a + (k &+ 24), accumulate: false)
    let cell = f * load(cPrevious + u) + i * g
    let t = tanh(cell)
    store(cell, c + u, accumulate: false)
    store(t, tanhC + u, accumulate: false)
    store(o * t, h + u, accumulate: false)
  }
}

/// Back through one LSTM step, given the gates, c_{t−1} and tanh(c_t):
///
///     dh = dh_above + dh_next,   dc = dc_next + dh ⊙ o ⊙ (1 − tanh²(c_t))
///     da_i = dc ⊙ g ⊙ i(1 − i),   da_f = dc ⊙ c_{t−1} ⊙ f(1 − f)
///     da_g = dc ⊙ i ⊙ (1 − g²),   da_o = dh ⊙ tanh(c_t) ⊙ o(1 − o)
///
/// and `dcNext` becomes dc ⊙ f, what step t−1 receives along c.
@inlinable @inline(__always)
public func lstmBackwardLoop<S: KernelScalar>(
  _ da: UnsafeMutablePointer<S>, _ gates: UnsafePointer<S>, _ cPrevious: UnsafePointer<S>,
  _ tanhC: UnsafePointer<S>,
  _ dhAbove: UnsafePointer<S>, _ dhNext: UnsafePointer<S>, _ dcNext: UnsafeMutablePointer<S>,
  _ count: Int
) {
  for u in stride(from: 0, to: count, by: 8) {
    let k = lstmColumn(u)
    let (i, f) = (load(gates + k), load(gates + (k &+ 8)))
    let (g, o) = (load(gates + (k &+ 16)), load(gates + (k &+ 24)))
    let t = load(tanhC + u)
    let dh = load(dhAbove + u) + load(dhNext + u)
    let dc = load(dcNext + u) + dh * o * (1 - t * t)
    store(dc * g * (i * (1 - i)), da + k, accumulate: false)
    store(dc * load(cPrevious + u) * (f * (1 - f)), da + (k &+ 8), accumulate: false)
    store(dc * i * (1 - g * g), da + (k &+ 16), accumulate: false)
    store(dh * t * (o * (1 - o)), da + (k &+ 24), accumulate: false)
    store(dc * f, dcNext + u, accumulate: false)
  }
}

@inlinable @inline(__always)
func gruColumn(_ u: Int) -> Int { (u &>> 3) &* 16 &+ (u & 7) }

/// The GRU's gates: `rz` (r and z of 8 units side by side per block) holds Wr·x + Ur·h_{t−1}
/// and Wz·x + Uz·h_{t−1} and is overwritten with r and z; `resetH` gets r ⊙ h_{t−1}, what Uh
/// multiplies.
@inlinable @inline(__always)
public func gruGatesLoop<S: KernelScalar>(
  _ rz: UnsafeMutablePointer<S>, _ bias: UnsafePointer<S>, _ hPrevious: UnsafePointer<S>,
  _ resetH: UnsafeMutablePointer<S>,
  _ count: Int
) {
  for u in stride(from: 0, to: count, by: 8) {
    let k = gruColumn(u)
    let r = sigmoid(load(rz + k) + load(bias + k))
    let z = sigmoid(load(rz + (k &+ 8)) + load(bias + (k &+ 8)))
    store(r, rz + k, accumulate: false)
    store(z, rz + (k &+ 8), accumulate: false)
    store(r * load(hPrevious + u), resetH + u, accumulate: false)
  }
}

/// The GRU's candidate and new state: `candidate` holds Wh·x + Uh·(r ⊙ h_{t−1}) and is
/// overwritten with h̃ = tanh(… + bh); h_t = (1 − z) ⊙ h_{t−1} + z ⊙ h̃.
@inlinable @inline(__always)
public func gruCandidateLoop<S: KernelScalar>(
  _ candidate: UnsafeMutablePointer<S>, _ bias: UnsafePointer<S>, _ rz: UnsafePointer<S>,
  _ hPrevious: UnsafePointer<S>,
  _ h: UnsafeMutablePointer<S>, _ count: Int
) {
  for u in stride(from: 0, to: count, by: 8) {
    let value = tanh(load(candidate + u) + load(bias + u))
    store(value, candidate + u, accumulate: false)
    let z = load(rz + (gruColumn(u) &+ 8))
    store((1 - z) * load(hPrevious + u) + z * value, h + u, accumulate: false)
  }
}

/// Back through the GRU's candidate: dh = dh_above + dh_next (kept in `dh`) and
/// da_h = dh ⊙ z ⊙ (1 − h̃²) into `daCandidate`.
@inlinable @inline(__always)
public func gruCandidateBackLoop<S: KernelScalar>(
  _ daCandidate: UnsafeMutablePointer<S>, _ rz: UnsafePointer<S>, _ candidate: UnsafePointer<S>,
  _ dhAbove: UnsafePointer<S>,
  _ dhNext: UnsafePointer<S>, _ dh: UnsafeMutablePointer<S>, _ count: Int
) {
  for u in stride(from: 0, to: count, by: 8) {
    let d = load(dhAbove + u) + load(dhNext + u)
    store(d, dh + u, accumulate: false)
    let value = load(candidate + u)
    let z = load(rz + (gruColumn(u) &+ 8))
    store(d * z * (1 - value * value), daCandidate + u, accumulate: false)
  }
}

/// Back through the GRU's gates into `daRZ`, given `resetInput` = Uhᵀ·da_h:
///
///     da_z = dh ⊙ (h̃ − h_{t−1}) ⊙ z(1 − z),   da_r = resetInput ⊙ h_{t−1} ⊙ r(1 − r)
///     dh_{t−1} = dh ⊙ (1 − z) + resetInput ⊙ r   (Urᵀ·da_r + Uzᵀ·da_z is added after)
@inlinable @inline(__always)
public func gruGatesBackLoop<S: KernelScalar>(
  _ daRZ: UnsafeMutablePointer<S>, _ rz: UnsafePointer<S>, _ candidate: UnsafePointer<S>,
  _ hPrevious: UnsafePointer<S>,
  _ dh: UnsafePointer<S>, _ resetInput: UnsafePointer<S>, _ dhPrevious: UnsafeMutablePointer<S>,
  _ count: Int
) {
  for u in stride(from: 0, to: count, by: 8) {
    let k = gruColumn(u)
    let (r, z) = (load(rz + k), load(rz + (k &+ 8)))
    let (d, h, back) = (load(dh + u), load(hPrevious + u), load(resetInput + u))
    store(d * (load(candidate + u) - h) * (z * (1 - z)), daRZ + (k &+ 8), accumulate: false)
    store(back * h * (r * (1 - r)), daRZ + k, accumulate: false)
    store(d * (1 - z) + back * r, dhPrevious + u, accumulate: false)
  }
}

/// Clip to [−limit, limit] (when given), then Adam with bias corrections c1 = 1 − β1ⁿ and
/// c2 = 1 − β2ⁿ: m = β1·m + (1 − β1)·g, v = β2·v + (1 − β2)·g², θ −= rate·(m/c1)/(√(v/c2) + ε).
@inlinable @inline(__always)
public func adamLoop<S: KernelScalar>(
  _ theta: UnsafeMutablePointer<S>, _ momentum: UnsafeMutablePointer<S>,
  _ memory: UnsafeMutablePointer<S>,
  _ grad: UnsafePointer<S>, _ count: Int, _ learningRate: Double, _ c1: Double, _ c2: Double,
  _ clipLimit: Double?
) {
  let limit = clipLimit.map { S($0) } ?? .infinity
  let (b1, b2): (S, S) = (0.9, 0.999)
  let (learningRate, c1, c2) = (S(learningRate), S(c1), S(c2))
  for i in 0..<count {
    let g = min(max(grad[i], -limit), limit)
    momentum[i] = b1 * momentum[i] + (1 - b1) * g
    memory[i] = b2 * memory[i] + (1 - b2) * g * g
    theta[i] -= learningRate * (momentum[i] / c1) / ((memory[i] / c2).squareRoot() + 1e-8)
  }
}
