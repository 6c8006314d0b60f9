import CourseSupport
import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite("the SVG line chart") struct LineChartTests {
  let chart = LineChart(
    title: "Loss <per character>", xLabel: "iteration", yLabel: "loss",
    series: [
      .init(name: "training", points: (1...50).map { (Double($0), 4 / Double($0).squareRoot()) }),
      .init(name: "validation & more", points: [(10, 1.5), (20, 1.2), (30, .nan), (40, 1.1)]),
    ], note: "diagnosis: healthy")

  final class Counter: NSObject, XMLParserDelegate {
    var elements: [String: Int] = [:]
    var texts: [String] = []
    var current = ""
    func parser(
      _ p: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String]
    ) {
      elements[name, default: 0] += 1
      current = ""
    }
    func parser(_ p: XMLParser, foundCharacters string: String) { current += string }
    func parser(
      _ p: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
    ) {
      if name == "text" { texts.append(current) }
      current = ""
    }
  }

  func parse(_ svg: String) -> (Bool, Counter) {
    let counter = Counter()
    let parser = XMLParser(data: Data(svg.utf8))
    parser.delegate = counter
    return (parser.parse(), counter)
  }

  @Test("is well-formed XML with one line per series, a legend, the title and the note")
  func structure() {
    let svg = chart.svg()
    let (ok, counter) = parse(svg)
    #expect(ok, "not well-formed XML")
    #expect(counter.elements["polyline"] == 2)
    #expect(counter.texts.contains("Loss <per character>"), "the title is escaped, then read back")
    #expect(counter.texts.contains("validation & more"))
    #expect(counter.texts.contains("diagnosis: healthy"))
    #expect(!svg.contains("nan"), "non-finite points are left out")
  }

  /// Lines fanning out to the right (the gradient-flow picture): both right corners hold data,
  /// the top left holds none.
  @Test("the legend goes to a corner free of data, left when both right corners are full")
  func legendCorner() throws {
    let fan = LineChart(
      title: "fan", xLabel: "x", yLabel: "y",
      series: [-2.0, -1, 0, 1, 2].map { slope in
        .init(name: "slope \(slope)", points: (0...50).map { (Double($0), slope * Double($0)) })
      })
    let svg = fan.svg()
    let panel = try #require(
      svg.range(of: #"legend-panel" x="[0-9.]+""#, options: .regularExpression))
    let x = try #require(Double(svg[panel].split(separator: "\"")[2]))
    #expect(x < 200, "the panel starts at x = \(x), on the right")
  }

  /// The legend panel's x, y, width and height.
  func legendPanel(_ svg: String) throws -> [Double] {
    let tag = try #require(svg.range(of: #"legend-panel"[^/]*"#, options: .regularExpression))
    return ["x", "y", "width", "height"].compactMap { name in
      svg[tag].range(of: " \(name)=\"[0-9.]+\"", options: .regularExpression).flatMap {
        Double(svg[tag][$0].split(separator: "\"")[1])
      }
    }
  }

  /// The coffee cup's curves: a line rising steeply into the top left and along the top, and
  /// two humps along the bottom, so that every corner holds data and the middle of the right
  /// edge does not.
  @Test("when every corner holds data, the legend goes where none is, and covers none")
  func legendAvoidsData() throws {
    let xs = (0...60).map { Double($0) * 50 }
    let chart = LineChart(
      title: "cup", xLabel: "sweeps", yLabel: "bits",
      series: [
        .init(name: "entropy (the cup)", points: xs.map { ($0, 5600 * (1 - exp(-$0 / 150))) }),
        .init(
          name: "complexity (3 buckets)",
          points: xs.map { ($0, 100 + 2500 * exp(-pow(($0 - 1000) / 500, 2))) }),
        .init(name: "complexity (adjusted)", points: xs.map { ($0, 200 + 100 * sin($0 / 90)) }),
      ])
    let svg = chart.svg()
    let panel = try legendPanel(svg)
    #expect(panel.count == 4)
    // The plot is 70 … 700 by 50 … 365 pixels, for 0 … 3000 sweeps and 0 … 6000 bits.
    let (x0, x1) = ((panel[0] - 70) / 630 * 3000, (panel[0] + panel[2] - 70) / 630 * 3000)
    let (y1, y0) = ((365 - panel[1]) / 315 * 6000, (365 - panel[1] - panel[3]) / 315 * 6000)
    for s in chart.series {
      for p in s.points where p.x >= x0 && p.x <= x1 {
        #expect(p.y < y0 || p.y > y1, "\(s.name) at \(p) is under the legend")
      }
    }
    // Data everywhere: the plot narrows, and the legend stands beside it.
    let full = LineChart(
      title: "full", xLabel: "x", yLabel: "y",
      series: (0...20).map { k in
        .init(name: k == 0 ? "everywhere" : "", points: (0...100).map { (Double($0), Double(k)) })
      })
    let crowded = full.svg()
    let beside = try legendPanel(crowded)
    let border = try #require(
      crowded.range(of: #"<rect x="70.00" y="50.00" width="[0-9.]+""#, options: .regularExpression))
    let plotWidth = try #require(Double(crowded[border].split(separator: "\"")[5]))
    #expect(
      70 + plotWidth < beside[0], "the plot ends at \(70 + plotWidth), the panel at \(beside[0])")
    #expect(beside[0] + beside[2] <= 720)
  }

  @Test("small multiples: a panel per chart under one title and one legend; axis titles once")
  func grid() throws {
    let panels = ["a", "b", "c", "d"].map { name in
      LineChart(
        title: "panel \(name)", xLabel: "horizon", yLabel: "pixels",
        series: (0...10).map { k in
          .init(name: k == 5 ? "absolute" : "", points: (0...50).map { (Double($0), Double(k)) })
        }, yRange: 0...10)
    }
    let svg = ChartGrid(title: "grid & more", note: "a note", panels: panels, columns: 2).svg()
    let (ok, counter) = parse(svg)
    #expect(ok, "not well-formed XML")
    #expect(counter.elements["g"] == 4 && counter.elements["polyline"] == 44)
    #expect(counter.texts.filter { $0 == "absolute" }.count == 1, "one legend")
    let firstPanel = try #require(svg.range(of: "<g class=\"panel\""))
    #expect(svg[..<firstPanel.lowerBound].contains(">absolute<"), "the legend is above the panels")
    #expect(counter.texts.filter { $0 == "horizon" }.count == 2, "under the bottom row only")
    #expect(counter.texts.filter { $0 == "pixels" }.count == 2, "beside the first column only")
    #expect(counter.texts.contains("grid & more") && counter.texts.contains("panel d"))
    // Lines every 12 pixels leave no room for a legend inside a plot: still, no panel's plot
    // is narrowed for one.
    let borders = svg.matches(of: #/<rect x="70.00" y="[0-9.]+" width="([0-9.]+)"/#).map {
      String($0.output.1)
    }
    #expect(borders == Array(repeating: "270.00", count: 4), "plot widths \(borders)")
  }

  @Test("the same data gives the same bytes")
  func deterministic() {
    #expect(chart.svg() == chart.svg())
  }

  @Test("a log axis has its ticks at powers of ten; a linear one at 1, 2 or 5 × 10ᵏ")
  func ticks() {
    var log = chart
    log.logY = true
    let (_, counter) = parse(log.svg())
    #expect(
      counter.texts.contains("0.1") && counter.texts.contains("1") && counter.texts.contains("10"),
      "\(counter.texts)")
    #expect(chart.ticks(0, 1) == [0, 0.2, 0.4, 0.6000000000000001, 0.8, 1])
    // 24 decades: labelled every 5 decades, not 25 crowded labels.
    let wide = LineChart(
      title: "t", xLabel: "x", yLabel: "y",
      series: [.init(name: "s", points: [(0, 1e-16), (1, 1e8)])], logY: true)
    let (_, labels) = parse(wide.svg())
    #expect(labels.texts.filter { $0.hasPrefix("1e") || $0 == "1" }.count <= 12, "\(labels.texts)")
    #expect(chart.ticks(3, 47) == [10, 20, 30, 40])
  }
}
