import CourseSupport
import Foundation
import ReferenceRNN

/// Where a command's text comes from: `--data FILE` (any UTF-8 text) or `--corpus NAME` (built in).
func loadTrainingText(_ options: CommandLineOptions, sequenceLength: Int) throws -> (Corpus, String)
{
  if let path = options.string("data") {
    if options.string("corpus") != nil {
      throw CommandLineOptions.Problem("give --data or --corpus, not both")
    }
    return (try Reference.loadCorpus(at: path, sequenceLength: sequenceLength), path)
  }
  let corpus = try options.choice("corpus", default: BuiltInCorpus.play)
  let characters = try options.int("characters", default: 200_000)
  let file = FileManager.default.temporaryDirectory.appendingPathComponent(
    "rnn-\(corpus.rawValue)-\(UUID().uuidString).txt")
  try corpus.text(characters: characters).write(to: file, atomically: true, encoding: .utf8)
  defer { try? FileManager.default.removeItem(at: file) }
  return (
    try Reference.loadCorpus(at: file.path, sequenceLength: sequenceLength),
    "the \(corpus.rawValue) corpus"
  )
}

/// Writes text to a file atomically, creating its folder.
func writeAtomically(_ text: String, to path: String) throws {
  let url = URL(fileURLWithPath: path)
  try FileManager.default.createDirectory(
    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
  try Data(text.utf8).write(to: url, options: .atomic)
}
