import CourseSupport

/// Task 5 · a predictor's score on test episodes (see `RolloutScore`):
/// - oneStep: errorPerStep of the teacher-forced predictions against latents[1...], averaged
///   over the steps;
/// - latent: errorPerStep of the rollouts (`freeRunning` with RolloutScore.warmup and .horizon)
///   against latents[warmup ..< warmup + horizon];
/// - position[h]: over the episodes, the mean distance (the norm of the difference) between
///   ballPosition(decode(rollout[h], pca)) and positions[warmup + h].
public func score(_ predictor: StepPredictor, episodes: [LatentEpisode], pca: PCA) -> RolloutScore {
  fatalError("TODO")
}
