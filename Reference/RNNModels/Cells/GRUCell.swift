import CourseSupport
import Foundation

/// The gated recurrent unit of Cho et al. (2014), with the update gate's role as in the course:
///
///     r_t = σ(Wr·x_t + Ur·h_{t−1} + br)          reset gate: how much of h_{t−1} the candidate sees
///     z_t = σ(Wz·x_t + Uz·h_{t−1} + bz)          update gate: how much of the candidate to take
///     h̃_t = tanh(Wh·x_t + Uh·(r_t ⊙ h_{t−1}) + bh)
///     h_t = (1 − z_t) ⊙ h_{t−1} + z_t ⊙ h̃_t
///
/// (PyTorch and d2l give z the other role, h_t = z_t ⊙ h_{t−1} + (1 − z_t) ⊙ h̃_t, and PyTorch
/// applies the reset after the product, r_t ⊙ (Uh·h_{t−1}).)
public struct GRUCell: RecurrentCell {
  /// "gru": see `RecurrentCell.kind`.
  public static let kind = ModelKind(cell: "gru")
  /// "GRU": see `RecurrentCell.title`.
  public static let title = "GRU"
  /// "gru": PyTorch's GRU layer, whose math differs (`pyTorchDifference`).
  public static let pyTorchLayer: String? = "gru"
  /// "a GRU".
  public static let titleWithArticle = "a GRU"
  /// Three: r, z and the candidate h̃.
  public static let blocks = 3
  /// PyTorch's GRU gives z the other role and resets after the product.
  public static let pyTorchDifference: String? =
    "PyTorch's GRU is not the course's (its z keeps the old state, and it resets after Uh·h, not before)"
  /// D, the numbers read at each step: V one-hot, E embedded, or H from below.
  public let inputSize: Int
  /// H, the hidden units.
  public let hiddenSize: Int

  /// A layer of `hiddenSize` units reading `inputSize` numbers at each step.
  public init(inputSize: Int, hiddenSize: Int) {
    self.inputSize = inputSize
    self.hiddenSize = hiddenSize
  }

  /// What one step keeps for its backward step: x_t, h_{t−1}, r_t, z_t and h̃_t.
  public struct Cache: Sendable {
    /// x_t.
    public let x: LayerInput
    /// h_{t−1}.
    public let hPrevious: Vector
    /// r_t, the reset gate.
    public let r: Vector
    /// z_t, the update gate.
    public let z: Vector
    /// h̃_t, the candidate.
    public let candidate: Vector

    /// The cache of one step, from its values.
    public init(x: LayerInput, hPrevious: Vector, r: Vector, z: Vector, candidate: Vector) {
      (self.x, self.hPrevious, self.r, self.z, self.candidate) = (x, hPrevious, r, z, candidate)
    }
  }

  /// Zeros with every tensor's shape (`GRULayer(inputs:hidden:)`).
  public func zeroParameters() -> GRULayer { GRULayer(inputs: inputSize, hidden: hiddenSize) }

  /// Weights uniform in ±1/√H (PyTorch's default), drawn in the order of `tensors`; biases zero.
  public func initialParameters(using rng: inout SeededGenerator) -> GRULayer {
    var p = zeroParameters()
    for path in [\GRULayer.Wr, \.Wz, \.Wh] {
      p[keyPath: path] = randomWeights(rows: hiddenSize, cols: inputSize, using: &rng)
    }
    for path in [\GRULayer.Ur, \.Uz, \.Uh] {
      p[keyPath: path] = randomWeights(rows: hiddenSize, cols: hiddenSize, using: &rng)
    }
    return p
  }

  /// One step of the GRU, the four lines above: see `RecurrentCell.step`.
  public func step(_ x: LayerInput, from s: HiddenState, parameters p: GRULayer) -> (
    state: HiddenState, cache: Cache
  ) {
    let r = (p.Wr.times(x) + p.Ur * s.h + p.br).map(sigmoid)
    let z = (p.Wz.times(x) + p.Uz * s.h + p.bz).map(sigmoid)
    let candidate = (p.Wh.times(x) + p.Uh * (r * s.h) + p.bh).map(tanh)
    let h = (z.map { 1 - $0 }) * s.h + z * candidate
    return (HiddenState(h: h), Cache(x: x, hPrevious: s.h, r: r, z: z, candidate: candidate))
  }

  ///     dh   = dh_above + dh_next
  ///     dz   = dh ⊙ (h̃ − h_{t−1}),   dh̃ = dh ⊙ z,   dh_{t−1} gets dh ⊙ (1 − z)
  ///     dah  = dh̃ ⊙ (1 − h̃²);   dWh += dah·xᵀ,  dUh += dah·(r ⊙ h_{t−1})ᵀ,  dbh += dah
  ///     d(r ⊙ h_{t−1}) = Uhᵀ·dah:   dr = it ⊙ h_{t−1},  dh_{t−1} gets it ⊙ r
  ///     daz = dz ⊙ z(1 − z),  dar = dr ⊙ r(1 − r);   dWk, dUk, dbk as for any gate
  ///     dh_{t−1} gets Uzᵀ·daz + Urᵀ·dar;   dx = Wrᵀ·dar + Wzᵀ·daz + Whᵀ·dah
  public func backStep(
    _ dhAbove: Vector, _ dNext: HiddenState, cache k: Cache, parameters p: GRULayer,
    gradients g: inout GRULayer
  ) -> (input: Vector?, previous: HiddenState, current: HiddenState) {
    let dh = dhAbove + dNext.h
    let dz = dh * (k.candidate - k.hPrevious)
    let dah = dh * k.z * k.candidate.map { 1 - $0 * $0 }
    let resetInput = p.Uh.transposedTimes(dah)
    let daz = dz * k.z.map { $0 * (1 - $0) }
    let dar = resetInput * k.hPrevious * k.r.map { $0 * (1 - $0) }
    g.Wh.addOuterProduct(dah, k.x)
    g.Uh.addOuterProduct(dah, k.r * k.hPrevious)
    g.bh += dah
    g.Wz.addOuterProduct(daz, k.x)
    g.Uz.addOuterProduct(daz, k.hPrevious)
    g.bz += daz
    g.Wr.addOuterProduct(dar, k.x)
    g.Ur.addOuterProduct(dar, k.hPrevious)
    g.br += dar
    let dhPrevious =
      dh * k.z.map { 1 - $0 } + resetInput * k.r + p.Uz.transposedTimes(daz)
      + p.Ur.transposedTimes(dar)
    let dx: Vector? =
      if case .vector = k.x {
        p.Wr.transposedTimes(dar) + p.Wz.transposedTimes(daz) + p.Wh.transposedTimes(dah)
      } else { nil }
    return (dx, HiddenState(h: dhPrevious), HiddenState(h: dh))
  }
}
