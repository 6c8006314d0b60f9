import Foundation

/// A heatmap as SVG: a grid of values (rows × columns) coloured on a scale from dark blue to
/// yellow, with a colour bar, axis titles, and optional labels for rows and columns (a column
/// label can be a character of a text). Non-finite values are grey. Same data, same bytes.
public struct Heatmap: Sendable {
  /// The title, in bold above the grid.
  public var title: String
  /// The title under the columns.
  public var xLabel: String
  /// The title beside the rows.
  public var yLabel: String
  /// values[row][column]
  public var values: [[Double]]
  /// A label under each column (a newline shows as ⏎, a space as ␣); numbered when nil.
  public var columnLabels: [String]?
  /// Colour by log₁₀ of the value (for values spanning many orders of magnitude).
  public var logScale: Bool
  /// The values the colour scale runs between (0 … 1 for a gate, say); the data's own range
  /// when nil.
  public var range: ClosedRange<Double>?

  /// A heatmap; linear colours over the data's own range by default.
  public init(
    title: String, xLabel: String, yLabel: String, values: [[Double]],
    columnLabels: [String]? = nil, logScale: Bool = false, range: ClosedRange<Double>? = nil
  ) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.values = values
    self.columnLabels = columnLabels
    self.logScale = logScale
    self.range = range
  }

  /// Dark blue → teal → green → yellow (after viridis), interpolated linearly.
  static let anchors: [(Double, Double, Double)] = [
    (68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37),
  ]

  /// The colour of `f` in [0, 1] on the scale (clamped to it), as "#rrggbb".
  public static func colour(_ f: Double) -> String {
    let x = min(max(f, 0), 1) * Double(anchors.count - 1)
    let i = min(Int(x), anchors.count - 2)
    let t = x - Double(i)
    let (a, b) = (anchors[i], anchors[i + 1])
    let r = Int((a.0 + (b.0 - a.0) * t).rounded())
    let g = Int((a.1 + (b.1 - a.1) * t).rounded())
    let bl = Int((a.2 + (b.2 - a.2) * t).rounded())
    return String(format: "#%02x%02x%02x", r, g, bl)
  }

  /// The heatmap as an SVG document of `width` × `height` pixels.
  public func svg(width: Double = 760, height: Double = 420) -> String {
    let rows = values.count
    let cols = values.map(\.count).max() ?? 0
    let left = 60.0
    let right = 90.0
    let top = 44.0
    let bottom = columnLabels == nil ? 45.0 : 60.0
    let cellW = (width - left - right) / Double(max(cols, 1))
    let cellH = (height - top - bottom) / Double(max(rows, 1))
    func scaled(_ v: Double) -> Double? {
      guard v.isFinite, !logScale || v > 0 else { return nil }
      return logScale ? log10(v) : v
    }
    let all = values.flatMap { $0 }.compactMap(scaled)
    let lo = range.flatMap { scaled($0.lowerBound) } ?? all.min() ?? 0
    let hi = range.flatMap { scaled($0.upperBound) } ?? all.max() ?? 1
    let span = hi > lo ? hi - lo : 1
    func n(_ x: Double) -> String { String(format: "%.2f", x) }
    var out = [
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(width))\" height=\"\(n(height))\" viewBox=\"0 0 \(n(width)) \(n(height))\" font-family=\"Helvetica, Arial, sans-serif\">",
      "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>",
      "<text x=\"\(n(width / 2))\" y=\"24\" text-anchor=\"middle\" font-size=\"16\" font-weight=\"bold\">\(escape(title))</text>",
    ]
    for r in 0..<rows {
      for c in 0..<values[r].count {
        let fill = scaled(values[r][c]).map { Self.colour(($0 - lo) / span) } ?? "#bbbbbb"
        out.append(
          "<rect class=\"cell\" x=\"\(n(left + Double(c) * cellW))\" y=\"\(n(top + Double(r) * cellH))\" width=\"\(n(cellW))\" height=\"\(n(cellH))\" fill=\"\(fill)\"/>"
        )
      }
    }
    if columnLabels == nil {
      // Number every tenth column (or every column when there are few).
      let every = cols > 20 ? 10 : 1
      for c in stride(from: 0, to: cols, by: every) {
        out.append(
          "<text class=\"column\" x=\"\(n(left + (Double(c) + 0.5) * cellW))\" y=\"\(n(height - bottom + 14))\" text-anchor=\"middle\" font-size=\"11\">\(c)</text>"
        )
      }
    }
    if let labels = columnLabels {
      for (c, label) in labels.prefix(cols).enumerated() {
        let shown = label == "\n" ? "⏎" : label == " " ? "␣" : label
        out.append(
          "<text class=\"column\" x=\"\(n(left + (Double(c) + 0.5) * cellW))\" y=\"\(n(height - bottom + 14))\" text-anchor=\"middle\" font-size=\"\(n(min(12, max(6, cellW))))\" font-family=\"monospace\">\(escape(shown))</text>"
        )
      }
    }
    out.append(
      "<text x=\"\(n(left + (width - left - right) / 2))\" y=\"\(n(height - 10))\" text-anchor=\"middle\" font-size=\"12\">\(escape(xLabel))</text>"
    )
    out.append(
      "<text x=\"18\" y=\"\(n(top + (height - top - bottom) / 2))\" text-anchor=\"middle\" font-size=\"12\" transform=\"rotate(-90 18 \(n(top + (height - top - bottom) / 2)))\">\(escape(yLabel))</text>"
    )
    // Colour bar: 50 bands from the lowest value (bottom) to the highest (top).
    let barX = width - right + 20
    let barH = height - top - bottom
    for k in 0..<50 {
      out.append(
        "<rect class=\"bar\" x=\"\(n(barX))\" y=\"\(n(top + barH * Double(49 - k) / 50))\" width=\"14\" height=\"\(n(barH / 50 + 0.5))\" fill=\"\(Self.colour(Double(k) / 49))\"/>"
      )
    }
    let fmt = { (x: Double) in String(format: "%.3g", self.logScale ? pow(10, x) : x) }
    out.append(
      "<text class=\"scale\" x=\"\(n(barX + 18))\" y=\"\(n(top + 10))\" font-size=\"11\">\(fmt(hi))</text>"
    )
    out.append(
      "<text class=\"scale\" x=\"\(n(barX + 18))\" y=\"\(n(top + barH))\" font-size=\"11\">\(fmt(lo))</text>"
    )
    if logScale {
      out.append(
        "<text class=\"scale\" x=\"\(n(barX + 7))\" y=\"\(n(top + barH + 16))\" text-anchor=\"middle\" font-size=\"10\">log scale</text>"
      )
    }
    out.append("</svg>")
    return out.joined(separator: "\n") + "\n"
  }
}
