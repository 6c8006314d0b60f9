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
      World.drift, latents: Self.latents, actions: Self.actions, warmup: 1, horizon: 3)
    expectThat(
      rollout == [Vector([1, 0]), Vector([1, 1]), Vector([1, 2])],
      "freeRunning(drift, warmup: 1, horizon: 3): expected [(1, 0), (1, 1), (1, 2)], got \(rollout). After the warm-up the model reads its own predictions: (0,0)+(1,0), then that +(0,1), then that +(0,1)."
    )
    let errors = errorPerStep([rollout], [Array(Self.latents[1...])])
    expectThat(
      errors == [0, 16, 20.5],
      "errorPerStep against the truth: expected [0, 16, 20.5], got \(errors). Step 2: ((1 − 5)² + (1 − 5)²) / 2 coordinates; step 3: ((1 − 5)² + (2 − 7)²) / 2."
    )
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
    if let h = wantRollout.indices.first(where: {
      $0 >= rollout.count || rollout[$0] != wantRollout[$0]
    }) {
      Issue.record(
        "freeRunning differs from the reference at horizon \(h + 1) of 50 (warm-up 10): \(h < rollout.count ? "\(rollout[h])" : "missing") against \(wantRollout[h])."
      )
    }
  }
}
