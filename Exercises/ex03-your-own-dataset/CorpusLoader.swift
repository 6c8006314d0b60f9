import CourseSupport
import Foundation

/// Task 1 · read a text file into a `Corpus`.
///
/// - Characters are Unicode scalars: `Vocabulary(text:)` collects them sorted by scalar value
///   (stable on every platform), `vocabulary.encode(text)` turns the text into indices, and
///   `decode` gives back exactly the same text.
/// - The last tenth of the indices (count / 10, rounded down) is the validation part; the rest
///   is for training.
/// - Bad input is an error, checked in this order:
///   no file → `.missingFile`; zero bytes → `.emptyFile`; not valid UTF-8 (`String(data: data,
///   encoding: .utf8)` is nil) → `.notUTF8`; fewer than 10·(sequenceLength + 1) characters →
///   `.tooShort(path:characters:needed:)`; a single distinct character → `.singleCharacter`.
public func loadCorpus(at path: String, sequenceLength: Int) throws(CorpusError) -> Corpus {
  fatalError("TODO")
}
