import CourseSupport
import Foundation

// ex03's checkpoints: a vanilla RNN trained by Adagrad, in the JSON of `Checkpoint`, which is
// also how every model's checkpoint reads when it is that model (see `ModelCheckpoint`).

extension Reference {
  /// Writes the checkpoint as JSON, atomically: to a temporary file beside it, then renamed
  /// over it, so a crash mid-write never leaves a broken checkpoint.
  public static func saveCheckpoint(_ checkpoint: Checkpoint, to path: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try encoder.encode(checkpoint).write(to: URL(fileURLWithPath: path), options: .atomic)
  }

  /// Reads a checkpoint and checks it fits: its shapes agree with its hyperparameters and
  /// vocabulary, and, when `vocabulary` is given, it was trained on that vocabulary.
  public static func loadCheckpoint(from path: String, expecting vocabulary: Vocabulary? = nil)
    throws(CheckpointError) -> Checkpoint
  {
    let loaded = try loadCheckpoint(CharModel<RNNCell>.self, from: path, expecting: vocabulary)
    guard let state = loaded.run.trainingState else {
      throw .shapeMismatch(
        path: path,
        detail:
          "it holds a \(loaded.model.spec.description) trained by \(loaded.run.optimizer.kind), not ex03's RNN"
      )
    }
    return Checkpoint(
      vocabulary: loaded.vocabulary, hyperparameters: loaded.hyperparameters, state: state,
      history: loaded.history)
  }
}
