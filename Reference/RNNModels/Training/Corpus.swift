import CourseSupport
import Foundation

extension Reference {
  /// Reads a UTF-8 text file into a corpus (see `corpus(text:source:sequenceLength:)`).
  public static func loadCorpus(at path: String, sequenceLength: Int) throws(CorpusError) -> Corpus
  {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .missingFile(path: path)
    }
    guard !data.isEmpty else { throw .emptyFile(path: path) }
    guard let text = String(data: data, encoding: .utf8) else { throw .notUTF8(path: path) }
    return try corpus(text: text, source: path, sequenceLength: sequenceLength)
  }

  /// A text as a corpus: characters are Unicode scalars, the vocabulary is sorted by scalar
  /// value, the last tenth is validation. The text needs at least ten sequences' worth of
  /// characters, 10·(sequenceLength + 1), so the validation part holds at least one whole
  /// window. `source` names the text in errors.
  public static func corpus(text: String, source: String, sequenceLength: Int) throws(CorpusError)
    -> Corpus
  {
    let count = text.unicodeScalars.count
    let needed = 10 * (sequenceLength + 1)
    guard count >= needed else { throw .tooShort(path: source, characters: count, needed: needed) }
    let vocabulary = Vocabulary(text: text)
    guard vocabulary.count > 1 else { throw .singleCharacter(path: source) }
    return Corpus(vocabulary: vocabulary, indices: vocabulary.encode(text) ?? [])
  }
}
