import CourseSupport
import Foundation
import ReferenceRNN
import Testing

/// ex11's tools: the deflate coder and PNG writer, the compressed-size measures, and the
/// lesson's scaling claim.
@Suite("compression and pictures") struct CompressionToolTests {
  @Test("the checksums give their published values")
  func checksums() {
    #expect(PNGImage.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
    #expect(Deflate.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
  }

  @Test(
    "deflate's output decodes to its input: empty, short, runs, noise, and more than 32 KiB",
    arguments: [0, 1, 2, 3, 4])
  func roundTrip(kind: Int) throws {
    var rng = SeededGenerator(seed: UInt64(kind))
    let input: [UInt8] =
      switch kind {
      case 0: []
      case 1: Array("abracadabra, abracadabra!".utf8)
      case 2: [UInt8](repeating: 7, count: 1000) + [UInt8](repeating: 9, count: 300)
      case 3: (0..<5000).map { _ in UInt8(rng.nextIndex(below: 256)) }
      default: (0..<90_000).map { UInt8(($0 / 7 + rng.nextIndex(below: 3)) % 256) }
      }
    let encoded = Deflate.zlib(input)
    #expect(try Inflate.zlib(encoded) == input)
    if kind == 2 { #expect(encoded.count < 40, "1,300 bytes of two runs took \(encoded.count)") }
  }

  @Test("a PNG's chunks: signature, IHDR with the size, IDAT that decodes to the rows, IEND")
  func png() throws {
    var image = PNGImage(width: 3, height: 2)
    image[1, 1] = (10, 20, 30)
    let bytes = image.encoded()
    #expect(Array(bytes[0..<8]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    var chunks: [(String, [UInt8])] = []
    var i = 8
    while i < bytes.count {
      let length = bytes[i..<(i + 4)].reduce(0) { $0 << 8 | Int($1) }
      let typed = Array(bytes[(i + 4)..<(i + 8 + length)])
      let crc = bytes[(i + 8 + length)..<(i + 12 + length)].reduce(UInt32(0)) {
        $0 << 8 | UInt32($1)
      }
      #expect(crc == PNGImage.crc32(typed))
      chunks.append((String(decoding: typed[0..<4], as: UTF8.self), Array(typed[4...])))
      i += 12 + length
    }
    #expect(chunks.map(\.0) == ["IHDR", "IDAT", "IEND"])
    #expect(Array(chunks[0].1[0..<8]) == [0, 0, 0, 3, 0, 0, 0, 2])
    let rows = try Inflate.zlib(chunks[1].1)
    #expect(
      rows == [0] + [UInt8](repeating: 255, count: 9) + [
        0, 255, 255, 255, 10, 20, 30, 255, 255, 255,
      ])
  }

  @Test("Huffman's cost worked out by hand; deflate's size of order and of noise")
  func sizes() {
    // CLRS's example: a 45, b 13, c 12, d 16, e 9, f 5 → 45·1 + (12 + 13 + 16)·3 + (5 + 9)·4.
    #expect(Reference.huffmanBits([45, 13, 12, 16, 9, 5]) == 224)
    var rng = SeededGenerator(seed: 1)
    let coin = (0..<4096).map { _ in rng.nextIndex(below: 2) }
    let bits = Reference.deflateBits(coin)
    // No code can take fair coin flips below one bit each, on average.
    #expect(bits > 4000 && bits < 6000, "4,096 coin flips took \(bits) bits")
    #expect(Reference.deflateBits([Int](repeating: 1, count: 4096)) < 100)
    #expect(Reference.lzwBits(coin, alphabet: 2) > 4000)
  }
}

extension LessonClaims {
  /// ex11: interacting cups of 32, 48 and 64, grain 9, mixed as `stepsToMix` says, measured by
  /// deflate. Measured exponents: 3 buckets 1.47, 2.09, 1.80; adjusted 0.66, 0.77, 0.61. With
  /// cups of 96 too, they give every figure of the lesson's scaling tables (means over the seeds
  /// and a power law fitted to every size and seed, as `rnn complexity` prints them).
  @Test(
    "the 3-bucket complexity grows faster with the cup than the adjusted one, by 0.5 or more in the exponent, on every seed; every figure of the lesson's scaling tables"
  )
  func complexityScaling() {
    var cups: [Int: [ScalingCup]] = [:]
    for seed: UInt64 in [1, 2, 3] {
      var rows: [(n: Double, plain: Double, adjusted: Double)] = []
      for n in [32, 48, 64] {
        let run = Reference.coffeeRun(
          .interacting, n: n, grain: 9, steps: CoffeeModel.interacting.stepsToMix(n: n),
          samples: 60, seed: seed, compressor: .deflate)
        rows.append(
          (
            Double(n), Double(run.peak().complexity),
            Double(run.peak(adjusted: true).adjustedComplexity)
          ))
        cups[n, default: []].append(ScalingCup(run))
      }
      let plain = Reference.powerLawFit(rows.map(\.n), rows.map(\.plain)).exponent
      let adjusted = Reference.powerLawFit(rows.map(\.n), rows.map(\.adjusted)).exponent
      #expect(
        plain > adjusted + 0.5, "seed \(seed): 3 buckets ∝ n^\(plain), adjusted ∝ n^\(adjusted)")
    }
    for seed: UInt64 in [1, 2, 3] {
      let run = Reference.coffeeRun(
        .interacting, n: 96, grain: 9, steps: CoffeeModel.interacting.stepsToMix(n: 96),
        samples: 60, seed: seed, compressor: .deflate)
      cups[96, default: []].append(ScalingCup(run))
    }
    let all = cups.flatMap { n, mine in mine.map { (n: Double(n), cup: $0) } }
    for (name, y) in [
      ("largest entropy", \ScalingCup.entropy), ("largest complexity (3 buckets)", \.complexity),
      ("largest complexity (adjusted)", \.adjusted), ("time of the peak (sweeps)", \.sweeps),
    ] {
      let exponent = Reference.powerLawFit(all.map(\.n), all.map { $0.cup[keyPath: y] }).exponent
      expectQuoted(String(format: "| %@ | %.2f |", name, exponent), "the exponent of the \(name)")
    }
    for (n, mine) in cups {
      func mean(_ f: (ScalingCup) -> Double) -> Double {
        mine.map(f).reduce(0, +) / Double(mine.count)
      }
      expectQuoted(
        String(
          format: "| %d | 9 | %.0f | %.0f | %.0f | %.0f |", n, mean(\.entropy),
          mean(\.complexity), mean(\.adjusted), mean(\.sweeps)),
        "the scaling row for n = \(n)")
      if n == 64 {
        let perCell = String(format: "%.1f", mean(\.entropy) / 4096)
        expectQuoted("costs deflate about \(perCell) bits at n = 64", "a mixed cell's cost")
      }
    }
  }

  /// One cup of the scaling study, summarised as the command's table has it.
  struct ScalingCup {
    var entropy: Double
    var complexity: Double
    var adjusted: Double
    var sweeps: Double

    init(_ run: CoffeeRun) {
      let row = Reference.scalingRow(n: run.n, points: run.points)
      entropy = Double(row.maxEntropy)
      complexity = Double(row.maxComplexity)
      adjusted = Double(run.peak(adjusted: true).adjustedComplexity)
      sweeps = CoffeeModel.interacting.time(row.peakStep, n: run.n)
    }
  }
}
