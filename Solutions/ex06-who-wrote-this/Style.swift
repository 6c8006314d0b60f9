import CourseSupport

/// Task 1 · the style of a passage, in numbers.
///
/// - A word is a run of letters and apostrophes that starts with a letter ("don't" is one word);
///   its length counts its letters only.
/// - A sentence ends at ".", "!" or "?" once it has a word; words after the last end make one
///   more sentence.
/// - `punctuationPer100[m]`: how many times `StyleStatistics.marks[m]` occurs, per 100
///   characters of the passage (characters as Swift counts them, `passage.count`).
/// - capitalRate: capital letters per letter; typeTokenRatio: distinct words (in lower case) per
///   word.
/// A passage without words gives 0 where a count would be divided by zero.
public func styleStatistics(_ passage: String) -> StyleStatistics {
  // BEGIN SOLUTION
  var words: [String] = []
  var current = ""
  var sentences = 0
  var wordsInSentence = 0
  var marks = [Double](repeating: 0, count: StyleStatistics.marks.count)
  var letters = 0
  var capitals = 0
  for c in passage {
    if c.isLetter {
      letters += 1
      if c.isUppercase { capitals += 1 }
    }
    if c.isLetter || (c == "'" && !current.isEmpty) {
      current.append(c)
    } else if !current.isEmpty {
      words.append(current)
      wordsInSentence += 1
      current = ""
    }
    if let m = StyleStatistics.marks.firstIndex(of: c) { marks[m] += 1 }
    if (c == "." || c == "!" || c == "?") && wordsInSentence > 0 {
      sentences += 1
      wordsInSentence = 0
    }
  }
  if !current.isEmpty {
    words.append(current)
    wordsInSentence += 1
  }
  if wordsInSentence > 0 { sentences += 1 }
  let letterCounts = words.map { Double($0.filter(\.isLetter).count) }
  return StyleStatistics(
    meanWordLength: letterCounts.reduce(0, +) / Double(max(words.count, 1)),
    meanSentenceLength: Double(words.count) / Double(max(sentences, 1)),
    punctuationPer100: marks.map { 100 * $0 / Double(max(passage.count, 1)) },
    capitalRate: Double(capitals) / Double(max(letters, 1)),
    typeTokenRatio: Double(Set(words.map { $0.lowercased() }).count) / Double(max(words.count, 1)))
  // END SOLUTION
}
