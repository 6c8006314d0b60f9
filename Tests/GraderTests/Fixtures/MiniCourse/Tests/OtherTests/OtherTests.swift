import Other
import Testing

@Suite("Answer") struct Answer {
  @Test func fortyTwo() { #expect(answer() == 42) }
}
