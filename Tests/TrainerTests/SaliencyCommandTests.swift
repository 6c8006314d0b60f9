import Foundation
import GraderCore
import Testing

/// `rnn saliency` as a learner uses it: its files for several models, and one clear line for
/// every bad input.
@Suite("rnn saliency") struct SaliencyCommandTests {
  let commands = RNNCommandTests()

  struct Results: Decodable {
    struct Run: Decodable {
      let run: String
      let meanByDistance: [Double]
    }
    let text: String
    let runs: [Run]
  }

  @Test("compares several models on one text: the table, the numbers and a picture per model")
  func files() throws {
    let (dir, outcomes) = try PageTests.runs.get()
    let out = try #require(outcomes["saliency"])
    #expect(out.ending == .exited(0), "\(out.standardError)")
    #expect(out.standardOutput.contains("| rnn | vanilla RNN"), "\(out.standardOutput)")
    let folder = dir.appendingPathComponent("runs/saliency")
    let results = try JSONDecoder().decode(
      Results.self, from: Data(contentsOf: folder.appendingPathComponent("saliency.json")))
    #expect(results.runs.map(\.run) == ["rnn", "lstm"] && results.text.unicodeScalars.count == 120)
    #expect(results.runs.allSatisfy { $0.meanByDistance.count == 8 && $0.meanByDistance[0] > 0 })
    for name in ["saliency-by-distance.svg", "saliency-text-rnn.svg", "saliency-text-lstm.svg"] {
      #expect(
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), "\(name)")
    }
  }

  @Test("bad input is one line and exit 2, before any work")
  func badInput() throws {
    let (dir, _) = try PageTests.runs.get()
    let model = ["--checkpoint", "runs/rnn/checkpoint.json"]
    let cases: [([String], String)] = [
      (["--text", "KING"], "name the model: --checkpoint"),
      (["--checkpoint", "runs/none/checkpoint.json", "--text", "KING HENRY"], "no such file"),
      (model, "give the text to read"),
      (model + ["--text", "KING", "--corpus", "play"], "give --text, --data or --corpus"),
      (model + ["--text", "KING"], "the text has 4 characters: it needs more than --reach 30"),
      (model + ["--text", "KING HENRY ✓ and more than thirty characters"], "«✓» (U+2713)"),
      (model + ["--text", "KING", "--reach", "0"], "--reach needs a whole number of at least 1"),
      (model + ["--data", "missing.txt"], "missing.txt"),
    ]
    for (arguments, expected) in cases {
      let out = try commands.run(["saliency"] + arguments, in: dir)
      #expect(out.ending == .exited(2), "\(arguments): \(out.ending)")
      #expect(out.standardError.contains(expected), "\(arguments): \(out.standardError)")
      #expect(out.standardError.split(separator: "\n").count == 1, "\(out.standardError)")
      #expect(!out.standardOutput.contains("saliency of"), "\(arguments): no work begun")
    }
  }
}
