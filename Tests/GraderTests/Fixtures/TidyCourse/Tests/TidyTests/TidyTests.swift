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
