import CourseSupport

// Compressed sizes, the paper's stand-in for Kolmogorov complexity. Only the size is needed,
// so neither coder writes its bits out; both are deterministic, the same on every platform.

extension Reference {
  /// LZW's size in bits. The dictionary starts with the `alphabet` single symbols; repeatedly,
  /// the longest string in the dictionary that the input continues with is coded, and that
  /// string plus the next symbol is added. Each code takes as many bits as the largest code
  /// the dictionary then holds needs (the dictionary's size counted before the addition).
  public static func lzwBits(_ symbols: [Int], alphabet: Int) -> Int {
    guard var current = symbols.first else { return 0 }
    // (code of a string, next symbol) → code of the string one longer.
    var dictionary: [Int: Int] = [:]
    var size = alphabet
    var bits = 0
    for symbol in symbols.dropFirst() {
      let key = current * alphabet + symbol
      if let longer = dictionary[key] {
        current = longer
        continue
      }
      bits += bitLength(size - 1)
      dictionary[key] = size
      size += 1
      current = symbol
    }
    return bits + bitLength(size - 1)
  }

  /// Bits needed to write the numbers 0…x (at least 1).
  static func bitLength(_ x: Int) -> Int { max(1, Int.bitWidth - x.leadingZeroBitCount) }

  /// The size in bits of `symbols` (each below 256) coded as deflate (gzip's coder) codes a
  /// block: a greedy LZ77 parse (matches of 3 to 258 symbols, up to 32,768 back, the longest
  /// of the last 64 places the next three symbols occurred), then a Huffman code for literals
  /// and lengths and one for distances, built from the parse's own counts, plus the lengths'
  /// and distances' extra bits, plus 4 bits for each symbol the two codes use (a stand-in for
  /// deflate's run-length coded description of its codes).
  public static func deflateBits(_ symbols: [Int]) -> Int {
    var literals = [Int](repeating: 0, count: 286)
    var distances = [Int](repeating: 0, count: 30)
    var extra = 0
    for token in Deflate.parse(symbols) {
      if token.length == 0 {
        literals[token.symbol] += 1
        continue
      }
      let l = Deflate.lengthBase.lastIndex { $0 <= token.length }!
      literals[257 + l] += 1
      let d = Deflate.distanceBase.lastIndex { $0 <= token.distance }!
      distances[d] += 1
      extra += Deflate.lengthExtra[l] + Deflate.distanceExtra[d]
    }
    literals[256] = 1  // the end of the block
    let used = (literals + distances).filter { $0 > 0 }.count
    return huffmanBits(literals) + huffmanBits(distances) + extra + 4 * used
  }

  /// Σ frequency × code length for an optimal prefix code: the sum of the weights of the
  /// nodes Huffman's algorithm merges. One symbol alone still takes 1 bit.
  public static func huffmanBits(_ frequencies: [Int]) -> Int {
    var weights = frequencies.filter { $0 > 0 }.sorted()
    if weights.count == 1 { return weights[0] }
    var total = 0
    while weights.count > 1 {
      let merged = weights[0] + weights[1]
      total += merged
      weights.removeFirst(2)
      weights.insert(merged, at: weights.firstIndex { $0 > merged } ?? weights.count)
    }
    return total
  }
}
