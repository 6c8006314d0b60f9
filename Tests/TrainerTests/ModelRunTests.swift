import CourseSupport
import Foundation
import GraderCore
import ReferenceRNN
import Testing

/// Models plug in: an LSTM trains, saves and samples through the same commands as the vanilla
/// RNN, and checkpoints written before models plugged in still load as vanilla RNNs.
@Suite("models in the rnn command") struct ModelRunTests {
  let commands = RNNCommandTests()
  static let oldCheckpoint = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/checkpoint-before-models.json").path

  /// The file was written by `rnn train --data small.txt --hidden 3 --seq 5 --iters 30` at
  /// e5ffc96, before models plugged in; the text below is what `rnn sample` printed from it
  /// there, with the same options.
  @Test("a checkpoint from before models plugged in loads as a vanilla RNN and samples as before")
  func oldCheckpointSamples() throws {
    let loaded = try Reference.loadTrainedModel(from: Self.oldCheckpoint)
    #expect(loaded.model.spec == ModelSpec(kind: .rnn, vocabularySize: 5, hiddenSize: 3))
    #expect(loaded.history.loss.count == 30)
    let out = try commands.run(
      [
        "sample", "--checkpoint", Self.oldCheckpoint, "--count", "60", "--seed", "3", "--prime",
        "ab", "--temperature", "0.9",
      ], in: try commands.folder())
    #expect(out.ending == .exited(0), "\(out.standardError)")
    #expect(
      out.standardOutput == "abcaabcaabcabcabc   cabca ccabaa\ncaaccabbcabcabcabcb\nabbca cab\n",
      "\(out.standardOutput.debugDescription)")
  }

  @Test("rnn train --model lstm writes its run folder; sample, score and activations read it")
  func lstmRun() throws {
    let dir = try commands.folder()
    let train = try commands.run(
      ["train", "--model", "lstm", "--iters", "60", "--out", "lstm", "--sample-every", "30"]
        + commands.small, in: dir)
    #expect(train.ending == .exited(0), "\(train.standardError)")
    #expect(train.standardOutput.contains("training LSTM, H = 12"), "\(train.standardOutput)")
    let run = dir.appendingPathComponent("lstm")
    for file in ["checkpoint.json", "losses.json", "samples.json", "summary.json", "loss.svg"] {
      #expect(
        FileManager.default.fileExists(atPath: run.appendingPathComponent(file).path), "\(file)")
    }
    let checkpoint = run.appendingPathComponent("checkpoint.json").path
    let loaded = try Reference.loadCheckpoint(CharModel<LSTMCell>.self, from: checkpoint)
    #expect(loaded.run.iteration == 60 && loaded.run.optimizer.kind == .adam)
    for command in [
      ["sample", "--checkpoint", checkpoint, "--count", "50"],
      ["score", "--checkpoint", checkpoint, "--corpus", "play"],
      ["activations", "--checkpoint", checkpoint, "--text", "KING"],
      ["gates", "--checkpoint", checkpoint, "--text", "KING HENRY:\nMy lord"],
    ] {
      let out = try commands.run(command, in: dir)
      #expect(out.ending == .exited(0), "\(command[0]): \(out.standardError)")
    }
    for file in [
      "gates-forget.svg", "gates-input.svg", "gates-output.svg", "gates-cell.svg", "saturation.svg",
    ] {
      let svg = try String(contentsOf: run.appendingPathComponent(file), encoding: .utf8)
      #expect(
        svg.contains("<svg") && (svg.contains("class=\"cell\"") || svg.contains("class=\"dot\"")),
        "\(file)")
    }
    struct Gates: Decodable {
      let shown: [String: [[Double]]]
      let saturation: [String: [String: [Double]]]
    }
    let gates = try JSONDecoder().decode(
      Gates.self, from: Data(contentsOf: run.appendingPathComponent("gates.json")))
    // 12 units, the 19 characters of the text; fractions in [0, 1].
    #expect(gates.shown["f"]?.count == 12 && gates.shown["f"]?.first?.count == 19)
    #expect(gates.saturation["i"]?["left"]?.allSatisfy { (0...1).contains($0) } == true)
  }

  @Test("rnn gates on a vanilla RNN says it needs an LSTM, in one line")
  func gatesNeedAnLSTM() throws {
    let out = try commands.run(
      ["gates", "--checkpoint", Self.oldCheckpoint], in: try commands.folder())
    #expect(out.ending == .exited(2))
    #expect(out.standardError.contains("rnn gates reads an LSTM's gates"), "\(out.standardError)")
    #expect(out.standardError.split(separator: "\n").count == 1)
  }

  @Test("long-dependency and lstm-flow write their tables and pictures")
  func lessonCommands() throws {
    let dir = try commands.folder()
    let long = try commands.run(
      [
        "long-dependency", "--distances", "2,3", "--seeds", "1", "--iters", "30", "--hidden", "4",
        "--out", "long",
      ],
      in: dir)
    #expect(long.ending == .exited(0), "\(long.standardError)")
    #expect(long.standardOutput.contains("| 3 | "), "\(long.standardOutput)")
    let results = try JSONDecoder().decode(
      [RecallRow].self, from: Data(contentsOf: dir.appendingPathComponent("long/results.json")))
    #expect(results.count == 4 && results.allSatisfy { (0...1).contains($0.accuracy) })
    let flow = try commands.run(
      ["lstm-flow", "--iters", "5", "--recall-iters", "5", "--out", "flow"], in: dir)
    #expect(flow.ending == .exited(0), "\(flow.standardError)")
    for file in [
      "long/accuracy.svg", "long/table.md", "flow/flow-untrained.svg", "flow/flow-memory.svg",
      "flow/flow-play.svg", "flow/flow.json",
    ] {
      #expect(
        FileManager.default.fileExists(atPath: dir.appendingPathComponent(file).path), "\(file)")
    }
    let evolution = try commands.run(
      [
        "evolution", "--iters", "20", "--seeds", "1", "--budget", "3000", "--characters", "5000",
        "--out", "evolution",
      ], in: dir)
    #expect(evolution.ending == .exited(0), "\(evolution.standardError)")
    for model in ["one-hot RNN", "embedding RNN (E = 16)", "GRU (E = 16)", "LSTM (E = 16)"] {
      #expect(evolution.standardOutput.contains("| \(model) | "), "\(model) missing from the table")
    }
    for file in ["evolution/table.md", "evolution/results.csv", "evolution/validation.svg"] {
      #expect(
        FileManager.default.fileExists(atPath: dir.appendingPathComponent(file).path), "\(file)")
    }
    let depth = try commands.run(
      [
        "depth", "--iters", "20", "--seeds", "1", "--budget", "3000", "--characters", "5000",
        "--out", "depth",
      ], in: dir)
    #expect(depth.ending == .exited(0), "\(depth.standardError)")
    #expect(depth.standardOutput.contains("| 2 layers, dropout 0.25 | "), "\(depth.standardOutput)")
    let tagger = try commands.run(
      [
        "tagger", "--iters", "20", "--seeds", "1", "--hidden", "4", "--characters", "3000", "--out",
        "tagger",
      ],
      in: dir)
    #expect(tagger.ending == .exited(0), "\(tagger.standardError)")
    #expect(tagger.standardOutput.contains("| both ways | "), "\(tagger.standardOutput)")
    for file in ["depth/validation.svg", "tagger/accuracy.svg", "tagger/results.json"] {
      #expect(
        FileManager.default.fileExists(atPath: dir.appendingPathComponent(file).path), "\(file)")
    }
    let bad = try commands.run(["long-dependency", "--distances", "5,x"], in: dir)
    #expect(
      bad.ending == .exited(2) && bad.standardError.contains("--distances needs whole numbers"))
  }

  struct RecallRow: Decodable {
    let accuracy: Double
  }

  @Test("rnn train --model gru with an embedding and two layers trains and samples")
  func gruRun() throws {
    let dir = try commands.folder()
    let train = try commands.run(
      [
        "train", "--model", "gru", "--embedding", "8", "--layers", "2", "--iters", "30", "--out",
        "gru",
      ]
        + commands.small, in: dir)
    #expect(train.ending == .exited(0), "\(train.standardError)")
    #expect(
      train.standardOutput.contains("training GRU, 2 layers of 12, embedding 8"),
      "\(train.standardOutput)")
    let sample = try commands.run(
      [
        "sample", "--checkpoint", dir.appendingPathComponent("gru/checkpoint.json").path, "--count",
        "20",
      ],
      in: dir)
    #expect(sample.ending == .exited(0), "\(sample.standardError)")
  }

  @Test("a resumed LSTM run follows the same losses as one that never stopped")
  func lstmResume() throws {
    let dir = try commands.folder()
    let options = ["--model", "lstm", "--sample-every", "1000"] + commands.small
    _ = try commands.run(["train", "--iters", "40", "--out", "straight"] + options, in: dir)
    _ = try commands.run(["train", "--iters", "20", "--out", "split"] + options, in: dir)
    let resumed = try commands.run(
      ["train", "--iters", "40", "--out", "split", "--resume"] + options, in: dir)
    #expect(resumed.ending == .exited(0), "\(resumed.standardError)")
    let straight = try Reference.loadTrainedModel(
      from: dir.appendingPathComponent("straight/checkpoint.json").path)
    let split = try Reference.loadTrainedModel(
      from: dir.appendingPathComponent("split/checkpoint.json").path)
    #expect(split.history.loss == straight.history.loss)
  }

  @Test("a checkpoint whose tensors do not fit its model is refused with the tensor's name")
  func tamperedCheckpoint() throws {
    let dir = try commands.folder()
    let text = try String(contentsOfFile: Self.oldCheckpoint, encoding: .utf8)
    // The vanilla RNN's Whh is 3 × 3; claim 9 × 1.
    let broken = text.replacingOccurrences(
      of: "\"Whh\" : {\n        \"cols\" : 3,\n        \"rows\" : 3",
      with: "\"Whh\" : {\n        \"cols\" : 1,\n        \"rows\" : 9")
    #expect(broken != text, "the fixture's layout changed")
    let path = dir.appendingPathComponent("broken.json").path
    try broken.write(toFile: path, atomically: true, encoding: .utf8)
    let out = try commands.run(["sample", "--checkpoint", path], in: dir)
    #expect(out.ending == .exited(2))
    #expect(
      out.standardError.contains("the parameters: Whh is 9×1, this model needs 3×3"),
      "\(out.standardError)")
  }
}
