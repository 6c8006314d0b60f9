import CourseSupport

/// ex10's predictor: one recurrent layer reads [z_t; a_t] (the latent it is fed and the action)
/// and a linear head writes the next latent, directly or as a change:
///
///     h_t = cell([zin_t; a_t], h_{t−1}),   out_t = W·h_t + b
///     ẑ_{t+1} = out_t            (absolute)      ẑ_{t+1} = zin_t + out_t      (residual)
///
/// zin_t is the true z_t when the step feeds the truth, else the model's own ẑ_t; no gradient
/// flows through a fed prediction (it is data, as in Bengio et al.'s scheduled sampling).
public struct LatentModel<Cell: RecurrentCell>: Sendable {
  /// Z, the size of a latent.
  public let latentSize: Int
  /// The size of an action (2 unless told).
  public let actionSize: Int
  /// H, the hidden units.
  public let hiddenSize: Int
  /// Whether the head predicts the change ẑ_{t+1} − zin_t instead of ẑ_{t+1}.
  public let residual: Bool
  let cell: Cell

  /// A predictor of Z-sized latents through H units of `Cell`.
  public init(latentSize: Int, actionSize: Int = 2, hiddenSize: Int, residual: Bool) {
    self.latentSize = latentSize
    self.actionSize = actionSize
    self.hiddenSize = hiddenSize
    self.residual = residual
    cell = Cell(inputSize: latentSize + actionSize, hiddenSize: hiddenSize)
  }

  /// The layer's tensors and the head's.
  public struct Parameters: TensorSet {
    /// The recurrent layer's tensors.
    public var cell: Cell.Parameters
    /// The head's weights (Z × H).
    public var W: Matrix
    /// The head's bias (Z).
    public var b: Vector

    /// The layer's tensors, prefixed `cell.`, then W and b.
    public var tensors: [TensorSlot<Parameters>] {
      cell.tensors.map { $0.nested(in: \Parameters.cell, prefix: "cell.") } + [
        .matrix("W", W, \.W), .vector("b", b, \.b),
      ]
    }
  }

  /// Zeros with every tensor's shape.
  public func zeroParameters() -> Parameters {
    Parameters(
      cell: cell.zeroParameters(), W: .zeros(latentSize, hiddenSize), b: .zeros(latentSize))
  }

  /// A fresh model from a seed: the layer's weights, then W drawn as the cell draws; b zero.
  public func initialParameters(seed: UInt64) -> Parameters {
    var rng = SeededGenerator(seed: seed)
    var p = zeroParameters()
    p.cell = cell.initialParameters(using: &rng)
    p.W = cell.randomWeights(rows: latentSize, cols: hiddenSize, using: &rng)
    return p
  }

  /// What `forward` keeps for `backward`.
  public struct Record: Sendable {
    /// What the cell kept at each step.
    public var caches: [Cell.Cache]
    /// h_t at each step: what the head read.
    public var hidden: [Vector]
    /// predictions[t] = ẑ_{t+1}.
    public var predictions: [Vector]
    /// z_1 … z_T, what the predictions are scored against.
    public var targets: [Vector]
  }

  /// Over one window: latents z_0 … z_T, actions a_0 … a_{T−1}, and which steps feed the truth.
  public func forward(
    latents z: [Vector], actions: [Vector], feedsTruth: [Bool], parameters p: Parameters
  ) -> (loss: Double, record: Record) {
    var state = cell.zeroState()
    var record = Record(caches: [], hidden: [], predictions: [], targets: Array(z.dropFirst()))
    for t in actions.indices {
      let fed = feedsTruth[t] || t == 0 ? z[t] : record.predictions[t - 1]
      let (next, cache) = cell.step(
        .vector(Vector(fed.scalars + actions[t].scalars)), from: state, parameters: p.cell)
      state = next
      let h = cell.output(of: next)
      let out = Reference.headForward(h, fed: fed, W: p.W, b: p.b, residual: residual)
      record.caches.append(cache)
      record.hidden.append(h)
      record.predictions.append(out)
    }
    return (Reference.meanSquaredError(record.predictions, record.targets).loss, record)
  }

  /// ∂L/∂(every parameter), back through the head and the layer; nothing flows through a fed
  /// prediction.
  public func backward(_ r: Record, parameters p: Parameters) -> Parameters {
    var g = zeroParameters()
    let dPredictions = Reference.meanSquaredError(r.predictions, r.targets).gradients
    var dNext = cell.zeroState()
    for t in r.caches.indices.reversed() {
      let head = Reference.headBackward(dPredictions[t], hidden: r.hidden[t], W: p.W)
      g.W.scalars = zip(g.W.scalars, head.dW.scalars).map(+)
      g.b += head.db
      dNext =
        cell.backStep(head.dh, dNext, cache: r.caches[t], parameters: p.cell, gradients: &g.cell)
        .previous
    }
    return g
  }

  /// The trained model as a rollout sees it: memory is the cell's state, as its tensors.
  public func predictor(_ p: Parameters) -> StepPredictor {
    let model = self
    return StepPredictor(
      start: model.cell.zeroState().storedVectors,
      step: { z, a, memory in
        let state = model.cell.zeroState().restored(from: memory)
        let (next, _) = model.cell.step(
          .vector(Vector(z.scalars + a.scalars)), from: state, parameters: p.cell)
        let out = Reference.headForward(
          model.cell.output(of: next), fed: z, W: p.W, b: p.b, residual: model.residual)
        return (out, next.storedVectors)
      })
  }
}

extension Reference {
  /// The head: W·h + b, plus the latent that was fed when predicting the change.
  public static func headForward(_ h: Vector, fed: Vector, W: Matrix, b: Vector, residual: Bool)
    -> Vector
  {
    residual ? fed + W * h + b : W * h + b
  }

  /// The mean over every coordinate of every step of (ẑ − z)², and its gradient per step,
  /// 2·(ẑ − z) / (steps · coordinates).
  public static func meanSquaredError(_ predictions: [Vector], _ targets: [Vector]) -> (
    loss: Double, gradients: [Vector]
  ) {
    let n = Double(predictions.count * (predictions.first?.count ?? 1))
    var loss = 0.0
    var gradients: [Vector] = []
    for (y, z) in zip(predictions, targets) {
      let d = y - z
      loss += d.dot(d) / n
      gradients.append(2 / n * d)
    }
    return (loss, gradients)
  }

  /// Back through the head: dW = dẑ·hᵀ, db = dẑ, dh = Wᵀ·dẑ (the fed latent is data: no gradient).
  public static func headBackward(_ dPrediction: Vector, hidden h: Vector, W: Matrix) -> (
    dW: Matrix, db: Vector, dh: Vector
  ) {
    var dW = Matrix.zeros(W.rows, W.cols)
    dW.addOuterProduct(dPrediction, h)
    return (dW, dPrediction, W.transposedTimes(dPrediction))
  }
}

extension TensorSet {
  /// Every tensor's numbers, one vector each, in the order of `tensors`.
  var storedVectors: [Vector] {
    tensors.map { Vector(self[keyPath: $0.values]) }
  }

  /// A copy holding `vectors` (from `storedVectors` of the same shapes).
  func restored(from vectors: [Vector]) -> Self {
    var copy = self
    for (slot, v) in zip(tensors, vectors) { copy[keyPath: slot.values] = v.scalars }
    return copy
  }
}
