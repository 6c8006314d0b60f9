import CourseSupport
import CourseTesting
import Ex12
import GradientCheck
import ReferenceRNN
import Testing

/// Task `attention` (bonus): one step of additive attention, forward and back.
@Suite("attention") struct Attention {
  static let (q, keys, Wa, Ua, va): (Vector, [Vector], Matrix, Matrix, Vector) = {
    var rng = SeededGenerator(seed: 12)
    func v(_ n: Int) -> Vector { Vector((0..<n).map { _ in rng.nextNormal() }) }
    func m(_ r: Int, _ c: Int) -> Matrix { Matrix.random(r, c, scale: 0.8, using: &rng) }
    return (v(3), [v(3), v(3), v(3), v(3)], m(2, 3), m(2, 3), v(2) * 2)
  }()

  @Test("with Wa = Ua = 0 every score is equal: α is uniform and ctx the keys' mean")
  func uniform() {
    let keys = [Vector([1, 0]), Vector([0, 2]), Vector([3, 1])]
    let (weights, context) = attend(
      query: Vector([5, -1]), keys: keys, Wa: .zeros(2, 2), Ua: .zeros(2, 2), va: Vector([1, 1]))
    expectMatch(
      firstMismatch(
        "α", actual: weights, expected: Vector([1, 1, 1].map { $0 / 3.0 }), tolerance: 1e-12),
      "attend with Wa = Ua = 0", tolerance: 1e-12,
      hint: "Every e_j = vaᵀ·tanh(0) = 0, so α = softmax(0, 0, 0) = (1/3, 1/3, 1/3).")
    expectMatch(
      firstMismatch("ctx", actual: context, expected: Vector([4.0 / 3, 1]), tolerance: 1e-12),
      "attend with Wa = Ua = 0", tolerance: 1e-12, hint: "ctx = Σ_j α_j·k_j: here the keys' mean.")
  }

  @Test("equals the course's attention on random values")
  func matchesReference() {
    let got = attend(query: Self.q, keys: Self.keys, Wa: Self.Wa, Ua: Self.Ua, va: Self.va)
    let want = Reference.attend(
      query: Self.q, keys: AttentionKeys(Self.keys, Ua: Self.Ua), Wa: Self.Wa, va: Self.va)
    expectMatch(
      firstMismatch("α", actual: got.weights, expected: want.weights, tolerance: 1e-12),
      "attend", tolerance: 1e-12, hint: "e_j = vaᵀ·tanh(Wa·q + Ua·k_j), then α = softmax(e).")
    expectMatch(
      firstMismatch("ctx", actual: got.context, expected: want.context, tolerance: 1e-12),
      "attend", tolerance: 1e-12, hint: "ctx = Σ_j α_j·k_j.")
  }

  /// L = wᵀ·ctx for a fixed w; each gradient against central differences of the course's
  /// attention (relative error ≤ 1e-7).
  @Test("every gradient of attendBackward passes the numeric check (relative error ≤ 1e-7)")
  func gradients() {
    let w = Vector([0.7, -1.3, 0.4])
    let got = attendBackward(
      w, query: Self.q, keys: Self.keys, Wa: Self.Wa, Ua: Self.Ua, va: Self.va)
    func loss(_ q: Vector, _ keys: [Vector], _ Wa: Matrix, _ Ua: Matrix, _ va: Vector) -> Double {
      w.dot(Reference.attend(query: q, keys: AttentionKeys(keys, Ua: Ua), Wa: Wa, va: va).context)
    }
    let (q, keys, Wa, Ua, va) = (Self.q, Self.keys, Self.Wa, Self.Ua, Self.va)
    var checks: [(String, [Double], [Double])] = [
      ("dQuery", got.dQuery.scalars, numeric(q.scalars) { loss(Vector($0), keys, Wa, Ua, va) }),
      (
        "dWa", got.dWa.scalars,
        numeric(Wa.scalars) { loss(q, keys, Matrix(rows: 2, cols: 3, scalars: $0), Ua, va) }
      ),
      (
        "dUa", got.dUa.scalars,
        numeric(Ua.scalars) { loss(q, keys, Wa, Matrix(rows: 2, cols: 3, scalars: $0), va) }
      ),
      ("dva", got.dva.scalars, numeric(va.scalars) { loss(q, keys, Wa, Ua, Vector($0)) }),
    ]
    for j in keys.indices where j < got.dKeys.count {
      checks.append(
        (
          "dKeys[\(j)]", got.dKeys[j].scalars,
          numeric(keys[j].scalars) { s in
            var k = keys
            k[j] = Vector(s)
            return loss(q, k, Wa, Ua, va)
          }
        ))
    }
    expectCount(got.dKeys.count, keys.count, "attendBackward: dKeys", hint: "One gradient per key.")
    for (name, analytic, numeric) in checks {
      let worst = zip(analytic, numeric).map { relativeError($0, $1) }.max() ?? 0
      guard analytic.count == numeric.count, worst <= 1e-7 else {
        Issue.record(
          "attendBackward: \(name) fails the numeric check (worst relative error \(formatScalar(worst)) > 1e-7). \(Self.hints[String(name.prefix(3))] ?? "Each key gets α_j·dctx (blended into ctx) and Uaᵀ·da_j (scored).")"
        )
        return
      }
    }
  }

  static let hints = [
    "dQu":
      "dq = Waᵀ·Σ_j da_j, with da_j = de_j·va ⊙ (1 − u_j²) and de_j = α_j·(dα_j − Σ_i α_i·dα_i).",
    "dWa": "dWa = Σ_j da_j·qᵀ.",
    "dUa": "dUa = Σ_j da_j·k_jᵀ.",
    "dva": "dva = Σ_j de_j·u_j, with u_j = tanh(Wa·q + Ua·k_j).",
  ]

  /// ∂f/∂x_i by the course's central differences (fourth order, h = 1e-3).
  func numeric(_ x: [Double], _ f: ([Double]) -> Double) -> [Double] {
    x.indices.map { i in
      centralDifference { d in
        var y = x
        y[i] += d
        return f(y)
      }
    }
  }
}
