import CourseSupport
import Foundation

/// How parameters move against their gradients.
public enum OptimizerKind: String, CaseIterable, Codable, Sendable {
  /// min-char-rnn's: each number's step shrinks as its squared gradients add up.
  case adagrad
  /// Kingma and Ba's, with bias correction; what most char-LSTM recipes use.
  case adam
}

/// An optimizer's memory, shaped like the parameters.
public struct OptimizerState<P: TensorSet>: Equatable, Sendable {
  /// Which optimizer the memory is for.
  public var kind: OptimizerKind
  /// Adagrad: the sum of squared gradients. Adam: the running mean of squared gradients, v.
  public var memory: P
  /// Adam: the running mean of gradients, m; nil for Adagrad.
  public var momentum: P?
  /// Updates made so far (Adam's bias correction needs it).
  public var updates: Int

  /// Fresh memory for `kind`: zeros shaped like `p` (Adam's momentum too), no updates.
  public init(_ kind: OptimizerKind, shapedLike p: P) {
    self.kind = kind
    memory = p.zeros()
    momentum = kind == .adam ? p.zeros() : nil
    updates = 0
  }

  /// An optimizer's memory from its parts (a checkpoint's, ex03's `TrainingState`'s).
  public init(kind: OptimizerKind, memory: P, momentum: P?, updates: Int) {
    self.kind = kind
    self.memory = memory
    self.momentum = momentum
    self.updates = updates
  }
}

extension Reference {
  /// Clips every gradient element into [−limit, limit], as np.clip does: a cheap guard
  /// against exploding gradients.
  public static func clip<P: TensorSet>(_ gradients: inout P, limit: Double = 5) {
    for slot in gradients.tensors {
      gradients[keyPath: slot.values] = gradients[keyPath: slot.values].map {
        min(max($0, -limit), limit)
      }
    }
  }

  /// One Adagrad step, element by element:
  ///
  ///     mem += g²
  ///     θ   -= lr · g / √(mem + 1e-8)
  public static func adagradUpdate<P: TensorSet>(
    parameters: inout P, gradients: P, memory: inout P, learningRate: Double
  ) {
    for slot in gradients.tensors {
      let g = gradients[keyPath: slot.values]
      var m = memory[keyPath: slot.values]
      var theta = parameters[keyPath: slot.values]
      for i in g.indices {
        m[i] += g[i] * g[i]
        theta[i] -= learningRate * g[i] / (m[i] + 1e-8).squareRoot()
      }
      memory[keyPath: slot.values] = m
      parameters[keyPath: slot.values] = theta
    }
  }

  /// One Adam step (β1 = 0.9, β2 = 0.999, ε = 1e-8), with n the number of this update:
  ///
  ///     m = β1·m + (1 − β1)·g,   v = β2·v + (1 − β2)·g²
  ///     θ -= lr · (m / (1 − β1ⁿ)) / (√(v / (1 − β2ⁿ)) + ε)
  public static func adamUpdate<P: TensorSet>(
    parameters: inout P, gradients: P, momentum: inout P, memory: inout P, update n: Int,
    learningRate: Double
  ) {
    let (b1, b2) = (0.9, 0.999)
    let (c1, c2) = (1 - pow(b1, Double(n)), 1 - pow(b2, Double(n)))
    for slot in gradients.tensors {
      let g = gradients[keyPath: slot.values]
      var m = momentum[keyPath: slot.values]
      var v = memory[keyPath: slot.values]
      var theta = parameters[keyPath: slot.values]
      for i in g.indices {
        m[i] = b1 * m[i] + (1 - b1) * g[i]
        v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i]
        theta[i] -= learningRate * (m[i] / c1) / ((v[i] / c2).squareRoot() + 1e-8)
      }
      momentum[keyPath: slot.values] = m
      memory[keyPath: slot.values] = v
      parameters[keyPath: slot.values] = theta
    }
  }

  /// One update with the optimizer `state` names, counting it.
  public static func update<P: TensorSet>(
    _ parameters: inout P, gradients: P, state: inout OptimizerState<P>, learningRate: Double
  ) {
    state.updates += 1
    switch state.kind {
    case .adagrad:
      adagradUpdate(
        parameters: &parameters, gradients: gradients, memory: &state.memory,
        learningRate: learningRate)
    case .adam:
      var m = state.momentum ?? parameters.zeros()
      adamUpdate(
        parameters: &parameters, gradients: gradients, momentum: &m, memory: &state.memory,
        update: state.updates, learningRate: learningRate)
      state.momentum = m
    }
  }
}

extension Reference {
  /// One training step of any model, the same for all: its loss and gradients on one window
  /// (`lossAndGradients`, which is where the models differ), the gradients clipped when
  /// `clipLimit` is given, then the optimizer's update, both as `rule` says (the reference's, or
  /// a learner's own). Returns the loss.
  @discardableResult
  public static func step<P: TensorSet>(
    _ p: inout P, _ optimizer: inout OptimizerState<P>, learningRate: Double,
    clipLimit: Double? = 5, rule: UpdateRule<P> = .reference,
    lossAndGradients: (P) -> (loss: Double, gradients: P)
  ) -> Double {
    var (loss, gradients) = lossAndGradients(p)
    if let clipLimit { rule.clip(&gradients, clipLimit) }
    rule.update(&p, gradients, &optimizer, learningRate)
    return loss
  }
}

extension Reference {
  /// Inverted dropout: each element is kept with probability 1 − rate (one uniform draw per
  /// element, in order: kept when u ≥ rate) and scaled by 1/(1 − rate), so its expected value is
  /// unchanged; `mask` holds the factors (0 or 1/(1 − rate)). What `CharModel` applies to each
  /// layer's output while training (ex09 builds it).
  public static func dropout(_ v: Vector, rate: Double, using rng: inout SeededGenerator) -> (
    output: Vector, mask: Vector
  ) {
    let mask = v.map { _ in rng.nextUniform() >= rate ? 1 / (1 - rate) : 0 }
    return (v * mask, mask)
  }
}
