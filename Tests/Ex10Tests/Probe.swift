import CourseSupport
import CourseTesting
import Ex10
import ReferenceRNN
import Testing

/// Not graded: `swift run grader compare ex10` runs each of these with your code and with the
/// solution, on the same inputs, and shows where the recorded values first differ.
@Suite("probe (for grader compare)", .enabled(if: ProbeLog.isRecording, ProbeLog.skipReason))
struct Probe {
  @Test func encoder() {
    let frames = BallWorld.episodes(2, steps: 20, firstSeed: 1).flatMap(\.frames)
    let pca = Ex10.principalComponents(frames, count: 2, iterations: 50)
    ProbeLog.record("mean", pca.mean)
    ProbeLog.record("component 0", pca.components[0])
    ProbeLog.record("variances", pca.variances)
    ProbeLog.record("encode(frame 5)", Ex10.encode(frames[5], pca))
    ProbeLog.record("decode(encode(frame 5))", Ex10.decode(Ex10.encode(frames[5], pca), pca))
    ProbeLog.record("ballPosition(frame 5)", Ex10.ballPosition(frames[5]))
  }

  @Test func rollouts() {
    let e = World.data.test[0]
    let forced = Ex10.teacherForced(World.quick, latents: e.latents, actions: e.actions)
    for (t, z) in forced.prefix(12).enumerated() { ProbeLog.record("teacherForced[\(t)]", z) }
    let r = Ex10.freeRunning(
      World.quick, latents: e.latents, actions: e.actions, warmup: 10, horizon: 5)
    for (h, z) in r.enumerated() { ProbeLog.record("freeRunning[\(h)]", z) }
    let truth = Array(e.latents[10..<15])
    ProbeLog.record("errorPerStep(freeRunning, truth)", Ex10.errorPerStep([r], [truth]))
  }

  @Test func head() {
    ProbeLog.record(
      "headForward(residual)",
      Ex10.headForward(Head.h, fed: Head.fed, W: Head.W, b: Head.b, residual: true))
    let g = Ex10.headBackward(Vector([1, -1]), hidden: Head.h, W: Head.W)
    ProbeLog.record("dW", g.dW)
    ProbeLog.record("dh", g.dh)
    let mse = Ex10.meanSquaredError([Vector([1, 2]), Vector([0, -1])], [Head.fed, Head.b])
    ProbeLog.record("meanSquaredError loss", mse.loss)
    for (i, g) in mse.gradients.enumerated() { ProbeLog.record("meanSquaredError ∂[\(i)]", g) }
  }

  @Test func schedules() {
    ProbeLog.record(
      "ε linear at 500", Ex10.teacherProbability(.linear(k: 1, c: 0.001, floor: 0.1), after: 500))
    ProbeLog.record(
      "ε inverse sigmoid at 30", Ex10.teacherProbability(.inverseSigmoid(k: 10), after: 30))
    var rng = SeededGenerator(seed: 7)
    ProbeLog.record(
      "feedsTruth(12 steps, p 0.5)",
      Ex10.feedsTruth(steps: 12, probability: 0.5, using: &rng).map { $0 ? 1 : 0 })
  }

  @Test func ablation() {
    let s = Ex10.score(World.quick, episodes: Array(World.data.test.prefix(2)), pca: World.data.pca)
    ProbeLog.record("oneStep", s.oneStep)
    ProbeLog.record("latent", s.latent)
    ProbeLog.record("position", s.position)
  }

  @Test func task() {
    var rng = SeededGenerator(seed: 3)
    let latent = (0..<12).map { _ in rng.nextUniform() }
    let position = (0..<12).map { _ in rng.nextUniform() }
    let pairs = Ex10.rankingDisagreements(latent: latent, position: position)
    ProbeLog.record("disagreeing pairs", Double(pairs.count))
    for (n, pair) in pairs.enumerated() {
      ProbeLog.record("pair \(n)", indices: [pair.first, pair.second])
    }
  }
}
