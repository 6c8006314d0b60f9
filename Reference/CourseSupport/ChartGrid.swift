import Foundation

/// Small multiples as SVG: line charts side by side in rows, one panel each, under one title
/// and note, each panel drawn as `LineChart` draws a chart. Give the panels the same axis ranges
/// (`xRange`, `yRange`) so that they compare at a glance, and the same series names, colours
/// and styles: the first panel's legend stands for all, in one line above the panels, so that
/// no panel is narrowed or covered by it. The x axis's title is written under the bottom panel of
/// each column only, the y axis's beside the first column only. Same data, same bytes.
public struct ChartGrid: Sendable {
  /// The title, in bold above the panels.
  public var title: String
  /// A line of text under the title.
  public var note: String?
  /// The panels, row by row; each one's title names it.
  public var panels: [LineChart]
  /// Panels per row.
  public var columns: Int

  /// Small multiples of `panels`, `columns` to a row.
  public init(title: String, note: String? = nil, panels: [LineChart], columns: Int) {
    self.title = title
    self.note = note
    self.panels = panels
    self.columns = max(1, columns)
  }

  /// The grid as an SVG document, each panel `panelWidth` × `panelHeight` pixels.
  public func svg(panelWidth: Double = 360, panelHeight: Double = 250) -> String {
    let rows = (panels.count + columns - 1) / columns
    let legendY = note == nil ? 48.0 : 72.0
    let legend = panels.first?.legendRow(width: Double(columns) * panelWidth, baseline: legendY)
    let header = legendY + (legend?.isEmpty == false ? 14 : -8)
    let (width, height) = (Double(columns) * panelWidth, header + Double(rows) * panelHeight)
    func n(_ x: Double) -> String { String(format: "%.2f", x) }
    var out = [
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(width))\" height=\"\(n(height))\" viewBox=\"0 0 \(n(width)) \(n(height))\" font-family=\"Helvetica, Arial, sans-serif\">",
      "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>",
      "<text x=\"\(n(width / 2))\" y=\"26\" text-anchor=\"middle\" font-size=\"18\" font-weight=\"bold\">\(escape(title))</text>",
    ]
    if let note {
      out.append(
        "<text class=\"note\" x=\"\(n(width / 2))\" y=\"50\" text-anchor=\"middle\" font-size=\"13\" fill=\"#444\">\(escape(note))</text>"
      )
    }
    out += legend ?? []
    for (k, chart) in panels.enumerated() {
      var panel = chart
      if k + columns < panels.count { panel.xLabel = "" }
      if k % columns > 0 { panel.yLabel = "" }
      let (x, y) = (Double(k % columns) * panelWidth, header + Double(k / columns) * panelHeight)
      out.append("<g class=\"panel\" transform=\"translate(\(n(x)) \(n(y)))\">")
      out += panel.body(width: panelWidth, height: panelHeight, legend: false, titleSize: 14)
      out.append("</g>")
    }
    out.append("</svg>")
    return out.joined(separator: "\n") + "\n"
  }
}
