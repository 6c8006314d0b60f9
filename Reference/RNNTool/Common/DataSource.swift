import CourseSupport
import Foundation
import GraderCore
import ReferenceRNN

/// A command's text: `--data FILE` (any UTF-8 text) or `--corpus NAME` (built in).
struct TrainingText {
  let corpus: Corpus
  /// "the play corpus" or the file's path, for messages.
  let source: String
  /// The built-in corpus, when it is one: it has a structure metric.
  let builtIn: BuiltInCorpus?

  /// `defaultFile`: the text to read when neither --data nor --corpus is given (the play
  /// otherwise).
  init(_ options: CommandLineOptions, sequenceLength: Int, defaultFile: String? = nil) throws {
    if let path = options.string("data") ?? (options.string("corpus") == nil ? defaultFile : nil) {
      if options.string("corpus") != nil {
        throw CommandLineOptions.Problem("give --data or --corpus, not both")
      }
      corpus = try Reference.loadCorpus(at: path, sequenceLength: sequenceLength)
      source = path
      builtIn = nil
    } else {
      let name = try options.choice("corpus", default: BuiltInCorpus.play)
      let characters = try options.int("characters", default: 200_000)
      source = "the \(name.rawValue) corpus"
      corpus = try Reference.corpus(
        text: name.text(characters: characters), source: source, sequenceLength: sequenceLength)
      builtIn = name
    }
  }
}

/// The folder a file is in, as the learner wrote its path ("." for none): where a command that
/// reads a checkpoint writes, by default.
func folderHolding(_ path: String) -> String {
  // Plain string work: NSString's path methods trap in Linux debug builds (no bridging).
  var trimmed = Substring(path)
  while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
  guard let slash = trimmed.lastIndex(of: "/") else { return "." }
  return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
}

/// Writes text to a file atomically, creating its folder.
func writeAtomically(_ text: String, to path: String) throws {
  let url = URL(fileURLWithPath: path)
  try FileManager.default.createDirectory(
    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
  try Data(text.utf8).write(to: url, options: .atomic)
}

/// Pretty, key-sorted JSON, as every file the tool writes.
func json<T: Encodable>(_ value: T) throws -> String {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
  return String(decoding: try encoder.encode(value), as: UTF8.self)
}

/// The checkpoint named by `--checkpoint`, of whatever model it holds.
func trainedModel(_ options: CommandLineOptions) throws -> any TrainedModel {
  guard let path = options.string("checkpoint") else {
    throw CommandLineOptions.Problem("name the model: --checkpoint runs/NAME/checkpoint.json")
  }
  return try Reference.loadTrainedModel(from: path)
}
