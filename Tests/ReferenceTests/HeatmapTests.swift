import CourseSupport
import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite("the SVG heatmap") struct HeatmapTests {
  final class Cells: NSObject, XMLParserDelegate {
    var fills: [String] = []
    var cellTops: [Double] = []
    var columnTexts: [String] = []
    var rowTexts: [String] = []
    var rowIsBold: [Bool] = []
    var marks = 0
    var inColumn = false
    var inRow = false
    func parser(
      _ p: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String]
    ) {
      if name == "rect", attributes["class"] == "cell" {
        fills.append(attributes["fill"] ?? "")
        cellTops.append(Double(attributes["y"] ?? "") ?? .nan)
      }
      if name == "rect", attributes["class"] == "mark" { marks += 1 }
      inColumn = name == "text" && attributes["class"] == "column"
      if inColumn { columnTexts.append("") }
      inRow = name == "text" && attributes["class"] == "row"
      if inRow {
        rowTexts.append("")
        rowIsBold.append(attributes["font-weight"] == "bold")
      }
    }
    func parser(_ p: XMLParser, foundCharacters string: String) {
      if inColumn { columnTexts[columnTexts.count - 1] += string }
      if inRow { rowTexts[rowTexts.count - 1] += string }
    }
    func parser(
      _ p: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
    ) {
      inColumn = false
      inRow = false
    }
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

  @Test("row labels: every row's when they fit, every few when not, always a marked row's")
  func rowLabels() {
    let values = (0..<40).map { r in [Double(r), 1] }
    let labels = (0..<40).map { "u\($0)" }
    let (ok, cells) = parse(
      Heatmap(
        title: "t", xLabel: "x", yLabel: "unit", values: values, rowLabels: labels,
        markedRows: [39], note: "outlined: u39"
      ).svg(height: 640))
    #expect(ok)
    #expect(cells.rowTexts == labels, "rows of 13.3 pixels: every row labelled")
    #expect(cells.marks == 1)
    #expect(zip(cells.rowTexts, cells.rowIsBold).filter(\.1).map(\.0) == ["u39"])
    let (_, crowded) = parse(
      Heatmap(
        title: "t", xLabel: "x", yLabel: "unit", values: values, rowLabels: labels,
        markedRows: [7]
      ).svg(height: 200))
    // Rows of 2.8 pixels: every third row, and the marked one.
    #expect(crowded.rowTexts == (0..<40).filter { $0 % 3 == 0 || $0 == 7 }.map { "u\($0)" })
  }

  @Test("a row break leaves a gap above that row, and the rows keep one height")
  func rowBreaks() {
    var map = Heatmap(title: "t", xLabel: "x", yLabel: "unit", values: (0..<4).map { [Double($0)] })
    map.rowBreaks = [2]
    let (ok, cells) = parse(map.svg(height: 420))
    #expect(ok)
    let steps = zip(cells.cellTops.dropFirst(), cells.cellTops).map { $0 - $1 }
    // 331 pixels of grid less the 6-pixel gap, for 4 rows.
    #expect(steps.map { ($0 * 100).rounded() / 100 } == [81.25, 87.25, 81.25])
  }
}
