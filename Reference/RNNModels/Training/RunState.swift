import CourseSupport
import Foundation

/// Where a training run stands: everything needed to carry on exactly where it stopped.
public struct RunState<M: TrainableModel>: Sendable {
  /// The parameters now.
  public var parameters: M.Parameters
  /// The optimizer's memory.
  public var optimizer: OptimizerState<M.Parameters>
  /// The state carried into the next window.
  public var carried: M.State
  /// Where the next window starts in the training data.
  public var position: Int
  /// Iterations done so far.
  public var iteration: Int
  /// 0.999·smooth + 0.001·loss, min-char-rnn's smoothed loss.
  public var smoothLoss: Double
  /// What training draws its randomness from (dropout's masks), saved so a resumed run draws
  /// what an uninterrupted one would.
  public var noise: SeededGenerator

  /// A run state from its parts; `noise` seeded with 0 unless given.
  public init(
    parameters: M.Parameters, optimizer: OptimizerState<M.Parameters>, carried: M.State,
    position: Int, iteration: Int, smoothLoss: Double, noise: SeededGenerator = .init(seed: 0)
  ) {
    self.parameters = parameters
    self.optimizer = optimizer
    self.carried = carried
    self.position = position
    self.iteration = iteration
    self.smoothLoss = smoothLoss
    self.noise = noise
  }

  /// A fresh run of `model`: weights from the seed, zero state and memory, and the smoothed
  /// loss of a uniform guess, −ln(1/V)·T.
  public init(
    fresh model: M, seed: UInt64, sequenceLength: Int, optimizer: OptimizerKind = .adagrad
  ) {
    let p = model.initialParameters(seed: seed)
    self.init(
      parameters: p, optimizer: OptimizerState(optimizer, shapedLike: p),
      carried: model.zeroState(), position: 0, iteration: 0,
      smoothLoss: -log(1 / Double(model.vocabularySize)) * Double(sequenceLength),
      noise: SeededGenerator(seed: seed ^ 0xD20F_0A7))
  }
}

/// How gradients are clipped and applied: the reference's, or a learner's own (`--mine`).
public struct UpdateRule<P: TensorSet>: Sendable {
  /// Clips gradients in place to a limit.
  public var clip: @Sendable (inout P, Double) -> Void
  /// Moves the parameters against the gradients at a rate, updating the optimizer's memory.
  public var update: @Sendable (inout P, P, inout OptimizerState<P>, Double) -> Void

  /// A rule from its two functions.
  public init(
    clip: @escaping @Sendable (inout P, Double) -> Void,
    update: @escaping @Sendable (inout P, P, inout OptimizerState<P>, Double) -> Void
  ) {
    self.clip = clip
    self.update = update
  }

  /// `Reference.clip` and `Reference.update` (Adagrad or Adam, as the memory says).
  public static var reference: UpdateRule {
    UpdateRule(
      clip: { Reference.clip(&$0, limit: $1) },
      update: { Reference.update(&$0, gradients: $1, state: &$2, learningRate: $3) })
  }
}
