/// Deflate (RFC 1951), as much of it as the course needs: a greedy LZ77 parse, shared by the
/// size estimate ex11's reference measures with and by the PNG writer, and a coder that writes
/// the parse with deflate's fixed Huffman codes (one block), which every PNG reader decodes.
public enum Deflate {
  /// A literal symbol (length 0), or a copy of `length` symbols from `distance` back.
  public struct Token: Equatable, Sendable {
    /// The literal symbol (0 ..< 256) when `length` is 0; 0 for a copy.
    public var symbol: Int
    /// How many symbols the copy repeats (3 ... 258), or 0 for a literal.
    public var length: Int
    /// How far back the copy starts (1 ... 32,768), or 0 for a literal.
    public var distance: Int
  }

  /// Matches of 3 to 258 symbols, up to 32,768 back: at each position, the longest among the
  /// last `chain` places where the same three symbols began (the nearest on a tie), taken if
  /// it is at least 3 long. Symbols must be below 256.
  public static func parse(_ s: [Int], chain: Int = 64) -> [Token] {
    var tokens: [Token] = []
    // head[h]: the latest position whose three symbols hash to h; previous[i]: the one before.
    var head = [Int](repeating: -1, count: 1 << 15)
    var previous = [Int](repeating: -1, count: s.count)
    func hash(_ i: Int) -> Int { ((s[i] << 10) ^ (s[i + 1] << 5) ^ s[i + 2]) & 0x7FFF }
    func remember(_ i: Int) {
      guard i + 2 < s.count else { return }
      let h = hash(i)
      previous[i] = head[h]
      head[h] = i
    }
    var i = 0
    while i < s.count {
      var best = (length: 0, distance: 0)
      if i + 2 < s.count {
        var j = head[hash(i)]
        var tries = 0
        while j >= 0 && i - j <= 32_768 && tries < chain {
          var length = 0
          while length < 258 && i + length < s.count && s[j + length] == s[i + length] {
            length += 1
          }
          if length > best.length { best = (length, i - j) }
          j = previous[j]
          tries += 1
        }
      }
      if best.length >= 3 {
        tokens.append(Token(symbol: 0, length: best.length, distance: best.distance))
        for k in i..<(i + best.length) { remember(k) }
        i += best.length
      } else {
        tokens.append(Token(symbol: s[i], length: 0, distance: 0))
        remember(i)
        i += 1
      }
    }
    return tokens
  }

  /// `bytes` as a zlib stream: header, one deflate block with the fixed codes, Adler-32.
  public static func zlib(_ bytes: [UInt8]) -> [UInt8] {
    var out = BitWriter()
    out.write(1, bits: 1)  // the last block
    out.write(1, bits: 2)  // fixed Huffman codes
    for token in parse(bytes.map(Int.init)) {
      if token.length == 0 {
        writeFixed(token.symbol, &out)
        continue
      }
      let l = lengthBase.lastIndex { $0 <= token.length }!
      writeFixed(257 + l, &out)
      out.write(token.length - lengthBase[l], bits: lengthExtra[l])
      let d = distanceBase.lastIndex { $0 <= token.distance }!
      out.writeReversed(d, bits: 5)
      out.write(token.distance - distanceBase[d], bits: distanceExtra[d])
    }
    writeFixed(256, &out)
    let adler = adler32(bytes)
    let trailer: [UInt8] = (0..<4).map { (i: Int) -> UInt8 in UInt8((adler >> (24 - 8 * i)) & 0xFF)
    }
    var stream: [UInt8] = [0x78, 0x01]
    stream += out.bytes
    stream += trailer
    return stream
  }

  /// Deflate's fixed code for a literal or length symbol (RFC 1951, 3.2.6).
  static func writeFixed(_ symbol: Int, _ out: inout BitWriter) {
    switch symbol {
    case 0...143: out.writeReversed(0x30 + symbol, bits: 8)
    case 144...255: out.writeReversed(0x190 + symbol - 144, bits: 9)
    case 256...279: out.writeReversed(symbol - 256, bits: 7)
    default: out.writeReversed(0xC0 + symbol - 280, bits: 8)
    }
  }

  /// Adler-32 as zlib defines it: two sums modulo 65,521.
  public static func adler32(_ bytes: [UInt8]) -> UInt32 {
    var (a, b): (UInt32, UInt32) = (1, 0)
    for byte in bytes {
      a = (a + UInt32(byte)) % 65_521
      b = (b + a) % 65_521
    }
    return b << 16 | a
  }

  // Where each length and distance code starts, and how many extra bits follow (3.2.5).
  /// The shortest copy length of each length code 257 ... 285 (index = code − 257).
  public static let lengthBase = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
  ]
  /// How many extra bits follow each length code, for the length's offset from its base.
  public static let lengthExtra = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
  ]
  /// The shortest distance of each distance code 0 ... 29.
  public static let distanceBase = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
  ]
  /// How many extra bits follow each distance code, for the distance's offset from its base.
  public static let distanceExtra = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
  ]
}

/// Bits packed as deflate packs them: the first bit in the lowest bit of the first byte.
struct BitWriter {
  private(set) var bytes: [UInt8] = []
  private var used = 8

  /// `value`'s lowest `bits` bits, lowest first (extra bits and header fields).
  mutating func write(_ value: Int, bits: Int) {
    for k in 0..<bits { put((value >> k) & 1) }
  }

  /// A Huffman code, whose bits go highest first.
  mutating func writeReversed(_ code: Int, bits: Int) {
    for k in stride(from: bits - 1, through: 0, by: -1) { put((code >> k) & 1) }
  }

  private mutating func put(_ bit: Int) {
    if used == 8 {
      bytes.append(0)
      used = 0
    }
    bytes[bytes.count - 1] |= UInt8(bit << used)
    used += 1
  }
}
