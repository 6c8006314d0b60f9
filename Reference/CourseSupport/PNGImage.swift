/// A picture of pixels as PNG, written by the course itself: 8-bit RGB, the image data
/// compressed by the course's deflate (fixed codes), each chunk with its CRC-32. It opens in
/// every viewer. For automaton diagrams and grids; charts are SVG.
public struct PNGImage: Sendable, Equatable {
  /// The width in pixels.
  public let width: Int
  /// The height in pixels.
  public let height: Int
  /// Red, green, blue for each pixel, row by row from the top.
  public var pixels: [UInt8]

  /// A `width` × `height` picture filled with `fill` (white by default); both at least 1.
  public init(width: Int, height: Int, fill: (UInt8, UInt8, UInt8) = (255, 255, 255)) {
    require(width > 0 && height > 0, "a picture needs at least one pixel, not \(width) × \(height)")
    self.width = width
    self.height = height
    pixels = [UInt8](repeating: 0, count: width * height * 3)
    for i in 0..<(width * height) { (pixels[3 * i], pixels[3 * i + 1], pixels[3 * i + 2]) = fill }
  }

  /// The (red, green, blue) of the pixel at column x, row y (0, 0 at the top left).
  public subscript(x: Int, y: Int) -> (UInt8, UInt8, UInt8) {
    get {
      let i = 3 * (y * width + x)
      return (pixels[i], pixels[i + 1], pixels[i + 2])
    }
    set {
      let i = 3 * (y * width + x)
      (pixels[i], pixels[i + 1], pixels[i + 2]) = newValue
    }
  }

  /// Fills the `size` × `size` square whose top left corner is (x, y), clipped to the picture.
  public mutating func fillSquare(x: Int, y: Int, size: Int, _ colour: (UInt8, UInt8, UInt8)) {
    for yy in max(y, 0)..<min(y + size, height) {
      for xx in max(x, 0)..<min(x + size, width) { self[xx, yy] = colour }
    }
  }

  /// The PNG file's bytes.
  public func encoded() -> [UInt8] {
    var raw: [UInt8] = []
    raw.reserveCapacity(height * (1 + 3 * width))
    for y in 0..<height {
      raw.append(0)  // filter type 0: the row as it is
      raw += pixels[(3 * y * width)..<(3 * (y + 1) * width)]
    }
    var out: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    var header: [UInt8] = bigEndian(UInt32(width))
    header += bigEndian(UInt32(height))
    header += [8, 2, 0, 0, 0] as [UInt8]
    out += Self.chunk("IHDR", header)
    out += Self.chunk("IDAT", Deflate.zlib(raw))
    out += Self.chunk("IEND", [])
    return out
  }

  static func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] {
    let typed = Array(type.utf8) + body
    return bigEndian(UInt32(body.count)) + typed + bigEndian(crc32(typed))
  }

  /// CRC-32 as PNG (and zlib) define it: polynomial 0xEDB88320, reflected, inverted.
  public static func crc32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
      crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
    }
    return ~crc
  }

  static let crcTable: [UInt32] = (0..<256).map { n in
    var c = UInt32(n)
    for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    return c
  }
}

private func bigEndian(_ x: UInt32) -> [UInt8] {
  [UInt8(x >> 24), UInt8((x >> 16) & 0xFF), UInt8((x >> 8) & 0xFF), UInt8(x & 0xFF)]
}
