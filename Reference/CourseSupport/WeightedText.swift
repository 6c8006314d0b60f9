import Foundation

/// Rows of characters, each drawn on a colour as strong as its weight (white at 0, dark orange
/// at the row's largest), with one character of each row boxed: which characters mattered to
/// the boxed one. SVG, monospace, a row label at the left.
public struct WeightedText: Sendable {
  /// One row: its label, its characters, their weights (the same count) and the boxed one.
  public struct Row: Sendable {
    public var label: String
    public var characters: [String]
    public var weights: [Double]
    /// The index of the boxed character (the one the weights are about).
    public var boxed: Int

    /// A row from its parts; weights of the boxed character are ignored.
    public init(label: String, characters: [String], weights: [Double], boxed: Int) {
      (self.label, self.characters, self.weights, self.boxed) = (label, characters, weights, boxed)
    }
  }

  public var title: String
  public var note: String
  public var rows: [Row]

  /// A picture of `rows`, titled, with `note` under the title.
  public init(title: String, note: String, rows: [Row]) {
    (self.title, self.note, self.rows) = (title, note, rows)
  }

  /// How a character that cannot be seen is drawn: a newline as ⏎, a space as a dot.
  public static func visible(_ c: String) -> String {
    c == "\n" ? "⏎" : c == " " ? "·" : c == "\t" ? "⇥" : c
  }

  public func svg() -> String {
    let (left, top, cellW, cellH) = (64.0, 58.0, 12.0, 17.0)
    let columns = rows.map(\.characters.count).max() ?? 0
    // Wide enough for the title and the note too (about 0.55 em per character).
    let words = max(8.5 * Double(title.count), 6.1 * Double(note.count)) + 16
    let width = max(left + cellW * Double(columns) + 16, words)
    let height = top + cellH * Double(rows.count) + 12
    var out = [
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" font-family=\"Helvetica, Arial, sans-serif\">",
      "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>",
      "<text x=\"8\" y=\"20\" font-size=\"15\" font-weight=\"bold\">\(escape(title))</text>",
      "<text x=\"8\" y=\"40\" font-size=\"11\" fill=\"#555\">\(escape(note))</text>",
    ]
    for (r, row) in rows.enumerated() {
      out += rowElements(row, y: top + cellH * Double(r), left: left, cellW: cellW, cellH: cellH)
    }
    return (out + ["</svg>"]).joined(separator: "\n") + "\n"
  }

  private func rowElements(_ row: Row, y: Double, left: Double, cellW: Double, cellH: Double)
    -> [String]
  {
    let largest =
      row.weights.enumerated().filter { $0.offset != row.boxed }.map(\.element).max() ?? 0
    var out = [
      "<text x=\"\(left - 8)\" y=\"\(f(y + 12.5))\" text-anchor=\"end\" font-size=\"10\" fill=\"#777\">\(escape(row.label))</text>"
    ]
    for (i, c) in row.characters.enumerated() {
      let x = left + cellW * Double(i)
      let w = i == row.boxed || largest <= 0 ? 0 : min(max(row.weights[i] / largest, 0), 1)
      let stroke = i == row.boxed ? " stroke=\"#222\" stroke-width=\"1.5\"" : ""
      out.append(
        "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(cellW))\" height=\"\(f(cellH - 1))\" fill=\"\(Self.colour(w))\"\(stroke)/>"
      )
      let ink = w > 0.55 ? "white" : c == " " || c == "\n" ? "#aaa" : "#111"
      out.append(
        "<text x=\"\(f(x + cellW / 2))\" y=\"\(f(y + 12.5))\" text-anchor=\"middle\" font-family=\"Menlo, Consolas, 'DejaVu Sans Mono', monospace\" font-size=\"12\" fill=\"\(ink)\">\(escape(Self.visible(c)))</text>"
      )
    }
    return out
  }

  /// White at 0 to dark orange (#c2410c) at 1.
  public static func colour(_ w: Double) -> String {
    let (r, g, b) = (255 - (255 - 194) * w, 255 - (255 - 65) * w, 255 - (255 - 12) * w)
    return String(format: "#%02x%02x%02x", Int(r.rounded()), Int(g.rounded()), Int(b.rounded()))
  }

  private func f(_ x: Double) -> String { String(format: "%.1f", x) }
}
