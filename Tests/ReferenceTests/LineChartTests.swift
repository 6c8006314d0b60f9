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
  @Test("the legend goes to the corner with the least data, left when both right corners are full")
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
