import CourseSupport

extension Reference {
  /// Trains on windows of `window` steps, each from a random training episode and start, with
  /// the truth fed at each step by the schedule's coin (ε after i iterations); Adam at
  /// `learningRate`, gradients clipped at 5. `seed` draws the initial parameters, and one
  /// generator seeded with `seed` + 1000 draws the episodes, the starts and the coins.
  public static func trainLatentModel<Cell: RecurrentCell>(
    _ model: LatentModel<Cell>, episodes: [LatentEpisode], schedule: SamplingSchedule,
    iterations: Int, window: Int = 20, learningRate: Double = 0.003, seed: UInt64
  ) -> LatentModel<Cell>.Parameters {
    var p = model.initialParameters(seed: seed)
    var optimizer = OptimizerState(.adam, shapedLike: p)
    var rng = SeededGenerator(seed: seed &+ 1000)
    for i in 0..<iterations {
      let e = episodes[rng.nextIndex(below: episodes.count)]
      let start = rng.nextIndex(below: e.actions.count - window + 1)
      let mask = feedsTruth(
        steps: window, probability: teacherProbability(schedule, after: i), using: &rng)
      step(&p, &optimizer, learningRate: learningRate) { p in
        let pass = model.forward(
          latents: Array(e.latents[start...(start + window)]),
          actions: Array(e.actions[start..<(start + window)]), feedsTruth: mask, parameters: p)
        return (pass.loss, model.backward(pass.record, parameters: p))
      }
    }
    return p
  }
}
