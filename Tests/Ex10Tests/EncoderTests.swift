import CourseSupport
import CourseTesting
import Ex10
import GradientCheck
import ReferenceRNN
import Testing

/// Task `encoder`: principal components, encoding, decoding, and the ball read from a frame.
@Suite("encoder") struct Encoder {
  @Test("points on a line: one component along it, worked out by hand")
  func byHand() {
    // Frames (1, 1), (2, 2), (3, 3): the mean is (2, 2); C = (1/3)·[[2, 2], [2, 2]], whose
    // largest direction is (1, 1)/√2 with variance 4/3.
    let pca = principalComponents(
      [Vector([1, 1]), Vector([2, 2]), Vector([3, 3])], count: 1, iterations: 50)
    expectMatch(
      firstMismatch("mean", actual: pca.mean, expected: Vector([2, 2]), tolerance: 1e-12),
      "principalComponents", tolerance: 1e-12, hint: "The mean frame, coordinate by coordinate.")
    guard expectCount(pca.components.count, 1, "components", hint: "`count` of them.") else {
      return
    }
    let s = 1 / 2.0.squareRoot()
    expectMatch(
      firstMismatch(
        "component 0", actual: pca.components[0], expected: Vector([s, s]), tolerance: 1e-9),
      "principalComponents", tolerance: 1e-9,
      hint:
        "Power iteration converges to (1, 1)/√2; the sign rule makes its largest entry positive.")
    expectClose(
      pca.variances.first ?? .nan, 4.0 / 3, tolerance: 1e-9, "the variance",
      hint: "λ = v·(C·v), with C divided by the number of frames (3).")
    let z = encode(Vector([3, 3]), pca)
    expectClose(
      z[0], 2.0.squareRoot(), tolerance: 1e-9, "encode((3, 3))",
      hint: "v·(f − mean) = (1, 1)/√2 · (1, 1).")
    expectMatch(
      firstMismatch(
        "decode(encode((3, 3)))", actual: decode(z, pca), expected: Vector([3, 3]), tolerance: 1e-9),
      "decode", tolerance: 1e-9, hint: "mean + z·v: a frame on the line comes back exactly.")
  }

  @Test("the sign rule: a component whose largest entry came out negative is turned round")
  func sign() {
    // Along (1.2, −1), power iteration from (1, 1.5)/‖·‖ lands on −(1.2, −1)/‖·‖, whose largest
    // entry, −1.2/‖·‖, is negative: the rule turns it to +(1.2, −1)/‖·‖.
    let pca = principalComponents(
      [Vector([1.2, -1]), Vector([-1.2, 1]), Vector([0, 0])], count: 1, iterations: 50)
    let norm = (1.44 + 1.0).squareRoot()
    expectMatch(
      firstMismatch(
        "component 0", actual: pca.components.first ?? Vector([]),
        expected: Vector([1.2 / norm, -1 / norm]), tolerance: 1e-9),
      "principalComponents", tolerance: 1e-9,
      hint:
        "After the iterations, find the entry of largest magnitude; if it is negative, multiply the whole component by −1."
    )
  }

  @Test("on the ball's frames, the components and variances equal the reference's")
  func frames() {
    let frames = BallWorld.episodes(5, steps: 60, firstSeed: 1).flatMap(\.frames)
    let got = principalComponents(frames, count: 4, iterations: 100)
    let want = Reference.principalComponents(frames, count: 4, iterations: 100)
    guard expectCount(got.components.count, 4, "components", hint: "`count` of them.") else {
      return
    }
    for k in 0..<4 {
      expectMatch(
        firstMismatch(
          "component \(k)", actual: got.components[k], expected: want.components[k], tolerance: 1e-8
        ),
        "principalComponents", tolerance: 1e-8,
        hint:
          "Start each from (1 + i/d) normalised; after finding it, flip its sign if its largest entry is negative, then deflate C ← C − λ·v·vᵀ."
      )
      expectClose(
        got.variances[k], want.variances[k], tolerance: 1e-8, "variance \(k)",
        hint: "λ = v·(C·v) before deflating.")
    }
  }

  @Test(
    "the ball read from frames: exact on the true dot away from the walls; the floor as the reference measures it"
  )
  func position() {
    let dot = BallWorld.frame(at: Vector([7.5, 7.5]))
    let seen = ballPosition(dot)
    expectMatch(
      firstMismatch(
        "ballPosition(dot at (7.5, 7.5))", actual: seen, expected: Vector([7.5, 7.5]),
        tolerance: 1e-12),
      "ballPosition", tolerance: 1e-12,
      hint:
        "A dot in the middle of the frame is symmetric: its centroid is its centre. x is the column (i % 16), y the row (i / 16)."
    )
    let data = World.data
    var total = 0.0
    var count = 0.0
    for e in data.test {
      for (z, p) in zip(e.latents, e.positions) {
        total += (ballPosition(decode(z, data.pca)) - p).norm
        count += 1
      }
    }
    expectClose(
      total / count, data.positionFloor, tolerance: 1e-9, "the encoder's floor (pixels)",
      hint:
        "decode(encode(frame)) read by ballPosition, against the true position, averaged: the reference's floor."
    )
  }
}
