import CourseSupport
import Foundation

/// Task 3 · save a checkpoint as JSON, atomically.
///
/// `JSONEncoder().encode(checkpoint)` gives the bytes (every type in it is Codable). Write them
/// with `.write(to: URL(fileURLWithPath: path), options: .atomic)`: Foundation writes a temporary
/// file and renames it over the old one, so a crash mid-write never leaves half a checkpoint.
public func saveCheckpoint(_ checkpoint: Checkpoint, to path: String) throws {
  // BEGIN SOLUTION
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
  try encoder.encode(checkpoint).write(to: URL(fileURLWithPath: path), options: .atomic)
  // END SOLUTION
}

/// Task 3 · load a checkpoint and make sure it fits.
///
/// - No file → `.unreadable(path:reason: "no such file")`; bytes that do not decode as a
///   `Checkpoint` → `.unreadable(path:reason: "not checkpoint JSON")`.
/// - `vocabulary` given and different from the checkpoint's → `.vocabularyMismatch(path:)`.
/// - Parameters not H × V for the checkpoint's hiddenSize and vocabulary (or memory and hPrev
///   not matching them) → `.shapeMismatch(path:detail:)`, with a detail of your choice.
public func loadCheckpoint(from path: String, expecting vocabulary: Vocabulary? = nil)
  throws(CheckpointError) -> Checkpoint
{
  // BEGIN SOLUTION
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
  let h = checkpoint.hyperparameters.hiddenSize
  let v = checkpoint.vocabulary.count
  let state = checkpoint.state
  guard state.parameters.hiddenSize == h, state.parameters.vocabularySize == v else {
    throw .shapeMismatch(path: path, detail: "parameters do not match H = \(h), V = \(v)")
  }
  guard state.memory.hiddenSize == h, state.memory.vocabularySize == v, state.hPrev.count == h
  else {
    throw .shapeMismatch(path: path, detail: "the optimizer state does not match the parameters")
  }
  return checkpoint
  // END SOLUTION
}
