import CourseSupport

/// Task 5 · a predictor's score on test episodes (see `RolloutScore`):
/// - oneStep: errorPerStep of the teacher-forced predictions against latents[1...], averaged
///   over the steps;
/// - latent: errorPerStep of the rollouts (`freeRunning` with RolloutScore.warmup and .horizon)
///   against latents[warmup ..< warmup + horizon];
/// - position[h]: over the episodes, the mean distance (the norm of the difference) between
///   ballPosition(decode(rollout[h], pca)) and positions[warmup + h].
public func score(_ predictor: StepPredictor, episodes: [LatentEpisode], pca: PCA) -> RolloutScore {
  // BEGIN SOLUTION
  let (warmup, horizon) = (RolloutScore.warmup, RolloutScore.horizon)
  let forced = episodes.map { teacherForced(predictor, latents: $0.latents, actions: $0.actions) }
  let perStep = errorPerStep(forced, episodes.map { Array($0.latents.dropFirst()) })
  let rollouts = episodes.map {
    freeRunning(
      predictor, latents: $0.latents, actions: $0.actions, warmup: warmup, horizon: horizon)
  }
  let truth = episodes.map { Array($0.latents[warmup..<(warmup + horizon)]) }
  var position = [Double](repeating: 0, count: horizon)
  for (rollout, episode) in zip(rollouts, episodes) {
    for h in 0..<horizon {
      let seen = ballPosition(decode(rollout[h], pca))
      position[h] += (seen - episode.positions[warmup + h]).norm / Double(episodes.count)
    }
  }
  return RolloutScore(
    oneStep: perStep.reduce(0, +) / Double(perStep.count),
    latent: errorPerStep(rollouts, truth), position: position)
  // END SOLUTION
}
