import CourseSupport

/// Task 2 · teacher forcing: start from `predictor.start` and, for t = 0 … T − 1, feed the true
/// latents[t] and actions[t]; collect each prediction (of z_{t+1}) and carry the memory.
public func teacherForced(_ predictor: StepPredictor, latents: [Vector], actions: [Vector])
  -> [Vector]
{
  // BEGIN SOLUTION
  var memory = predictor.start
  var predictions: [Vector] = []
  for t in actions.indices {
    let (next, newMemory) = predictor.step(latents[t], actions[t], memory)
    predictions.append(next)
    memory = newMemory
  }
  return predictions
  // END SOLUTION
}

/// Task 2 · free running: feed the true latents[0 ..< warmup] (with their actions), keeping only
/// the last prediction; then feed the model its own predictions, with the true actions, until
/// there are `horizon` of them. r_1 (the prediction after the warm-up) predicts z_warmup; r_h
/// predicts z_{warmup + h − 1} and was made from r_{h−1} and actions[warmup + h − 2].
public func freeRunning(
  _ predictor: StepPredictor, latents: [Vector], actions: [Vector], warmup: Int, horizon: Int
) -> [Vector] {
  // BEGIN SOLUTION
  var memory = predictor.start
  var next = latents[0]
  for t in 0..<warmup { (next, memory) = predictor.step(latents[t], actions[t], memory) }
  var rollout = [next]
  for t in warmup..<(warmup + horizon - 1) {
    (next, memory) = predictor.step(next, actions[t], memory)
    rollout.append(next)
  }
  return rollout
  // END SOLUTION
}

/// Task 2 · errors[h]: over the episodes, the mean of the mean squared difference (over the
/// latent's coordinates) between predicted[e][h] and truth[e][h]; as many steps as the shortest
/// episode has.
public func errorPerStep(_ predicted: [[Vector]], _ truth: [[Vector]]) -> [Double] {
  // BEGIN SOLUTION
  let steps = predicted.map(\.count).min() ?? 0
  var errors = [Double](repeating: 0, count: steps)
  for (p, t) in zip(predicted, truth) {
    for h in 0..<steps {
      let d = p[h] - t[h]
      errors[h] += d.dot(d) / Double(d.count) / Double(predicted.count)
    }
  }
  return errors
  // END SOLUTION
}
