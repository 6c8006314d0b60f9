import Foundation
import Testing
import Tidy

@Suite struct Doubling {
  @Test func doubles() { #expect(double(1.5) == 3, "double(1.5) should be 3") }
}

@Suite struct Negating {
  @Test func negates() { #expect(negate(2) == -2, "negate(2) should be -2") }
}

@Suite struct Squaring {
  @Test func squares() { #expect(square(3) == 9, "square(3) should be 9") }
}

/// For `grader compare`: records each task's values to GRADER_PROBE_FILE.
@Suite struct Probe {
  func record(_ name: String, _ value: Double) {
    guard let path = ProcessInfo.processInfo.environment["GRADER_PROBE_FILE"],
      let file = FileHandle(forWritingAtPath: path)
    else { return }
    file.seekToEndOfFile()
    file.write(Data("{\"name\":\"\(name)\",\"cols\":1,\"values\":[\"\(value)\"]}\n".utf8))
    try? file.close()
  }

  @Test func double() { record("double(1.5)", Tidy.double(1.5)) }
  @Test func negate() { record("negate(2)", Tidy.negate(2)) }
  @Test func square() { record("square(3)", Tidy.square(3)) }
}
