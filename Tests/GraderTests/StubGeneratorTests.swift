import GraderCore
import Testing

@Suite("stubs generated from solutions") struct StubGeneratorTests {
  let solution = """
    import CourseSupport

    /// Doubles.
    public func double(_ x: Double) -> Double {
      // BEGIN SOLUTION
      let y = 2 * x
      return y
      // END SOLUTION
    }

    func helper() -> [Int] {
        // BEGIN SOLUTION
        return [1, 2]
        // STUB: return []  // TODO: fill the list
        // END SOLUTION
    }

    """

  @Test("a region becomes fatalError(\"TODO\"), or its STUB lines; the rest is kept byte for byte")
  func regions() throws {
    let (text, regions) = try StubGenerator.exercise(from: solution, file: "S.swift")
    #expect(
      text == """
        import CourseSupport

        /// Doubles.
        public func double(_ x: Double) -> Double {
          fatalError("TODO")
        }

        func helper() -> [Int] {
            return []  // TODO: fill the list
        }

        """)
    #expect(regions == [.init(function: "double", line: 5), .init(function: "helper", line: 12)])
  }

  @Test(
    "broken markers are one error each, with file:line",
    arguments: [
      (
        "f() {\n// BEGIN SOLUTION\n// BEGIN SOLUTION\n// END SOLUTION\n",
        "S.swift:3: nested // BEGIN SOLUTION (the region opened at line 2 is not closed)"
      ),
      (
        "f() {\n// END SOLUTION\n",
        "S.swift:2: // END SOLUTION without a // BEGIN SOLUTION before it"
      ),
      (
        "f() {\n  // BEGIN SOLUTION\n  x\n}\n",
        "S.swift:2: // BEGIN SOLUTION is never closed by // END SOLUTION"
      ),
      ("// STUB: x\n", "S.swift:1: // STUB: outside a // BEGIN SOLUTION … // END SOLUTION region"),
    ])
  func brokenMarkers(_ source: String, _ message: String) {
    #expect(throws: GraderError(message)) {
      try StubGenerator.exercise(from: source, file: "S.swift")
    }
  }

  @Test("text without regions is unchanged")
  func noRegions() throws {
    let text = "let a = 1\r\n\tlet b = 2\n\n"
    #expect(try StubGenerator.exercise(from: text, file: "S.swift").text == text)
  }
}
