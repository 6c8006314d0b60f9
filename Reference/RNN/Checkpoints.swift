import CourseSupport
import Foundation

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
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(path: path, reason: "no such file")
    }
    let checkpoint: Checkpoint
    do {
      checkpoint = try JSONDecoder().decode(Checkpoint.self, from: data)
    } catch {
      throw .unreadable(path: path, reason: "not checkpoint JSON")
    }
    if let vocabulary, vocabulary != checkpoint.vocabulary { throw .vocabularyMismatch(path: path) }
    let p = checkpoint.state.parameters
    let h = checkpoint.hyperparameters.hiddenSize
    let v = checkpoint.vocabulary.count
    if p.hiddenSize != h || p.vocabularySize != v {
      throw .shapeMismatch(
        path: path,
        detail:
          "parameters are for H = \(p.hiddenSize), V = \(p.vocabularySize); expected H = \(h), V = \(v)"
      )
    }
    if checkpoint.state.memory.hiddenSize != h || checkpoint.state.memory.vocabularySize != v
      || checkpoint.state.hPrev.count != h
    {
      throw .shapeMismatch(path: path, detail: "the optimizer state does not match the parameters")
    }
    return checkpoint
  }
}
