import CourseSupport
import CourseTesting
import Ex03
import Foundation
import ReferenceRNN
import Testing

/// Task `checkpoint`: saving and loading a run.
@Suite("checkpoint") struct Checkpoints {
  static func checkpoint(iterations: Int = 40) -> Checkpoint {
    let run = Reference.train(
      corpus: Ex03Fixtures.corpus, hyperparameters: Ex03Fixtures.hyperparameters,
      iterations: iterations, functions: .reference)
    return Checkpoint(
      vocabulary: Ex03Fixtures.corpus.vocabulary, hyperparameters: Ex03Fixtures.hyperparameters,
      state: run.state, history: run.history)
  }

  @Test("what you save, the reference loads, and what it saves, you load: unchanged")
  func roundTrip() throws {
    let original = Self.checkpoint()
    let folder = Ex03Fixtures.temporaryFolder()
    let mine = folder.appendingPathComponent("mine.json").path
    try saveCheckpoint(original, to: mine)
    expectThat(
      (try? Reference.loadCheckpoint(from: mine)) == original,
      "saveCheckpoint: the reference could not read back exactly what was saved. Encode the whole Checkpoint with JSONEncoder."
    )
    let theirs = folder.appendingPathComponent("theirs.json").path
    try Reference.saveCheckpoint(original, to: theirs)
    expectThat(
      (try? loadCheckpoint(from: theirs, expecting: original.vocabulary)) == original,
      "loadCheckpoint: a checkpoint saved by the reference did not load unchanged.")
  }

  @Test("training resumed from a saved checkpoint follows the same losses as if it never stopped")
  func resumeEqualsUninterrupted() throws {
    let hp = Ex03Fixtures.hyperparameters
    let straight = Reference.train(
      corpus: Ex03Fixtures.corpus, hyperparameters: hp, iterations: 80, functions: .reference)
    let path = Ex03Fixtures.temporaryFolder().appendingPathComponent("checkpoint.json").path
    try saveCheckpoint(Self.checkpoint(iterations: 40), to: path)
    let loaded = try loadCheckpoint(from: path, expecting: Ex03Fixtures.corpus.vocabulary)
    let resumed = Reference.train(
      corpus: Ex03Fixtures.corpus, hyperparameters: loaded.hyperparameters, iterations: 80,
      functions: .reference,
      from: loaded.state, history: loaded.history)
    expectThat(
      resumed.history.loss == straight.history.loss,
      "after save and load at iteration 40, the losses of iterations 41–80 differ from an uninterrupted run: the checkpoint must keep the parameters, Adagrad's memory, hPrev, the position and the smoothed loss exactly."
    )
  }

  @Test("saving over a checkpoint replaces it whole and leaves no other file behind")
  func atomicWrite() throws {
    let folder = Ex03Fixtures.temporaryFolder()
    let path = folder.appendingPathComponent("checkpoint.json").path
    try saveCheckpoint(Self.checkpoint(iterations: 20), to: path)
    let later = Self.checkpoint(iterations: 40)
    try saveCheckpoint(later, to: path)
    expectThat(
      (try? Reference.loadCheckpoint(from: path)) == later,
      "saveCheckpoint over an existing file: the file does not hold the new checkpoint.")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    expectThat(
      files == ["checkpoint.json"],
      "saveCheckpoint left \(files) in the folder; write with options: .atomic (a temporary file renamed over the old one)."
    )
  }

  /// An atomic write puts the new checkpoint in a new file and renames it into place, so the
  /// old file is never changed: a hard link to it still reads the old checkpoint. A write in
  /// place would change both, and a crash halfway would leave a broken file.
  @Test("saving never changes the old file in place")
  func replacesRatherThanOverwrites() throws {
    let folder = Ex03Fixtures.temporaryFolder()
    let path = folder.appendingPathComponent("checkpoint.json").path
    let old = Self.checkpoint(iterations: 20)
    try Reference.saveCheckpoint(old, to: path)
    let link = folder.appendingPathComponent("old.json").path
    try FileManager.default.linkItem(atPath: path, toPath: link)
    try saveCheckpoint(Self.checkpoint(iterations: 40), to: path)
    expectThat(
      (try? Reference.loadCheckpoint(from: link)) == old,
      "saveCheckpoint wrote into the old file in place; write with options: .atomic so a crash mid-write cannot leave a broken checkpoint."
    )
  }

  @Test("a missing, corrupt or mismatched checkpoint is a clear error")
  func errors() throws {
    let folder = Ex03Fixtures.temporaryFolder()
    let missing = folder.appendingPathComponent("none.json").path
    #expect(throws: CheckpointError.unreadable(path: missing, reason: "no such file")) {
      try loadCheckpoint(from: missing)
    }
    let corrupt = folder.appendingPathComponent("corrupt.json").path
    try Data("{\"vocabulary\": [".utf8).write(to: URL(fileURLWithPath: corrupt))
    #expect(throws: CheckpointError.unreadable(path: corrupt, reason: "not checkpoint JSON")) {
      try loadCheckpoint(from: corrupt)
    }

    let good = folder.appendingPathComponent("good.json").path
    try Reference.saveCheckpoint(Self.checkpoint(iterations: 20), to: good)
    #expect(throws: CheckpointError.vocabularyMismatch(path: good)) {
      try loadCheckpoint(from: good, expecting: Vocabulary(text: "xyz"))
    }

    var wrong = Self.checkpoint(iterations: 20)
    wrong.hyperparameters.hiddenSize = 32
    let mismatched = folder.appendingPathComponent("mismatched.json").path
    try Reference.saveCheckpoint(wrong, to: mismatched)
    do {
      _ = try loadCheckpoint(from: mismatched)
      Issue.record(
        "loadCheckpoint accepted parameters for H = 16 under hyperparameters that say H = 32; expected CheckpointError.shapeMismatch"
      )
    } catch {
      guard case .shapeMismatch = error else {
        Issue.record(
          "loadCheckpoint with H = 16 parameters and hiddenSize 32: expected .shapeMismatch, got \(error)"
        )
        return
      }
    }
  }
}
