import CourseSupport
import Foundation
import GraderCore
import Testing

/// `rnn complexity` as a learner uses it: its files, and one clear line for every bad option.
@Suite("rnn complexity") struct ComplexityCommandTests {
  let commands = RNNCommandTests()
  let small = [
    "--n", "16", "--grain", "5", "--sizes", "16,24", "--seeds", "1", "--width", "31", "--rows",
    "10",
  ]

  struct Results: Decodable {
    struct Exponents: Decodable { let entropy, complexity, adjustedComplexity, peakSweeps: Double }
    let exponents: Exponents
    let blockEntropy: [[Double]]
  }

  @Test("writes the table, results.json and every picture")
  func files() throws {
    let dir = try commands.folder()
    let out = try commands.run(["complexity", "--out", "c"] + small, in: dir)
    #expect(out.ending == .exited(0), "\(out.standardError)")
    #expect(out.standardOutput.contains("| largest entropy |"), "\(out.standardOutput)")
    let c = dir.appendingPathComponent("c")
    let results = try JSONDecoder().decode(
      Results.self, from: Data(contentsOf: c.appendingPathComponent("results.json")))
    #expect(results.exponents.entropy.isFinite && results.exponents.peakSweeps.isFinite)
    #expect(results.blockEntropy.count == 4, "block entropy at rows 0, 2, 5 and 10")
    for file in [
      "table.md", "rule.png", "snapshots-interacting.png", "snapshots-interacting.svg",
      "snapshots-non-interacting.png", "curves-interacting.svg", "curves-non-interacting.svg",
      "compressors.svg", "scaling.svg",
    ] {
      #expect(
        FileManager.default.fileExists(atPath: c.appendingPathComponent(file).path), "\(file)")
    }
    let png = try Data(contentsOf: c.appendingPathComponent("rule.png"))
    #expect(Array(png.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
  }

  @Test("each bad option is one line and exit status 2")
  func badOptions() throws {
    let dir = try commands.folder()
    let cases: [([String], String)] = [
      (["--rule", "300"], "--rule needs an elementary rule"),
      (["--n", "15"], "must be even"),
      (["--sizes", "16,1000"], "at most 256"),
      (["--grain", "4"], "--grain needs an odd window"),
      (["--sizes", "16,16"], "at least two different sizes"),
      (["--seeds", "0"], "--seeds needs whole numbers"),
      (["--adjustment", "sideways"], "--adjustment must be one of adjusted, released"),
      (
        ["--grain", "sqrt9"], "--grain needs an odd window no wider than the smallest cup, or sqrt"
      ),
      (["--grain", "17"], "--grain needs an odd window"),
    ]
    for (arguments, expected) in cases {
      let out = try commands.run(["complexity"] + small + arguments, in: dir)
      #expect(out.ending == .exited(2), "\(arguments): \(out.ending)")
      #expect(out.standardError.contains(expected), "\(arguments): \(out.standardError)")
      #expect(out.standardError.split(separator: "\n").count == 1, "\(out.standardError)")
    }
  }

  @Test("--adjustment and --grain sqrt: the table and results.json say which were used")
  func paperVariants() throws {
    let dir = try commands.folder()
    let arguments =
      ["complexity", "--out", "c"] + small
      + ["--adjustment", "released", "--grain", "sqrt", "--sizes", "16,36"]
    let out = try commands.run(arguments, in: dir)
    #expect(out.ending == .exited(0), "\(out.standardError)")
    let c = dir.appendingPathComponent("c")
    let table = try String(contentsOf: c.appendingPathComponent("table.md"), encoding: .utf8)
    // √16 = 4 and √36 = 6 sit between two odd numbers: the larger is taken.
    #expect(
      table.contains("a cup of 16 × 16, grain 5 (√n), seed 1, adjustment released"), "\(table)")
    #expect(table.contains("| 36 | 7 |"), "\(table)")
    #expect(table.contains("through the run (released;"), "\(table)")
    let json =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: c.appendingPathComponent("results.json"))) as? [String: Any]
    let settings = json?["settings"] as? [String: Any]
    #expect(settings?["adjustment"] as? String == "released")
    #expect(settings?["grain"] as? String == "sqrt")
    let runs = json?["runs"] as? [[String: Any]] ?? []
    #expect(runs.count == 4 && runs.allSatisfy { $0["adjustment"] as? String == "released" })
    let grains = (json?["scaling"] as? [[String: Any]] ?? []).compactMap { $0["grain"] as? Int }
    #expect(grains == [5, 7])
  }
}
