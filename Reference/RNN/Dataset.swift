import CourseSupport
import Foundation

extension Reference {
  /// Reads a UTF-8 text file into a corpus: characters are Unicode scalars, the vocabulary is
  /// sorted by scalar value, the last tenth is validation. The text needs at least ten
  /// sequences' worth of characters, 10·(sequenceLength + 1), so the validation part holds at
  /// least one whole window.
  public static func loadCorpus(at path: String, sequenceLength: Int) throws(CorpusError) -> Corpus
  {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .missingFile(path: path)
    }
    guard !data.isEmpty else { throw .emptyFile(path: path) }
    guard let text = String(data: data, encoding: .utf8) else { throw .notUTF8(path: path) }
    let count = text.unicodeScalars.count
    let needed = 10 * (sequenceLength + 1)
    guard count >= needed else { throw .tooShort(path: path, characters: count, needed: needed) }
    let vocabulary = Vocabulary(text: text)
    guard vocabulary.count > 1 else { throw .singleCharacter(path: path) }
    let indices = vocabulary.encode(text) ?? []
    let validationCount = indices.count / 10
    return Corpus(
      vocabulary: vocabulary, training: Array(indices.dropLast(validationCount)),
      validation: Array(indices.suffix(validationCount)))
  }
}
