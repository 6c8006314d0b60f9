import CourseSupport

/// A small zlib decoder for the tests: stored blocks and blocks with deflate's fixed codes, what
/// the course's coder writes. Written from RFC 1950/1951, apart from the coder it checks.
struct Inflate {
  enum Failure: Error { case header, blockType, code, distance, checksum }

  private let data: [UInt8]
  private var bit = 16  // after the two header bytes

  static func zlib(_ data: [UInt8]) throws -> [UInt8] {
    guard data.count >= 6, data[0] & 0x0F == 8, (Int(data[0]) << 8 | Int(data[1])) % 31 == 0 else {
      throw Failure.header
    }
    var reader = Inflate(data: data)
    var out: [UInt8] = []
    var last = false
    while !last {
      last = reader.bits(1) == 1
      switch reader.bits(2) {
      case 0: try reader.stored(&out)
      case 1: try reader.fixed(&out)
      default: throw Failure.blockType
      }
    }
    let end = (reader.bit + 7) / 8
    let stored = data[end..<(end + 4)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    guard stored == Deflate.adler32(out) else { throw Failure.checksum }
    return out
  }

  private init(data: [UInt8]) { self.data = data }

  /// `count` bits, the first read the lowest.
  private mutating func bits(_ count: Int) -> Int {
    var value = 0
    for k in 0..<count {
      value |= Int((data[bit / 8] >> UInt8(bit % 8)) & 1) << k
      bit += 1
    }
    return value
  }

  private mutating func stored(_ out: inout [UInt8]) throws {
    bit = (bit + 7) / 8 * 8
    let length = bits(16)
    guard bits(16) == length ^ 0xFFFF else { throw Failure.blockType }
    out += data[(bit / 8)..<(bit / 8 + length)]
    bit += 8 * length
  }

  /// A fixed-code symbol: 7, 8 or 9 bits, read highest first.
  private mutating func symbol() throws -> Int {
    var code = 0
    for _ in 0..<7 { code = code << 1 | bits(1) }
    if code <= 23 { return 256 + code }
    code = code << 1 | bits(1)
    if (0x30...0xBF).contains(code) { return code - 0x30 }
    if (0xC0...0xC7).contains(code) { return 280 + code - 0xC0 }
    code = code << 1 | bits(1)
    guard (0x190...0x1FF).contains(code) else { throw Failure.code }
    return 144 + code - 0x190
  }

  private mutating func fixed(_ out: inout [UInt8]) throws {
    while true {
      let s = try symbol()
      if s < 256 {
        out.append(UInt8(s))
        continue
      }
      if s == 256 { return }
      let l = s - 257
      let length = Deflate.lengthBase[l] + bits(Deflate.lengthExtra[l])
      var d = 0
      for _ in 0..<5 { d = d << 1 | bits(1) }
      let distance = Deflate.distanceBase[d] + bits(Deflate.distanceExtra[d])
      guard distance <= out.count else { throw Failure.distance }
      for _ in 0..<length { out.append(out[out.count - distance]) }
    }
  }
}
