import Foundation

/// A heatmap as SVG: a grid of values (rows × columns) coloured on a scale from dark blue to
/// yellow, with a colour bar, axis titles, and optional labels for rows and columns (a column
/// label can be a character of a text, a row label a unit's number); rows can be marked.
/// Non-finite values are grey. Same data, same bytes.
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
  /// A label beside each row (a unit's number, say), every row when they fit, else every few;
  /// none when nil.
  public var rowLabels: [String]?
  /// Rows to point out: each outlined in red (inside its own cells, so that two marked rows
  /// side by side show as two), its label in bold red.
  public var markedRows: [Int]
  /// A line of text under the title: what the marks mean, say.
  public var note: String?
  /// Rows that start a new group (a row whose unit's number jumps from the one above, say):
  /// a gap above each, so that the jump shows.
  public var rowBreaks: [Int] = []

  /// A heatmap; linear colours over the data's own range, no row labels and no marks by default.
  public init(
    title: String, xLabel: String, yLabel: String, values: [[Double]],
    columnLabels: [String]? = nil, logScale: Bool = false, range: ClosedRange<Double>? = nil,
    rowLabels: [String]? = nil, markedRows: [Int] = [], note: String? = nil
  ) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.values = values
    self.columnLabels = columnLabels
    self.logScale = logScale
    self.range = range
    self.rowLabels = rowLabels
    self.markedRows = markedRows
    self.note = note
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

  /// Where the grid sits in the picture: its cells' size, and the gaps between row groups.
  struct Layout {
    var left = 60.0
    var top: Double
    var cellW: Double
    var cellH: Double
    var rows: Int
    var cols: Int
    var breaks: [Int] = []
    static let gap = 6.0
    var gridW: Double { cellW * Double(cols) }
    var gridH: Double { cellH * Double(rows) + Self.gap * Double(breaks.count) }
    /// The top of row `r`, below the gaps above it.
    func y(_ r: Int) -> Double {
      top + Double(r) * cellH + Self.gap * Double(breaks.filter { $0 <= r }.count)
    }
  }

  /// The heatmap as an SVG document of `width` × `height` pixels.
  public func svg(width: Double = 760, height: Double = 420) -> String {
    let rows = values.count
    let cols = values.map(\.count).max() ?? 0
    let (right, top) = (90.0, note == nil ? 44.0 : 64.0)
    let bottom = columnLabels == nil ? 45.0 : 60.0
    let breaks = Set(rowBreaks).filter { $0 > 0 && $0 < rows }.sorted()
    let layout = Layout(
      top: top, cellW: (width - 60 - right) / Double(max(cols, 1)),
      cellH: (height - top - bottom - Layout.gap * Double(breaks.count)) / Double(max(rows, 1)),
      rows: rows, cols: cols, breaks: breaks)
    let all = values.flatMap { $0 }.compactMap(scaled)
    let lo = range.flatMap { scaled($0.lowerBound) } ?? all.min() ?? 0
    let hi = range.flatMap { scaled($0.upperBound) } ?? all.max() ?? 1
    let span = hi > lo ? hi - lo : 1
    var out = [
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(width))\" height=\"\(n(height))\" viewBox=\"0 0 \(n(width)) \(n(height))\" font-family=\"Helvetica, Arial, sans-serif\">",
      "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>",
      "<text x=\"\(n(width / 2))\" y=\"24\" text-anchor=\"middle\" font-size=\"16\" font-weight=\"bold\">\(escape(title))</text>",
    ]
    if let note {
      out.append(
        "<text class=\"note\" x=\"\(n(width / 2))\" y=\"46\" text-anchor=\"middle\" font-size=\"13\" fill=\"#444\">\(escape(note))</text>"
      )
    }
    for r in 0..<rows {
      for c in 0..<values[r].count {
        let fill = scaled(values[r][c]).map { Self.colour(($0 - lo) / span) } ?? "#bbbbbb"
        out.append(
          "<rect class=\"cell\" x=\"\(n(layout.left + Double(c) * layout.cellW))\" y=\"\(n(layout.y(r)))\" width=\"\(n(layout.cellW))\" height=\"\(n(layout.cellH))\" fill=\"\(fill)\"/>"
        )
      }
    }
    out += columnTexts(layout, height: height - bottom + 14)
    out += rowTexts(layout)
    out.append(
      "<text x=\"\(n(layout.left + layout.gridW / 2))\" y=\"\(n(height - 10))\" text-anchor=\"middle\" font-size=\"12\">\(escape(xLabel))</text>"
    )
    out.append(
      "<text x=\"18\" y=\"\(n(top + layout.gridH / 2))\" text-anchor=\"middle\" font-size=\"12\" transform=\"rotate(-90 18 \(n(top + layout.gridH / 2)))\">\(escape(yLabel))</text>"
    )
    out += colourBar(x: width - right + 20, top: top, height: layout.gridH, lo: lo, hi: hi)
    out.append("</svg>")
    return out.joined(separator: "\n") + "\n"
  }

  /// A value where the colour scale measures it: its logarithm on a log scale; nil when it
  /// cannot be shown.
  func scaled(_ v: Double) -> Double? {
    guard v.isFinite, !logScale || v > 0 else { return nil }
    return logScale ? log10(v) : v
  }

  /// The labels under the columns at `y`: each column's own, or every tenth column's number
  /// (every column's when there are few).
  func columnTexts(_ layout: Layout, height y: Double) -> [String] {
    guard let labels = columnLabels else {
      let every = layout.cols > 20 ? 10 : 1
      return stride(from: 0, to: layout.cols, by: every).map { c in
        "<text class=\"column\" x=\"\(n(layout.left + (Double(c) + 0.5) * layout.cellW))\" y=\"\(n(y))\" text-anchor=\"middle\" font-size=\"11\">\(c)</text>"
      }
    }
    return labels.prefix(layout.cols).enumerated().map { c, label in
      let shown = label == "\n" ? "⏎" : label == " " ? "␣" : label
      return
        "<text class=\"column\" x=\"\(n(layout.left + (Double(c) + 0.5) * layout.cellW))\" y=\"\(n(y))\" text-anchor=\"middle\" font-size=\"\(n(min(12, max(6, layout.cellW))))\" font-family=\"monospace\">\(escape(shown))</text>"
    }
  }

  /// The row labels left of the grid (every row's when a row is 7 pixels or more, else every
  /// few, and always a marked row's), and each marked row outlined.
  func rowTexts(_ layout: Layout) -> [String] {
    let every = max(1, Int((7 / layout.cellH).rounded(.up)))
    let size = n(min(11, max(6, layout.cellH - 1)))
    var out: [String] = []
    for (r, label) in (rowLabels ?? []).prefix(layout.rows).enumerated()
    where r % every == 0 || markedRows.contains(r) {
      let marked = markedRows.contains(r) ? " font-weight=\"bold\" fill=\"#d62728\"" : ""
      out.append(
        "<text class=\"row\" x=\"\(n(layout.left - 4))\" y=\"\(n(layout.y(r) + 0.5 * layout.cellH + 3))\" text-anchor=\"end\" font-size=\"\(size)\"\(marked)>\(escape(label))</text>"
      )
    }
    for r in markedRows where r < layout.rows {
      out.append(
        "<rect class=\"mark\" x=\"\(n(layout.left + 0.75))\" y=\"\(n(layout.y(r) + 0.75))\" width=\"\(n(layout.gridW - 1.5))\" height=\"\(n(layout.cellH - 1.5))\" fill=\"none\" stroke=\"#d62728\" stroke-width=\"1.5\"/>"
      )
    }
    return out
  }

  /// The colour bar: 50 bands from the lowest value (bottom) to the highest (top), labelled at
  /// both ends.
  func colourBar(x barX: Double, top: Double, height barH: Double, lo: Double, hi: Double)
    -> [String]
  {
    var out = (0..<50).map { k in
      "<rect class=\"bar\" x=\"\(n(barX))\" y=\"\(n(top + barH * Double(49 - k) / 50))\" width=\"14\" height=\"\(n(barH / 50 + 0.5))\" fill=\"\(Self.colour(Double(k) / 49))\"/>"
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
    return out
  }

  func n(_ x: Double) -> String { String(format: "%.2f", x) }
}
