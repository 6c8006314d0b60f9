import Foundation

/// A line chart as SVG: several series, axes with "nice" ticks and labels, an optional
/// logarithmic y axis, a legend, a title and a note. Same data, same bytes (coordinates are
/// written with two decimals); opens in any browser.
public struct LineChart: Sendable {
  /// One named set of points, drawn as a line, dashes or dots.
  public struct Series: Sendable {
    /// The legend's entry; an empty name has none.
    public var name: String
    /// The (x, y) points in drawing order; non-finite points (and non-positive ones on a log
    /// axis) are left out.
    public var points: [(x: Double, y: Double)]
    /// How the series is drawn.
    public var style: Style
    /// Which colour of the palette: the series' place in the chart when nil, so that a line
    /// and its dots can share one.
    public var colour: Int?
    /// A series; drawn as a line, in its place's colour, by default.
    public init(
      name: String, points: [(x: Double, y: Double)], style: Style = .line, colour: Int? = nil
    ) {
      self.name = name
      self.points = points
      self.style = style
      self.colour = colour
    }
  }

  /// How a series is drawn.
  public enum Style: Sendable {
    /// Points joined by a line.
    case line
    /// A line of dashes: a reference level, say.
    case dashed
    /// One dot per point, not joined: a scatter plot.
    case dots
  }

  /// The title, in bold above the plot.
  public var title: String
  /// The x axis's title.
  public var xLabel: String
  /// The y axis's title.
  public var yLabel: String
  /// The series, drawn in order; each coloured by its place in the list unless it names a colour.
  public var series: [Series]
  /// A logarithmic y axis, spanning whole decades.
  public var logY: Bool
  /// A logarithmic x axis too: with logY, a power law is a straight line.
  public var logX: Bool
  /// A line of text under the title, e.g. a diagnosis.
  public var note: String?
  /// Fixed axis ranges (0 … 1 for fractions, say) instead of the data's.
  public var xRange: ClosedRange<Double>?
  /// A fixed y range, as `xRange`. On a log axis both are in decades (log₁₀ of the values).
  public var yRange: ClosedRange<Double>?
  /// Where the x axis is labelled (the sizes measured, say), instead of round numbers; on a
  /// log axis, the axis then spans just these and the data.
  public var xTicks: [Double]?

