import CourseSupport

/// Task 3 · the tagging task where the answer lies ahead: for every character of `text` (every
/// Unicode scalar), how many letters follow it in its word.
///
/// A letter (`scalar.properties.isAlphabetic`) followed by 0, 1 or 2 more letters before the
/// word ends is labelled 0, 1 or 2; by 3 or more, 3. Anything that is not a letter is labelled 4.
/// "the king" → t:2 h:1 e:0 ␣:4 k:3 i:2 n:1 g:0. Walking the text backwards makes it one pass.
public func lettersLeft(_ text: String) -> [Int] {
  // BEGIN SOLUTION
  let characters = Array(text.unicodeScalars)
  var labels = [Int](repeating: 4, count: characters.count)
  var following = 0
  for i in characters.indices.reversed() {
    if characters[i].properties.isAlphabetic {
      labels[i] = min(following, 3)
      following += 1
    } else {
      following = 0
    }
  }
  return labels
  // END SOLUTION
}
