import CourseSupport
import CourseTesting
import Ex10
import ReferenceRNN
import Testing

/// Task `rollouts`: the same predictor fed the truth, or its own predictions.
@Suite("rollouts") struct Rollouts {
  static let latents = [Vector([0, 0]), Vector([1, 0]), Vector([5, 5]), Vector([5, 7])]
  static let actions = [Vector([1, 0]), Vector([0, 1]), Vector([0, 1])]

  @Test("the drift predictor by hand: fed the truth, and fed itself")
  func byHand() {
    let forced = teacherForced(World.drift, latents: Self.latents, actions: Self.actions)
    expectThat(
      forced == [Vector([1, 0]), Vector([1, 1]), Vector([5, 6])],
      "teacherForced(drift): expected [(1, 0), (1, 1), (5, 6)], got \(forced). Each prediction is the TRUE latent plus its action."
    )
    let rollout = freeRunning(
      World.drift, latents: Self.latents, actions: Self.longActions, warmup: 1, horizon: 3)
    if let problem = Self.rolloutProblem(rollout) { Issue.record(Comment(rawValue: problem)) }
    // A rollout written out, not yours: errorPerStep is checked on its own.
    let errors = errorPerStep(
      [[Vector([1, 0]), Vector([1, 1]), Vector([1, 2])]], [Array(Self.latents[1...])])
    expectThat(
      errors == [0, 16, 20.5],
      "errorPerStep([[(1, 0), (1, 1), (1, 2)]], against the truth [(1, 0), (5, 5), (5, 7)]): expected [0, 16, 20.5], got \(errors). Step 2: ((1 − 5)² + (1 − 5)²) / 2 coordinates; step 3: ((1 − 5)² + (2 − 7)²) / 2."
    )
  }

  /// Actions for the free run, each different and one more than it needs, so that reading the
  /// wrong one shows in the numbers instead of trapping.
  static let longActions = [Vector([1, 0]), Vector([0, 1]), Vector([0, 2]), Vector([3, 0])]

  /// What is wrong with the drift predictor's free run (warm-up 1, horizon 3), said from the
  /// numbers: how many predictions there are, which actions were read, where it starts.
  static func rolloutProblem(_ rollout: [Vector]) -> String? {
    let want = [Vector([1, 0]), Vector([1, 1]), Vector([1, 3])]
    guard rollout != want else { return nil }
    let call = "freeRunning(drift, warmup: 1, horizon: 3)"
    if rollout.count != want.count {
      return
        "\(call) returned \(rollout.count) predictions for a horizon of 3: \(rollout). The first, r_1, is the warm-up's last prediction (of z_1 = (1, 0)); the loop after the warm-up adds horizon − 1 more."
    }
    if rollout == [Vector([1, 0]), Vector([1, 2]), Vector([4, 2])] {
      return
        "\(call): expected \(want), got \(rollout): each step after the warm-up read the next step's action. r_h is made from r_{h−1} and actions[warmup + h − 2]: the action taken where r_{h−1} stands."
    }
    if rollout.first != want.first {
      return
        "\(call): expected \(want), got \(rollout): the first prediction is wrong. r_1 is what the warm-up's last step predicts: latents[0] + actions[0] = (1, 0), before the model reads any prediction of its own."
    }
    return
      "\(call): expected \(want), got \(rollout). After the warm-up the model reads its own predictions: (0, 0) + (1, 0), then that + (0, 1), then that + (0, 2)."
  }

  @Test("with a trained LSTM, both equal the reference")
  func trained() {
    let e = World.data.test[0]
    let forced = teacherForced(World.quick, latents: e.latents, actions: e.actions)
    let want = Reference.teacherForced(World.quick, latents: e.latents, actions: e.actions)
    expectThat(
      forced == want,
      "teacherForced differs from the reference on a test episode: check that the memory is carried from step to step."
    )
    let rollout = freeRunning(
      World.quick, latents: e.latents, actions: e.actions, warmup: 10, horizon: 50)
    let wantRollout = Reference.freeRunning(
      World.quick, latents: e.latents, actions: e.actions, warmup: 10, horizon: 50)
    guard rollout.count == wantRollout.count else {
      Issue.record(
        "freeRunning(warm-up 10, horizon 50) returned \(rollout.count) predictions for a horizon of 50: the first is the warm-up's last prediction, then horizon − 1 more."
      )
      return
    }
    if let h = wantRollout.indices.first(where: {
      $0 >= rollout.count || rollout[$0] != wantRollout[$0]
    }) {
      Issue.record(
        "freeRunning differs from the reference at horizon \(h + 1) of 50 (warm-up 10): \(h < rollout.count ? "\(rollout[h])" : "missing") against \(wantRollout[h])."
      )
    }
  }
}
