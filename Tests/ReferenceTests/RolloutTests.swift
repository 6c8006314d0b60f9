import CourseSupport
import Foundation
import GradientCheck
import ReferenceRNN
import Testing

/// ex10's reference: the world, the portable exponential, and the latent model's gradients.
@Suite("the ball world and its predictor") struct RolloutReferenceTests {
  @Test("portableExp agrees with the platform's exp to within 2 units in the last place")
  func exponential() {
    var rng = SeededGenerator(seed: 2)
    for _ in 0..<10_000 {
      let x = 60 * rng.nextUniform() - 50
      let (mine, theirs) = (portableExp(x), exp(x))
      #expect(abs(mine - theirs) <= 2 * theirs.ulp, "exp(\(x)): \(mine) against \(theirs)")
    }
    #expect(portableExp(0) == 1 && portableExp(-800) == 0 && portableExp(800) == .infinity)
  }

  @Test("the ball stays inside the frame, and a seed gives the same episode twice")
  func world() {
    let e = BallWorld.episode(steps: 500, seed: 7)
    #expect(e.positions.allSatisfy { $0.scalars.allSatisfy { (1.0...14.0).contains($0) } })
    #expect(e.frames.count == 501 && e.actions.count == 500)
    #expect(BallWorld.episode(steps: 500, seed: 7) == e)
    #expect(e.actions.allSatisfy { $0.scalars.allSatisfy { [-1.0, 0, 1].contains($0) } })
  }

  /// With the truth fed at every step, the loss is a function of the parameters alone, and the
  /// analytic gradient must match central differences. (With predictions fed back, the analytic
  /// gradient leaves out, by design, the path through the fed predictions.)
  @Test(
    "the latent model's gradients pass the numeric check, absolute and residual",
    arguments: [false, true])
  func gradients(residual: Bool) {
    let model = LatentModel<LSTMCell>(latentSize: 3, hiddenSize: 4, residual: residual)
    var rng = SeededGenerator(seed: 5)
    // Latents of the size the encoder's have (standard deviation about 0.4).
    let latents = (0..<6).map { _ in Vector((0..<3).map { _ in 0.4 * rng.nextNormal() }) }
    let actions = (0..<5).map { _ in Vector([rng.nextNormal(), rng.nextNormal()]) }
    let mask = [Bool](repeating: true, count: 5)
    let p = model.initialParameters(seed: 3)
    let record = model.forward(latents: latents, actions: actions, feedsTruth: mask, parameters: p)
      .record
    let g = model.backward(record, parameters: p)
    let report = checkGradients(
      parameters: p, state: HiddenState(h: .zeros(0)), gradients: g,
      dState: HiddenState(h: .zeros(0))
    ) { q, _ in
      model.forward(latents: latents, actions: actions, feedsTruth: mask, parameters: q).loss
    }
    #expect(report.passes(tolerance: 1e-7), "\(report)")
  }

  @Test(
    "a fed-back prediction is data: feeding the truth everywhere and feeding predictions differ only where a coin said so"
  )
  func feedback() {
    let model = LatentModel<GRUCell>(latentSize: 2, hiddenSize: 3, residual: true)
    let p = model.initialParameters(seed: 1)
    let latents = (0..<5).map { Vector([Double($0), -Double($0)]) }
    let actions = [Vector](repeating: Vector([1, 0]), count: 4)
    let truth = model.forward(
      latents: latents, actions: actions, feedsTruth: [true, true, true, true], parameters: p
    ).record
    let mixed = model.forward(
      latents: latents, actions: actions, feedsTruth: [true, true, false, true], parameters: p
    ).record
    #expect(
      truth.predictions[0] == mixed.predictions[0] && truth.predictions[1] == mixed.predictions[1])
    #expect(truth.predictions[2] != mixed.predictions[2])
  }
}
