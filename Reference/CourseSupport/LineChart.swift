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

  /// Where the plot sits in the picture, and what its axes span (in decades on a log axis).
  struct Frame {
    var left: Double
    var top: Double
    var plotW: Double
    var plotH: Double
    var x: (min: Double, max: Double)
    var y: (min: Double, max: Double)
    var logX: Bool
    var logY: Bool

    func px(_ value: Double) -> Double {
      left + ((logX ? log10(value) : value) - x.min) / (x.max - x.min) * plotW
    }
    func py(_ value: Double) -> Double {
      top + plotH - ((logY ? log10(value) : value) - y.min) / (y.max - y.min) * plotH
    }
  }

  /// The plot's place for a picture of `width` × `height` with `right` pixels to spare on the
  /// right, and its axes: the fixed ranges, else the data's, widened to round ticks (whole
  /// decades on a log axis, at least one).
  func frame(width: Double, height: Double, right: Double) -> Frame {
    let (left, top, bottom) = (70.0, note == nil ? 50.0 : 70.0, 55.0)
    let finite = series.flatMap(\.points).filter(shown)
    var xs = finite.map { logX ? log10($0.x) : $0.x }
    var ys = finite.map { logY ? log10($0.y) : $0.y }
    if xs.isEmpty { (xs, ys) = ([0, 1], [0, 1]) }
    func range(_ v: [Double], _ log: Bool) -> (Double, Double) {
      log ? (floor(v.min()!), max(ceil(v.max()!), floor(v.min()!) + 1)) : padded(v.min()!, v.max()!)
    }
    let x =
      xRange.map { ($0.lowerBound, $0.upperBound) }
      ?? (xTicks.map { ticks in
        let all = xs + ticks.map { logX ? log10($0) : $0 }
        let pad = 0.05 * (all.max()! - all.min()!)
        return (all.min()! - pad, all.max()! + pad)
      } ?? range(xs, logX))
    let y = yRange.map { ($0.lowerBound, $0.upperBound) } ?? range(ys, logY)
    return Frame(
      left: left, top: top, plotW: width - left - right, plotH: height - top - bottom, x: x, y: y,
      logX: logX, logY: logY)
  }

  /// The chart as an SVG document of `width` × `height` pixels.
  public func svg(width: Double = 720, height: Double = 420) -> String {
    let out =
      [
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(width))\" height=\"\(n(height))\" viewBox=\"0 0 \(n(width)) \(n(height))\" font-family=\"Helvetica, Arial, sans-serif\">",
        "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>",
      ] + body(width: width, height: height) + ["</svg>"]
    return out.joined(separator: "\n") + "\n"
  }

  /// What the chart draws on a white `width` × `height` area whose top left is (0, 0): title,
  /// note, grid, axes, series and, unless `legend` is false, the legend. The legend goes inside
  /// the plot where it covers no data (`legendSpot`); when nowhere is free, the plot narrows and
  /// the legend stands beside it, on the right. (A panel of a `ChartGrid` has a smaller title.)
  func body(
    width: Double, height: Double, legend showsLegend: Bool = true, titleSize: Double = 16
  ) -> [String] {
    var frame = self.frame(width: width, height: height, right: 20)
    let size = showsLegend ? legendSize : nil
    var spot: (x: Double, y: Double)? = nil
    if let size {
      spot = legendSpot(frame, size)
      if spot == nil {
        frame = self.frame(width: width, height: height, right: 30 + size.width)
        spot = (frame.left + frame.plotW + 10, frame.top)
      }
    }
    var out = [
      "<text x=\"\(n(width / 2))\" y=\"24\" text-anchor=\"middle\" font-size=\"\(label(titleSize))\" font-weight=\"bold\">\(escape(title))</text>"
    ]
    if let note {
      out.append(
        "<text class=\"note\" x=\"\(n(width / 2))\" y=\"46\" text-anchor=\"middle\" font-size=\"13\" fill=\"#444\">\(escape(note))</text>"
      )
    }
    out += axes(frame, height: height) + lines(frame)
    if let spot, let size { out += legend(at: spot, size: size) }
    return out
  }

  /// The grid, the ticks and their labels, the plot's border and the axes' titles.
  func axes(_ f: Frame, height: Double) -> [String] {
    var out: [String] = []
    for x in xTicks ?? (logX ? logTicks(f.x.min, f.x.max) : ticks(f.x.min, f.x.max)) {
      out.append(
        "<line class=\"grid\" x1=\"\(n(f.px(x)))\" y1=\"\(n(f.top))\" x2=\"\(n(f.px(x)))\" y2=\"\(n(f.top + f.plotH))\" stroke=\"#eee\"/>"
      )
      out.append(
        "<text class=\"tick\" x=\"\(n(f.px(x)))\" y=\"\(n(f.top + f.plotH + 18))\" text-anchor=\"middle\" font-size=\"11\">\(label(x))</text>"
      )
    }
    for y in logY ? logTicks(f.y.min, f.y.max) : ticks(f.y.min, f.y.max) {
      out.append(
        "<line class=\"grid\" x1=\"\(n(f.left))\" y1=\"\(n(f.py(y)))\" x2=\"\(n(f.left + f.plotW))\" y2=\"\(n(f.py(y)))\" stroke=\"#eee\"/>"
      )
      out.append(
        "<text class=\"tick\" x=\"\(n(f.left - 8))\" y=\"\(n(f.py(y) + 4))\" text-anchor=\"end\" font-size=\"11\">\(label(y))</text>"
      )
    }
    out.append(
      "<rect x=\"\(n(f.left))\" y=\"\(n(f.top))\" width=\"\(n(f.plotW))\" height=\"\(n(f.plotH))\" fill=\"none\" stroke=\"#333\"/>"
    )
    if !xLabel.isEmpty {
      out.append(
        "<text x=\"\(n(f.left + f.plotW / 2))\" y=\"\(n(height - 12))\" text-anchor=\"middle\" font-size=\"12\">\(escape(xLabel + (logX ? " (log scale)" : "")))</text>"
      )
    }
    if !yLabel.isEmpty {
      let middle = n(f.top + f.plotH / 2)
      out.append(
        "<text x=\"16\" y=\"\(middle)\" text-anchor=\"middle\" font-size=\"12\" transform=\"rotate(-90 16 \(middle))\">\(escape(yLabel + (logY ? " (log scale)" : "")))</text>"
      )
    }
    return out
  }

  /// Every series: a polyline, dashed or not, or one dot per point.
  func lines(_ f: Frame) -> [String] {
    var out: [String] = []
    for (i, s) in series.enumerated() {
      let colour = Self.palette[(s.colour ?? i) % Self.palette.count]
      let points = s.points.filter(shown)
      guard !points.isEmpty else { continue }
      if s.style == .dots {
        for p in points {
          out.append(
            "<circle class=\"dot\" cx=\"\(n(f.px(p.x)))\" cy=\"\(n(f.py(p.y)))\" r=\"3\" fill=\"\(colour)\" fill-opacity=\"0.7\"/>"
          )
        }
      } else {
        let path = points.map { "\(n(f.px($0.x))),\(n(f.py($0.y)))" }.joined(separator: " ")
        let dash = s.style == .dashed ? " stroke-dasharray=\"6 4\"" : ""
        out.append(
          "<polyline class=\"series\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.5\"\(dash) points=\"\(path)\"/>"
        )
      }
    }
    return out
  }

  /// The legend's panel: as wide as its longest name, a row per named series; nil when no
  /// series has a name.
  var legendSize: (width: Double, height: Double)? {
    let names = series.map(\.name).filter { !$0.isEmpty }
    guard !names.isEmpty else { return nil }
    return (40 + 6.2 * Double(names.map(\.count).max()!), Double(names.count) * 16 + 8)
  }

  /// Where inside the plot the legend covers no data (no dot, and no line within 3 pixels):
  /// the first free place of top right, bottom right, top left, bottom left, then the middle
  /// of the right, the left, the top and the bottom edge; nil when none is free.
  func legendSpot(_ f: Frame, _ size: (width: Double, height: Double)) -> (x: Double, y: Double)? {
    let drawn = series.flatMap { s in
      let points = s.points.filter(shown).map { (x: f.px($0.x), y: f.py($0.y)) }
      return s.style == .dots ? points : Self.alongLines(points)
    }
    let (w, h) = size
    let (left, right) = (f.left + 6, f.left + f.plotW - w - 6)
    let (top, bottom) = (f.top + 4, f.top + f.plotH - h - 4)
    let (centre, middle) = (f.left + (f.plotW - w) / 2, f.top + (f.plotH - h) / 2)
    let spots = [
      (right, top), (right, bottom), (left, top), (left, bottom), (right, middle), (left, middle),
      (centre, top), (centre, bottom),
    ]
    return spots.first { x, y in
      !drawn.contains { $0.x >= x - 3 && $0.x <= x + w + 3 && $0.y >= y - 3 && $0.y <= y + h + 3 }
    }.map { (x: $0.0, y: $0.1) }
  }

  /// The legend on a white panel of its own at (x, y): a sample of each named series' line,
  /// dashes or dot, and its name. A series without a name (the dots on a named line, say) has
  /// no entry.
  func legend(at spot: (x: Double, y: Double), size: (width: Double, height: Double)) -> [String] {
    let (x, y) = spot
    let panel =
      "<rect class=\"legend-panel\" x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(size.width))\" height=\"\(n(size.height))\" fill=\"white\" fill-opacity=\"0.9\" stroke=\"#ccc\"/>"
    return [panel]
      + namedSeries.enumerated().flatMap { row, entry in
        legendEntry(
          entry.series, colour: entry.colour, x: x + 8, baseline: y + 14 + Double(row) * 16)
      }
  }

  /// The legend as one centred line of entries, at baseline `y` of a picture `width` wide: a
  /// `ChartGrid`'s, above its panels.
  func legendRow(width: Double, baseline y: Double) -> [String] {
    let widths = namedSeries.map { 44 + 6.2 * Double($0.series.name.count) }
    var x = (width - widths.reduce(0, +) + 18) / 2  // no gap after the last entry
    var out: [String] = []
    for (entry, w) in zip(namedSeries, widths) {
      out += legendEntry(entry.series, colour: entry.colour, x: x, baseline: y)
      x += w
    }
    return out
  }

  /// The series that have a name, each with its colour.
  var namedSeries: [(series: Series, colour: String)] {
    series.enumerated().filter { !$0.element.name.isEmpty }.map { i, s in
      (s, Self.palette[(s.colour ?? i) % Self.palette.count])
    }
  }

  /// One legend entry from x: a 20-pixel sample of the line (or a dot), then the name.
  func legendEntry(_ s: Series, colour: String, x: Double, baseline y: Double) -> [String] {
    let dash = s.style == .dashed ? " stroke-dasharray=\"6 4\"" : ""
    return [
      s.style == .dots
        ? "<circle cx=\"\(n(x + 10))\" cy=\"\(n(y - 4))\" r=\"3\" fill=\"\(colour)\"/>"
        : "<line x1=\"\(n(x))\" y1=\"\(n(y - 4))\" x2=\"\(n(x + 20))\" y2=\"\(n(y - 4))\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash)/>",
      "<text class=\"legend\" x=\"\(n(x + 26))\" y=\"\(n(y))\" font-size=\"11\">\(escape(s.name))</text>",
    ]
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
