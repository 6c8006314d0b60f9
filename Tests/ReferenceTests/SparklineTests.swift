import CourseSupport
import Testing

@Suite("the terminal sparkline") struct SparklineTests {
  @Test("rises and falls with the values, averages long series, marks non-finite values")
  func shapes() {
    #expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7]) == "▁▂▃▄▅▆▇█")
    #expect(sparkline([7, 0]) == "█▁")
    #expect(sparkline(Array(repeating: 3, count: 5)) == "▅▅▅▅▅")
    #expect(sparkline((0..<600).map(Double.init), width: 6) == "▁▂▄▅▇█")
    #expect(sparkline([1, .nan, 2]) == "▁×█")
    #expect(sparkline([]) == "")
  }
}
