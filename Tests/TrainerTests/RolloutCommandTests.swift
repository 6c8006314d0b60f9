import CourseSupport
import Foundation
import GraderCore
import Testing

/// `rnn rollout` as a learner uses it: one run, the ablation, and one clear line for every bad
/// option.
@Suite("rnn rollout") struct RolloutCommandTests {
  let commands = RNNCommandTests()
  let tiny = ["--iters", "20", "--hidden", "4"]

  struct Single: Decodable {
    struct Run: Decodable {
      struct Score: Decodable {
        let oneStep: Double
        let latent, position: [Double]
      }
      let score: Score
    }
    let run: Run
    let positionFloor: Double
  }

  @Test("one run writes results.json, horizon.svg and the frames; the ablation its table")
  func files() throws {
    let dir = try commands.folder()
    let one = try commands.run(
      ["rollout", "--model", "gru", "--schedule", "linear", "--residual", "--out", "one"] + tiny,
      in: dir)
    #expect(one.ending == .exited(0), "\(one.standardError)")
    let results = try JSONDecoder().decode(
      Single.self, from: Data(contentsOf: dir.appendingPathComponent("one/results.json")))
    #expect(results.run.score.latent.count == 50 && results.run.score.position.count == 50)
    #expect(results.positionFloor > 0 && results.run.score.oneStep.isFinite)
    for file in ["one/horizon.svg", "one/frames.svg", "one/frames.png"] {
      #expect(
        FileManager.default.fileExists(atPath: dir.appendingPathComponent(file).path), "\(file)")
    }
    let ablation = try commands.run(
      [
        "rollout", "--ablation", "--seeds", "1", "--out", "ablation", "--iters", "10", "--hidden",
        "3",
      ], in: dir)
    #expect(ablation.ending == .exited(0), "\(ablation.standardError)")
    for schedule in ["teacher forcing", "always sampling", "inverse sigmoid decay"] {
      #expect(ablation.standardOutput.contains("| \(schedule) | residual |"), "\(schedule)")
    }
    #expect(ablation.standardOutput.contains("## Where the loss and the task disagree"))
  }

  @Test("each bad option is one line and exit status 2")
  func badOptions() throws {
    let dir = try commands.folder()
    let cases: [([String], String)] = [
      (["--iters", "0"], "--iters needs a whole number"),
      (["--schedule", "sometimes"], "--schedule must be one of"),
      (["--model", "transformer"], "--model must be one of"),
      (["--hidden", "100000"], "at most 512"),
      (["--ablation", "--seeds", "x"], "--seeds needs whole numbers"),
    ]
    for (arguments, expected) in cases {
      let out = try commands.run(["rollout"] + arguments, in: dir)
      #expect(out.ending == .exited(2), "\(arguments): \(out.ending)")
      #expect(out.standardError.contains(expected), "\(arguments): \(out.standardError)")
      #expect(out.standardError.split(separator: "\n").count == 1, "\(out.standardError)")
    }
  }
}
