import Answers
import Mini
import Testing

@Suite struct Right {
  @Test func isTheAnswer() { #expect(right() == answer) }
}

@Suite struct Wrong {
  @Test("the answer is 42") func fortyTwo() {
    let got = wrongValue()
    #expect(got == 42, "wrongValue(): expected 42, got \(got)")
  }
}

@Suite struct Todo {
  @Test func seven() { #expect(todo() == 7) }
}

@Suite struct Trap {
  @Test func sum() { #expect(trap([1, 2, 3]) == 6) }
}

@Suite struct Precondition {
  @Test func zero() { #expect(checked(0) == 1) }
}

@Suite struct Loop {
  @Test func sum() { #expect(loop(4) == 6) }
}

@Suite struct NaN {
  @Test func mean() {
    let m = Mini.mean([1, 2, 3])
    #expect(m.isFinite && m == 2, "mean([1, 2, 3]): expected 2, got \(m)")
  }
}

@Suite struct Chatty {
  @Test func answer() { #expect(chatty() == 42) }
}

@Suite struct Flood {
  @Test func answer() { #expect(flood() == 42) }
}

@Suite struct Hoard {
  @Test func answer() { #expect(hoard() == 42) }
}
