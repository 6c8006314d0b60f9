import CourseSupport

/// ex10's data: an encoder fitted to the training frames, and episodes encoded with it.
public struct RolloutData: Sendable {
  /// The encoder, fitted to every frame of the training episodes.
  public let pca: PCA
  /// The training episodes, encoded.
  public let train: [LatentEpisode]
  /// The test episodes, encoded: what predictors are scored on.
  public let test: [LatentEpisode]

  /// `trainEpisodes` episodes of 80 steps (seeds 1, 2, …) to fit the encoder and train on;
  /// `testEpisodes` of 60 steps (seeds 10,001, …) to measure on; `components` latents.
  public init(trainEpisodes: Int = 60, testEpisodes: Int = 20, components: Int = 8) {
    let train = BallWorld.episodes(trainEpisodes, steps: 80, firstSeed: 1)
    let test = BallWorld.episodes(testEpisodes, steps: 60, firstSeed: 10_001)
    let pca = Reference.principalComponents(
      train.flatMap(\.frames), count: components, iterations: 200)
    func encoded(_ e: BallWorld.Episode) -> LatentEpisode {
      LatentEpisode(
        latents: e.frames.map { Reference.encode($0, pca) }, actions: e.actions,
        positions: e.positions)
    }
    self.pca = pca
    self.train = train.map(encoded)
    self.test = test.map(encoded)
  }

  /// The floor no predictor of latents can beat on the task: the ball's position read from
  /// decode(encode(frame)), against where it was, averaged over every test frame (pixels).
  public var positionFloor: Double {
    let errors = test.flatMap { e in
      zip(e.latents, e.positions).map { z, p in
        (Reference.ballPosition(Reference.decode(z, pca)) - p).norm
      }
    }
    return errors.reduce(0, +) / Double(errors.count)
  }
}
