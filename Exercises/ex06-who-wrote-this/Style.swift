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
  fatalError("TODO")
}
