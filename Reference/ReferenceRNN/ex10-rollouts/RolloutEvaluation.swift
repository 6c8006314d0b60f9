import CourseSupport

extension Reference {
  /// ẑ_{t+1} for t = 0 … T−1, the predictor fed the true z_t at every step.
  public static func teacherForced(_ predictor: StepPredictor, latents: [Vector], actions: [Vector])
    -> [Vector]
  {
    var memory = predictor.start
    var out: [Vector] = []
    for t in actions.indices {
      let (next, m) = predictor.step(latents[t], actions[t], memory)
      out.append(next)
      memory = m
    }
    return out
  }

  /// A rollout: the true z_0 … z_{warmup−1} are fed (the model sees the ball move), then the
  /// model's own predictions. Returns r_1 … r_horizon, where r_h predicts z_{warmup+h−1}: r_1 is
  /// made from the last true latent, r_2 from r_1, and so on.
  public static func freeRunning(
    _ predictor: StepPredictor, latents: [Vector], actions: [Vector], warmup: Int, horizon: Int
  ) -> [Vector] {
    var memory = predictor.start
    var next = Vector.zeros(latents[0].count)
    for t in 0..<warmup { (next, memory) = predictor.step(latents[t], actions[t], memory) }
    var out = [next]
    for t in warmup..<(warmup + horizon - 1) {
      (next, memory) = predictor.step(next, actions[t], memory)
      out.append(next)
    }
    return out
  }

  /// errors[h]: the mean over episodes of the mean squared difference at step h.
  public static func errorPerStep(_ predicted: [[Vector]], _ truth: [[Vector]]) -> [Double] {
    let steps = predicted.map(\.count).min() ?? 0
    return (0..<steps).map { h in
      zip(predicted, truth).reduce(0.0) { sum, pair in
        let d = pair.0[h] - pair.1[h]
        return sum + d.dot(d) / Double(d.count)
      } / Double(predicted.count)
    }
  }
}

extension Reference {
  /// A predictor's score on `episodes`: teacher-forced one-step error, then rollouts of
  /// `RolloutScore.horizon` steps after `RolloutScore.warmup` true ones, in latent space and
  /// as the ball's position read from the decoded latents.
  public static func score(_ predictor: StepPredictor, episodes: [LatentEpisode], pca: PCA)
    -> RolloutScore
  {
    let (warmup, horizon) = (RolloutScore.warmup, RolloutScore.horizon)
    let forced = episodes.map { teacherForced(predictor, latents: $0.latents, actions: $0.actions) }
    let perStep = errorPerStep(forced, episodes.map { Array($0.latents.dropFirst()) })
    let rollouts = episodes.map {
      freeRunning(
        predictor, latents: $0.latents, actions: $0.actions, warmup: warmup, horizon: horizon)
    }
    let latent = errorPerStep(
      rollouts, episodes.map { Array($0.latents[warmup..<(warmup + horizon)]) })
    let position = (0..<horizon).map { h in
      zip(rollouts, episodes).reduce(0.0) { sum, pair in
        sum + (ballPosition(decode(pair.0[h], pca)) - pair.1.positions[warmup + h]).norm
      } / Double(episodes.count)
    }
    return RolloutScore(
      oneStep: perStep.reduce(0, +) / Double(perStep.count), latent: latent, position: position)
  }
}
