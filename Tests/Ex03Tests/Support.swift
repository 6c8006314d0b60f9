import CourseSupport
import Foundation

/// Files and corpora the ex03 suites share.
enum Ex03Fixtures {
  static func temporaryFile(_ bytes: [UInt8]) -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ex03-\(UUID().uuidString).txt")
    _ = FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
    return url.path
  }

  static func temporaryFile(_ text: String) -> String { temporaryFile(Array(text.utf8)) }

  static func temporaryFolder() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "ex03-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// 3,000 characters of the built-in play, split as the course splits: a tenth for validation.
  static let corpus: Corpus = {
    let text = BuiltInCorpus.play.text(characters: 3000, seed: 4)
    let vocabulary = Vocabulary(text: text)
    return Corpus(vocabulary: vocabulary, indices: vocabulary.encode(text) ?? [])
  }()

  static let hyperparameters = Hyperparameters(
    hiddenSize: 16, sequenceLength: 10, learningRate: 0.1, seed: 3, validationEvery: 20)
}
