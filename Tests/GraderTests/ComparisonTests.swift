import Foundation
import GraderCore
import Testing

@Suite("grader compare") struct ComparisonTests {
  @Test("same, different and stopped tasks are told apart, with both values")
  func compareOnFixture() throws {
    let root = try CourseCheckTests.copy()
    try CourseCheckTests.edit(root, "Exercises/tidy/Double.swift") {
      $0.replacingOccurrences(of: "fatalError(\"TODO\")", with: "return 2 * x + 1e-6")
    }
    try CourseCheckTests.edit(root, "Exercises/tidy/Negate.swift") {
      $0.replacingOccurrences(of: "fatalError(\"TODO\")", with: "return 0 - x")
    }
    let grader = try Grader(root: root)
    let results = try ExerciseComparer(grader: grader).compare(try grader.exercise(named: "tidy"))
    let outcomes = Dictionary(uniqueKeysWithValues: results.map { ($0.task.id, $0.outcome) })
    #expect(
      outcomes["double"]
        == .differs(location: "double(1.5)", yours: 3.000001, solution: 3, note: nil))
    #expect(outcomes["negate"] == .same(values: 1))
    guard case .stopped(let report)? = outcomes["square"] else {
      Issue.record("square should stop at its TODO: \(String(describing: outcomes["square"]))")
      return
    }
    #expect(report.status == .todo)
    #expect(report.location == SourcePlace(file: "Exercises/tidy/Square.swift", line: 3))
  }
}
