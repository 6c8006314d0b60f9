import CourseSupport
import Foundation
import GradientCheck
import ReferenceRNN
import Testing

@Suite("the checking tools") struct GradientCheckTests {
  struct Point {
    var w: [Double]
  }

  let tensor = TensorSlot<Point>("w", rows: 2, cols: 2, isVector: false, values: \.w)
  let point = Point(w: [0.5, -1.5, 2, 0.25])
  /// L(w) = Σ w_i³, so ∂L/∂w_i = 3·w_i².
  func loss(_ p: Point) -> Double { p.w.reduce(0) { $0 + $1 * $1 * $1 } }

  @Test("the relative error is |a − n| / max(1e-8, |a| + |n|)")
  func relativeErrorFormula() {
    #expect(relativeError(1, 1) == 0)
    #expect(relativeError(1, -1) == 1)
    #expect(relativeError(3, 1) == 0.5)
    #expect(relativeError(0, 1e-10) == 1e-10 / 1e-8)
  }

  @Test("two numbers that differ are printed with the digits that show it")
  func distinctDigits() {
    #expect(formatDistinct(1, 2) == ("1", "2"))
    let (a, b) = formatDistinct(39.889_12, 39.889_14)
    #expect(a != b && a == "39.88912" && b == "39.88914", "\(a) \(b)")
    #expect(formatDistinct(0.1, 0.1).0 == "0.1", "equal numbers keep 6 digits")
  }

  @Test("a correct gradient passes at 1e-7")
  func correctGradientPasses() {
    let report = checkGradients(
      of: loss, at: point, tensors: [tensor], analytic: ["w": point.w.map { 3 * $0 * $0 }])
    #expect(report.passes(tolerance: 1e-7), "\(report)")
  }

  @Test("a wrong entry fails, and the report names its place and both values")
  func wrongGradientFails() throws {
    var analytic = point.w.map { 3 * $0 * $0 }
    analytic[2] *= -1  // w[1, 0]
    let report = checkGradients(of: loss, at: point, tensors: [tensor], analytic: ["w": analytic])
    #expect(!report.passes(tolerance: 1e-7))
    let worst = try #require(report.worst)
    #expect(worst.location == "w[1, 0]")
    #expect(worst.analytic == -12)
    #expect(abs(worst.numeric - 12) < 1e-6)
  }

  @Test("a missing or mis-sized gradient is reported, not crashed on")
  func missingGradient() {
    let missing = checkGradients(of: loss, at: point, tensors: [tensor], analytic: [:])
    #expect(!missing.passes(tolerance: 1e-7))
    #expect(missing.worst?.problem == "no analytic gradient was given")
    let short = checkGradients(of: loss, at: point, tensors: [tensor], analytic: ["w": [1]])
    #expect(short.worst?.problem == "the analytic gradient has 1 numbers, the tensor has 4")
  }

  @Test("the reference BPTT passes the course's own gradient check")
  func referencePassesCheck() {
    var rng = SeededGenerator(seed: 4)
    let p = RNNParameters.random(hiddenSize: 6, vocabularySize: 4, scale: 0.5, using: &rng)
    let h = Vector((0..<6).map { _ in 0.3 * rng.nextNormal() })
    let inputs = [0, 1, 3, 2, 2]
    let targets = [1, 3, 2, 2, 0]
    let pass = Reference.forward(inputs: inputs, targets: targets, hPrev: h, parameters: p)
    let report = checkRNNGradients(
      parameters: p, hPrev: h, backward: Reference.backward(pass, parameters: p)
    ) { p, h in
      Reference.forward(inputs: inputs, targets: targets, hPrev: h, parameters: p).loss
    }
    #expect(report.passes(tolerance: 1e-7), "\(report)")
  }

