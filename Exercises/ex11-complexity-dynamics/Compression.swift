import CourseSupport

/// Task 4 · LZW's compressed size, in bits. The dictionary starts with the `alphabet` strings
/// of one symbol (string [s] has code s). Read the input: keep extending the current string
/// while current + next symbol is in the dictionary; when it is not, write the current
/// string's code, add current + next symbol to the dictionary (its code is the dictionary's
/// size), and start again from the next symbol. At the end, write the code of what is left.
///
/// Each code is written in as many bits as the largest code in the dictionary needs *at the
/// moment it is written*: that is the number of bits of (size − 1), at least 1, where size is
/// the number of strings before the new one is added. An empty input takes 0 bits.
public func lzwBits(_ symbols: [Int], alphabet: Int) -> Int {
  fatalError("TODO")
}
