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
    ] {
      let out = try commands.run(command, in: dir)
      #expect(out.ending == .exited(0), "\(command[0]): \(out.standardError)")
    }
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
