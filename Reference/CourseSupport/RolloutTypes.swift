/// ex10's encoder: the mean frame and the principal directions, largest variance first. A frame
/// f is encoded as z_i = componentsᵢ · (f − mean) and decoded as mean + Σ z_i·componentsᵢ.
public struct PCA: Sendable, Equatable, Codable {
  public var mean: Vector
  public var components: [Vector]
  /// The variance along each component (its eigenvalue of the covariance).
  public var variances: [Double]

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
  public let start: [Vector]
  public let step:
    @Sendable (_ z: Vector, _ action: Vector, _ memory: [Vector]) -> (
      next: Vector, memory: [Vector]
    )

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
  public let latents: [Vector]
  public let actions: [Vector]
  public let positions: [Vector]

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
  public var position: [Double]

  /// The lesson's rollouts: 10 steps of the truth, then 50 of the model's own.
  public static let warmup = 10
  public static let horizon = 50

  public init(oneStep: Double, latent: [Double], position: [Double]) {
    self.oneStep = oneStep
    self.latent = latent
    self.position = position
  }
}

/// Two models, by their places in a list.
public struct Pair: Equatable, Hashable, Sendable, Codable, CustomStringConvertible {
  public var first: Int
  public var second: Int

  public init(_ first: Int, _ second: Int) {
    self.first = first
    self.second = second
  }

  public var description: String { "(\(first), \(second))" }
}
