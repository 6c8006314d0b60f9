/// ex10's encoder: the mean frame and the principal directions, largest variance first. A frame
/// f is encoded as z_i = componentsᵢ · (f − mean) and decoded as mean + Σ z_i·componentsᵢ.
public struct PCA: Sendable, Equatable, Codable {
  /// The mean frame, subtracted before encoding.
  public var mean: Vector
  /// The principal directions, unit vectors, largest variance first.
  public var components: [Vector]
  /// The variance along each component (its eigenvalue of the covariance).
  public var variances: [Double]

  /// An encoder of these parts.
  public init(mean: Vector, components: [Vector], variances: [Double]) {
    self.mean = mean
    self.components = components
    self.variances = variances
  }
}

/// What a latent predictor is to a rollout: where it starts, and one step (the latent it reads,
/// the action, its memory) → (its prediction of the next latent, its new memory). The memory is
/// whatever the predictor carries (an LSTM's h and c).
public struct StepPredictor: Sendable {
  /// The predictor's memory before the first step (zeros for a fresh recurrent model).
  public let start: [Vector]
  /// One step: from z_t, the action a_t and the memory, the predicted z_{t+1} and the new memory.
  public let step:
    @Sendable (_ z: Vector, _ action: Vector, _ memory: [Vector]) -> (
      next: Vector, memory: [Vector]
    )

  /// A predictor starting from `start` and stepping with `step`.
  public init(
    start: [Vector],
    step: @escaping @Sendable (Vector, Vector, [Vector]) -> (next: Vector, memory: [Vector])
  ) {
    self.start = start
    self.step = step
  }
}

/// How often scheduled sampling feeds the true previous latent instead of the model's own
/// prediction, after i training iterations (Bengio et al., 2015).
public enum SamplingSchedule: Sendable, Equatable, Codable {
  /// Always the truth: teacher forcing.
  case teacherForcing
  /// Never the truth: the model always reads its own predictions.
  case alwaysSampling
  /// The truth with a fixed probability.
  case uniform(Double)
  /// ε_i = max(floor, k − c·i).
  case linear(k: Double, c: Double, floor: Double)
  /// ε_i = k^i (k < 1).
  case exponential(k: Double)
  /// ε_i = k / (k + exp(i / k)) (k ≥ 1).
  case inverseSigmoid(k: Double)
}

/// One episode as the predictor sees it: the encoded frames z_0 … z_T, the actions a_0 … a_{T−1},
/// and, for the task metric, where the ball really was at each frame.
public struct LatentEpisode: Sendable {
  /// z_0 … z_T: the encoded frames.
  public let latents: [Vector]
  /// a_0 … a_{T−1}: the push applied between frame t and frame t + 1.
  public let actions: [Vector]
  /// The ball's true (x, y) at each frame, in pixels.
  public let positions: [Vector]

  /// An episode of these three parts.
  public init(latents: [Vector], actions: [Vector], positions: [Vector]) {
    self.latents = latents
    self.actions = actions
    self.positions = positions
  }
}

/// How well a predictor does on test episodes, in latent space and on the task.
public struct RolloutScore: Sendable, Codable, Equatable {
  /// Teacher-forced one-step mean squared latent error, over every step of every episode.
  public var oneStep: Double
  /// latent[h − 1], position[h − 1]: after `warmup` true steps, the free-running error at
  /// horizon h: the mean squared latent error, and the mean distance in pixels between the ball
  /// read from the decoded prediction and where it really was.
  public var latent: [Double]
  /// position[h − 1]: the mean distance in pixels at horizon h (see `latent`).
  public var position: [Double]

  /// The lesson's rollouts: 10 steps of the truth, then 50 of the model's own.
  public static let warmup = 10
  /// How many steps each rollout runs on the model's own predictions.
  public static let horizon = 50

  /// A score of these parts.
  public init(oneStep: Double, latent: [Double], position: [Double]) {
    self.oneStep = oneStep
    self.latent = latent
    self.position = position
  }
}

/// Two models, by their places in a list.
public struct Pair: Equatable, Hashable, Sendable, Codable, CustomStringConvertible {
  /// The place of the first model.
  public var first: Int
  /// The place of the second model.
  public var second: Int

  /// The pair (first, second).
  public init(_ first: Int, _ second: Int) {
    self.first = first
    self.second = second
  }

  /// "(first, second)".
  public var description: String { "(\(first), \(second))" }
}
