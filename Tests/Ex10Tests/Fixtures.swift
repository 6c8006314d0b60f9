import CourseSupport
import ReferenceRNN

/// ex10's world and budget as the lesson states them: 60 training episodes of 80 steps, 20 test
/// episodes of 60, an encoder of 8 components; LSTMs of H = 32 trained by the reference for
/// 3,000 windows of 20 steps (Adam at 0.003), seeds 1, 2 and 3.
enum World {
  static let data = RolloutData()
  static let seeds: [UInt64] = [1, 2, 3]
  static let model = LatentModel<LSTMCell>(latentSize: 8, hiddenSize: 32, residual: false)

  static func trained(_ schedule: SamplingSchedule, seed: UInt64) -> StepPredictor {
    model.predictor(
      Reference.trainLatentModel(
        model, episodes: data.train, schedule: schedule, iterations: 3000, seed: seed))
  }

  /// A model trained briefly, to compare with the reference on.
  static let quick = model.predictor(
    Reference.trainLatentModel(
      model, episodes: data.train, schedule: .teacherForcing, iterations: 200, seed: 9))

  /// A predictor worked out by hand over 2-number latents: the next latent is the one fed plus
  /// the action; its memory counts the steps.
  static let drift = StepPredictor(start: [Vector([0])]) { z, a, memory in
    (z + a, [memory[0] + 1])
  }
}
