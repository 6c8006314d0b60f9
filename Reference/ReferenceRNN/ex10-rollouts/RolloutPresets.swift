import CourseSupport
import Foundation

/// The schedules ex10 compares, each fitted to a training run of N iterations.
public enum ScheduleChoice: String, CaseIterable, Codable, Sendable {
  case teacherForcing = "teacher-forcing"
  case always
  case uniform
  case linear
  case exponential
  case inverseSigmoid = "inverse-sigmoid"

  /// Teacher forcing ε = 1; always sampling ε = 0; uniform ε = 0.5; linear from 1 to 0 over the
  /// run; exponential from 1 to 0.01 over the run; inverse sigmoid with k = N / 10 (from 0.997 to
  /// 0.013 at N = 3,000).
  public func schedule(iterations n: Int) -> SamplingSchedule {
    switch self {
    case .teacherForcing: .teacherForcing
    case .always: .alwaysSampling
    case .uniform: .uniform(0.5)
    case .linear: .linear(k: 1, c: 1 / Double(n), floor: 0)
    case .exponential: .exponential(k: pow(0.01, 1 / Double(n)))
    case .inverseSigmoid: .inverseSigmoid(k: Double(n) / 10)
    }
  }

  /// The schedule's name in tables and legends: "inverse sigmoid decay".
  public var title: String {
    switch self {
    case .teacherForcing: "teacher forcing"
    case .always: "always sampling"
    case .uniform: "uniform mixing (0.5)"
    case .linear: "linear decay"
    case .exponential: "exponential decay"
    case .inverseSigmoid: "inverse sigmoid decay"
    }
  }
}

/// One trained predictor of the ablation, and its score.
public struct RolloutRun: Sendable, Codable {
  /// The predictor's cell.
  public var kind: ModelKind
  /// The sampling schedule it was trained with.
  public var schedule: ScheduleChoice
  /// Whether it predicts the change of the latent rather than the latent itself.
  public var residual: Bool
  /// The seed of its training.
  public var seed: UInt64
  /// Its score on the test episodes.
  public var score: RolloutScore
  /// The wall-clock time of training and scoring, in seconds.
  public var seconds: Double
}

extension Reference {
  /// Trains a latent model of `kind` and scores it on the test episodes.
  public static func rolloutRun(
    _ kind: ModelKind, schedule: ScheduleChoice, residual: Bool, hiddenSize: Int,
    iterations: Int, seed: UInt64, data: RolloutData
  ) -> (run: RolloutRun, predictor: StepPredictor) {
    let start = Date()
    let predictor = trainedPredictor(
      kind.cell, schedule, residual, hiddenSize, iterations, seed, data)
    let s = score(predictor, episodes: data.test, pca: data.pca)
    return (
      RolloutRun(
        kind: kind, schedule: schedule, residual: residual, seed: seed, score: s,
        seconds: Date().timeIntervalSince(start)), predictor
    )
  }

  private static func trainedPredictor<Cell: RecurrentCell>(
    _ cell: Cell.Type, _ schedule: ScheduleChoice, _ residual: Bool, _ hiddenSize: Int,
    _ iterations: Int, _ seed: UInt64, _ data: RolloutData
  ) -> StepPredictor {
    let model = LatentModel<Cell>(
      latentSize: data.pca.components.count, hiddenSize: hiddenSize, residual: residual)
    let p = trainLatentModel(
      model, episodes: data.train, schedule: schedule.schedule(iterations: iterations),
      iterations: iterations, seed: seed)
    return model.predictor(p)
  }
}