  /// A chart; linear axes fitted to the data, no note and round ticks by default.
  public init(
    title: String, xLabel: String, yLabel: String, series: [Series], logY: Bool = false,
    logX: Bool = false, note: String? = nil, xRange: ClosedRange<Double>? = nil,
    yRange: ClosedRange<Double>? = nil, xTicks: [Double]? = nil
  ) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.series = series
    self.logY = logY
    self.logX = logX
    self.note = note
    self.xRange = xRange
    self.yRange = yRange
    self.xTicks = xTicks
  }

  static let palette = [
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#7f7f7f",
  ]

  /// The chart as an SVG document of `width` × `height` pixels.
  public func svg(width: Double = 720, height: Double = 420) -> String {
    let left = 70.0
    let right = 20.0
    let top = note == nil ? 50.0 : 70.0
    let bottom = 55.0
    let plotW = width - left - right
    let plotH = height - top - bottom
    let finite = series.flatMap(\.points).filter(shown)
    var xs = finite.map { logX ? log10($0.x) : $0.x }
    var ys = finite.map { logY ? log10($0.y) : $0.y }
    if xs.isEmpty { (xs, ys) = ([0, 1], [0, 1]) }
    // A log axis spans whole decades, at least one.
    func range(_ v: [Double], _ log: Bool) -> (Double, Double) {
      log ? (floor(v.min()!), max(ceil(v.max()!), floor(v.min()!) + 1)) : padded(v.min()!, v.max()!)
    }
    let (xMin, xMax) =
      xRange.map { ($0.lowerBound, $0.upperBound) }
      ?? (xTicks.map { ticks in
        let all = xs + ticks.map { logX ? log10($0) : $0 }
        let pad = 0.05 * (all.max()! - all.min()!)
        return (all.min()! - pad, all.max()! + pad)
      } ?? range(xs, logX))
    let (yMin, yMax) = yRange.map { ($0.lowerBound, $0.upperBound) } ?? range(ys, logY)
    func px(_ x: Double) -> Double {
      left + ((logX ? log10(x) : x) - xMin) / (xMax - xMin) * plotW
    }
    func py(_ y: Double) -> Double {
      top + plotH - ((logY ? log10(y) : y) - yMin) / (yMax - yMin) * plotH
    }

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
    // Grid and ticks.
    for x in xTicks ?? (logX ? logTicks(xMin, xMax) : ticks(xMin, xMax)) {
      out.append(
        "<line class=\"grid\" x1=\"\(n(px(x)))\" y1=\"\(n(top))\" x2=\"\(n(px(x)))\" y2=\"\(n(top + plotH))\" stroke=\"#eee\"/>"
      )
      out.append(
        "<text class=\"tick\" x=\"\(n(px(x)))\" y=\"\(n(top + plotH + 18))\" text-anchor=\"middle\" font-size=\"11\">\(label(x))</text>"
      )
    }
    for y in logY ? logTicks(yMin, yMax) : ticks(yMin, yMax) {
      out.append(
        "<line class=\"grid\" x1=\"\(n(left))\" y1=\"\(n(py(y)))\" x2=\"\(n(left + plotW))\" y2=\"\(n(py(y)))\" stroke=\"#eee\"/>"
      )
      out.append(
        "<text class=\"tick\" x=\"\(n(left - 8))\" y=\"\(n(py(y) + 4))\" text-anchor=\"end\" font-size=\"11\">\(label(y))</text>"
      )
    }
    out.append(
      "<rect x=\"\(n(left))\" y=\"\(n(top))\" width=\"\(n(plotW))\" height=\"\(n(plotH))\" fill=\"none\" stroke=\"#333\"/>"
    )
    out.append(
      "<text x=\"\(n(left + plotW / 2))\" y=\"\(n(height - 12))\" text-anchor=\"middle\" font-size=\"12\">\(escape(xLabel + (logX ? " (log scale)" : "")))</text>"
    )
    out.append(
      "<text x=\"16\" y=\"\(n(top + plotH / 2))\" text-anchor=\"middle\" font-size=\"12\" transform=\"rotate(-90 16 \(n(top + plotH / 2)))\">\(escape(yLabel + (logY ? " (log scale)" : "")))</text>"
    )
    for (i, s) in series.enumerated() {
      let colour = Self.palette[(s.colour ?? i) % Self.palette.count]
      let points = s.points.filter(shown)
      guard !points.isEmpty else { continue }
      if s.style == .dots {
        for p in points {
          out.append(
            "<circle class=\"dot\" cx=\"\(n(px(p.x)))\" cy=\"\(n(py(p.y)))\" r=\"3\" fill=\"\(colour)\" fill-opacity=\"0.7\"/>"
          )
        }
      } else {
        let path = points.map { "\(n(px($0.x))),\(n(py($0.y)))" }.joined(separator: " ")
        let dash = s.style == .dashed ? " stroke-dasharray=\"6 4\"" : ""
        out.append(
          "<polyline class=\"series\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.5\"\(dash) points=\"\(path)\"/>"
        )
      }
    }
    let drawn = series.flatMap { s in
      let points = s.points.filter(shown)
        .map { (x: px($0.x), y: py($0.y)) }
      return s.style == .dots ? points : Self.alongLines(points)
    }
    out += legend(left: left, top: top, plotW: plotW, plotH: plotH, avoiding: drawn)
    out.append("</svg>")
    return out.joined(separator: "\n") + "\n"
  }

  /// The legend on a white panel of its own, so no line runs through its words, in the corner
  /// where the least of the data is drawn (top right, bottom right, top left, bottom left, in that
  /// order on a tie). A series without a name (the dots on a named line, say) has no entry.
  func legend(
    left: Double, top: Double, plotW: Double, plotH: Double,
    avoiding drawn: [(x: Double, y: Double)]
  ) -> [String] {
    let named = series.enumerated().filter { !$0.element.name.isEmpty }
    let width = 40 + 6.2 * Double(named.map(\.element.name.count).max() ?? 0)
    let height = Double(named.count) * 16 + 8
    func covered(_ x: Double, _ y: Double) -> Int {
      drawn.filter { $0.x >= x && $0.x <= x + width && $0.y >= y && $0.y <= y + height }.count
    }
    let (right, bottom) = (left + plotW - width - 6, top + plotH - height - 4)
    let corners = [(right, top + 4), (right, bottom), (left + 6, top + 4), (left + 6, bottom)]
    let (x, y) = corners.min { covered($0.0, $0.1) < covered($1.0, $1.1) }!
    var out = [
      "<rect class=\"legend-panel\" x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"white\" fill-opacity=\"0.9\" stroke=\"#ccc\"/>"
    ]
    for (row, (i, s)) in named.enumerated() {
      let colour = Self.palette[(s.colour ?? i) % Self.palette.count]
      let ly = y + 14 + Double(row) * 16
      let dash = s.style == .dashed ? " stroke-dasharray=\"6 4\"" : ""
      out.append(
        s.style == .dots
          ? "<circle cx=\"\(n(x + 18))\" cy=\"\(n(ly - 4))\" r=\"3\" fill=\"\(colour)\"/>"
          : "<line x1=\"\(n(x + 8))\" y1=\"\(n(ly - 4))\" x2=\"\(n(x + 28))\" y2=\"\(n(ly - 4))\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash)/>"
      )
      out.append(
        "<text class=\"legend\" x=\"\(n(x + 34))\" y=\"\(n(ly))\" font-size=\"11\">\(escape(s.name))</text>"
      )
    }
    return out
  }

  /// Points every few pixels along the lines between `points`: where a line is drawn.
  static func alongLines(_ points: [(x: Double, y: Double)]) -> [(x: Double, y: Double)] {
    guard let first = points.first else { return [] }
    var out = [first]
    for (a, b) in zip(points, points.dropFirst()) {
      let steps = max(1, Int((abs(b.x - a.x) + abs(b.y - a.y)) / 4))
      for k in 1...steps {
        let t = Double(k) / Double(steps)
        out.append((a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)))
      }
    }
    return out
  }

  /// The data's range widened to whole ticks, so the axes end on labelled values.
  func padded(_ lo: Double, _ hi: Double) -> (Double, Double) {
    if lo == hi { return (lo - 1, hi + 1) }
    let step = tickStep(lo, hi)
    return (floor(lo / step) * step, ceil(hi / step) * step)
  }

  func tickStep(_ lo: Double, _ hi: Double) -> Double {
    let raw = (hi - lo) / 5
    let magnitude = pow(10, floor(log10(raw)))
    return [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
  }

  /// A point a log axis can show: finite, and positive where the axis is logarithmic.
  func shown(_ p: (x: Double, y: Double)) -> Bool {
    p.x.isFinite && p.y.isFinite && (!logY || p.y > 0) && (!logX || p.x > 0)
  }

  /// Ticks of a log axis running from 10^lo to 10^hi: at 1, 2 and 5 times each power of ten
  /// when it spans two decades or less; otherwise one per decade, or per 2, 5, 10 … decades
  /// when there are many.
  func logTicks(_ lo: Double, _ hi: Double) -> [Double] {
    if hi - lo <= 2 {
      return stride(from: lo, to: hi + 1, by: 1).flatMap { d in
        [1.0, 2, 5].map { $0 * pow(10, d) }
      }.filter { log10($0) <= hi + 1e-9 }
    }
    let decadesPerTick = [1.0, 2, 5, 10, 20, 50].first { (hi - lo) / $0 <= 12 } ?? 100
    return stride(from: ceil(lo / decadesPerTick) * decadesPerTick, through: hi, by: decadesPerTick)
      .map { pow(10, $0) }
  }

  /// About five ticks at 1, 2 or 5 times a power of ten.
  public func ticks(_ lo: Double, _ hi: Double) -> [Double] {
    let step = tickStep(lo, hi)
    var t = ceil(lo / step) * step
    var result: [Double] = []
    while t <= hi + step * 1e-9 {
      result.append(abs(t) < step * 1e-9 ? 0 : t)
      t += step
    }
    return result
  }

  func label(_ x: Double) -> String { String(format: "%g", x) }
  func n(_ x: Double) -> String { String(format: "%.2f", x) }
}

/// Text safe inside SVG/XML.
public func escape(_ text: String) -> String {
  text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
}
