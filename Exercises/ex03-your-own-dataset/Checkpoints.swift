import CourseSupport
import Foundation

/// Task 3 · save a checkpoint as JSON, atomically.
///
/// `JSONEncoder().encode(checkpoint)` gives the bytes (every type in it is Codable). Write them
/// with `.write(to: URL(fileURLWithPath: path), options: .atomic)`: Foundation writes a temporary
/// file and renames it over the old one, so a crash mid-write never leaves half a checkpoint.
public func saveCheckpoint(_ checkpoint: Checkpoint, to path: String) throws {
  fatalError("TODO")
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
  fatalError("TODO")
}
