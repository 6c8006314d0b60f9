import CourseSupport
import CourseTesting
import Ex10
import ReferenceRNN
import Testing

/// Task `task`: pairs of models the latent error and the position error rank differently.
@Suite("loss against task") struct LossVersusTask {
  @Test("disagreements worked out by hand, ties excluded")
  func byHand() {
    // Models 0–3: latent 1, 2, 3, 3; position 3, 2, 1, 1.5. Pairs (0,1), (0,2), (0,3), (1,2),
    // (1,3) disagree; (2,3) ties on the latent error, so it is no disagreement.
    let got = rankingDisagreements(latent: [1, 2, 3, 3], position: [3, 2, 1, 1.5])
    let want = [Pair(0, 1), Pair(0, 2), Pair(0, 3), Pair(1, 2), Pair(1, 3)]
    expectThat(
      got == want,
      "rankingDisagreements(latent: [1, 2, 3, 3], position: [3, 2, 1, 1.5]): expected \(want), got \(got). A tie in either ranking is no disagreement; list i < j, by i then j."
    )
    expectThat(
      rankingDisagreements(latent: [1, 2], position: [1, 2]).isEmpty,
      "two models ranked alike by both: no disagreement.")
  }

  @Test("on random scores, the same pairs as the reference")
  func random() {
    var rng = SeededGenerator(seed: 3)
    let latent = (0..<12).map { _ in rng.nextUniform() }
    let position = (0..<12).map { _ in rng.nextUniform() }
    let got = rankingDisagreements(latent: latent, position: position)
    let want = Reference.rankingDisagreements(latent: latent, position: position)
    expectThat(
      got == want,
      "on 12 random models: expected \(want.count) pairs \(want.prefix(5))…, got \(got.count) \(got.prefix(5))…."
    )
  }
}