  @Test("firstMismatch finds the first differing element, and a NaN first of all")
  func mismatches() {
    #expect(firstMismatch("v", actual: [1, 2, 3], expected: [1, 2, 3], tolerance: 1e-12) == nil)
    #expect(
      firstMismatch("m", actual: [1, 2, 3, 5], expected: [1, 2, 3, 4], tolerance: 1e-12, cols: 2)?
        .location == "m[1, 1]")
    let nan = firstMismatch("v", actual: [9, .nan], expected: [1, 2], tolerance: 1e-12)
    #expect(nan?.location == "v[1]")
    #expect(nan?.description.contains("got nan") == true)
  }
}

/// The course's central differences: exact where nothing changes, fourth-order accurate elsewhere.
@Suite("central differences") struct CentralDifferenceTests {
  /// Summed left to right, L − 8L + 8L − L leaves a rounding residue for most L; in pairs it is
  /// exactly 0, so a number the loss does not read is never reported as a gradient.
  @Test("a function that does not read the number moved has a derivative of exactly 0")
  func unreadNumber() {
    for constant in [6.335082, 0.1, 25.7, 1e6 / 3, -2.718281828] {
      #expect(centralDifference { _ in constant } == 0, "f ≡ \(constant)")
    }
  }

  @Test("x³ at 1 (derivative 3) within 1e-9; numericGradient agrees with it element by element")
  func cubic() {
    #expect(abs(centralDifference { d in (1 + d) * (1 + d) * (1 + d) } - 3) < 1e-9)
    let slot = TensorSlot<[Double]>("x", rows: 2, cols: 1, isVector: true, values: \.self)
    let g = numericGradient(of: { x in x[0] * x[0] * x[1] }, at: [3, 2], tensor: slot)
    #expect(abs(g[0] - 12) < 1e-9 && abs(g[1] - 9) < 1e-9, "\(g)")
  }
}

@Suite("vectors, matrices and vocabularies") struct SupportTests {
  @Test("Wᵀ·d and the outer product agree with the definitions")
  func matrixProducts() {
    let w = Matrix(rows: 2, cols: 3, scalars: [1, 2, 3, 4, 5, 6])
    #expect((w * Vector([1, 0, -1])).scalars == [-2, -2])
    #expect(w.transposedTimes(Vector([1, 2])).scalars == [9, 12, 15])
    var m = Matrix.zeros(2, 3)
    m.addOuterProduct(Vector([1, 2]), Vector([3, 4, 5]))
    #expect(m.scalars == [3, 4, 5, 6, 8, 10])
    #expect(w.column(1).scalars == [2, 5])
    #expect(Vector([0.1, 0.7, 0.7]).argmax() == 1)
  }

  @Test("a vocabulary is sorted, and encodes and decodes any text losslessly")
  func vocabulary() {
    let text = "héllo, wörld — ok"
    let vocabulary = Vocabulary(text: text)
    #expect(
      vocabulary.characters.map { $0.unicodeScalars.first!.value }
        == vocabulary.characters.map { $0.unicodeScalars.first!.value }.sorted())
    let encoded = vocabulary.encode(text)
    #expect(encoded != nil)
    #expect(vocabulary.decode(encoded ?? []) == text)
    #expect(vocabulary.encode("z") == nil)
  }

  /// Å as the ångström sign (U+212B) and as a letter (U+00C5) are equal `Character`s (canonical
  /// equivalence) but two scalars: two indices, each text back as it was, and a saved
  /// vocabulary that reads back.
  @Test("canonically equivalent characters keep indices of their own, and save and load")
  func canonicalEquivalence() throws {
    let text = "\u{212B} and \u{00C5}"
    let vocabulary = Vocabulary(text: text)
    let encoded = try #require(vocabulary.encode(text))
    #expect(encoded[0] != encoded[encoded.count - 1])
    #expect(Array(vocabulary.decode(encoded).unicodeScalars) == Array(text.unicodeScalars))
    let saved = try JSONEncoder().encode(vocabulary)
    #expect(try JSONDecoder().decode(Vocabulary.self, from: saved) == vocabulary)
  }
}
