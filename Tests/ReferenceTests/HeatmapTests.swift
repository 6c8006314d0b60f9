import CourseSupport
import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite("the SVG heatmap") struct HeatmapTests {
  final class Cells: NSObject, XMLParserDelegate {
    var fills: [String] = []
    var columnTexts: [String] = []
    var inColumn = false
    func parser(
      _ p: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String]
    ) {
      if name == "rect", attributes["class"] == "cell" { fills.append(attributes["fill"] ?? "") }
      inColumn = name == "text" && attributes["class"] == "column"
      if inColumn { columnTexts.append("") }
    }
    func parser(_ p: XMLParser, foundCharacters string: String) {
      if inColumn { columnTexts[columnTexts.count - 1] += string }
    }
    func parser(
      _ p: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
    ) { inColumn = false }
  }

  func parse(_ svg: String) -> (Bool, Cells) {
    let cells = Cells()
    let parser = XMLParser(data: Data(svg.utf8))
    parser.delegate = cells
    return (parser.parse(), cells)
  }

  @Test("one cell per value, coloured from the lowest (dark) to the highest (yellow); NaN is grey")
  func cells() {
    let map = Heatmap(title: "t", xLabel: "x", yLabel: "y", values: [[0, 1, 2], [3, .nan, 4]])
    let (ok, cells) = parse(map.svg())
    #expect(ok)
    #expect(cells.fills.count == 6)
    #expect(cells.fills[0] == Heatmap.colour(0) && cells.fills[5] == Heatmap.colour(1))
    #expect(cells.fills[4] == "#bbbbbb")
    #expect(map.svg() == map.svg(), "deterministic")
  }

  @Test("without labels, every tenth column is numbered")
  func numberedColumns() {
    let (_, cells) = parse(
      Heatmap(title: "t", xLabel: "x", yLabel: "y", values: [Array(repeating: 1, count: 35)]).svg())
    #expect(cells.columnTexts == ["0", "10", "20", "30"])
  }

  @Test("a log scale colours by orders of magnitude")
  func logScale() {
    let (_, cells) = parse(
      Heatmap(title: "t", xLabel: "x", yLabel: "y", values: [[1e-6, 1e-3, 1]], logScale: true).svg()
    )
    #expect(cells.fills == [Heatmap.colour(0), Heatmap.colour(0.5), Heatmap.colour(1)])
  }

  @Test("characters label the columns, with newline and space made visible and XML escaped")
  func characterLabels() {
    let (ok, cells) = parse(
      Heatmap(
        title: "t", xLabel: "x", yLabel: "y", values: [[1, 2, 3, 4]],
        columnLabels: ["a", "\n", " ", "<"]
      ).svg())
    #expect(ok)
    #expect(cells.columnTexts == ["a", "⏎", "␣", "<"])
  }
}
