import CourseSupport
import CourseTesting
import Ex11
import ReferenceRNN
import Testing

/// Task `compression`: LZW's size in bits.
@Suite("compression") struct Compression {
  @Test("0101 0101 over two symbols: 11 bits, worked out by hand")
  func byHand() {
    // Codes written: 0 (size 2: 1 bit), 1 (size 3: 2 bits), "01" (size 4: 2 bits),
    // "010" (size 5: 3 bits), and at the end "1" (size 6: 3 bits).
    expectCount(
      lzwBits([0, 1, 0, 1, 0, 1, 0, 1], alphabet: 2), 11,
      "lzwBits([0, 1, 0, 1, 0, 1, 0, 1], alphabet: 2)",
      hint:
        "Five codes of 1, 2, 2, 3 and 3 bits: each costs the bits of (dictionary size − 1), the size taken before the new string is added."
    )
    expectCount(
      lzwBits([Int](repeating: 0, count: 10), alphabet: 2), 8, "lzwBits of ten 0s",
      hint: "Codes for 0, 00, 000 and, at the end, 0000: 1 + 2 + 2 + 3 bits.")
    expectCount(lzwBits([], alphabet: 2), 0, "lzwBits([])", hint: "Nothing to write.")
    expectCount(
      lzwBits([2], alphabet: 3), 2, "lzwBits([2], alphabet: 3)",
      hint: "One code, of 3 possible: 2 bits.")
  }

  @Test("on grids and long sequences, LZW's size equals the reference's")
  func random() {
    var rng = SeededGenerator(seed: 9)
    for (alphabet, count) in [(2, 1000), (3, 3000), (7, 500), (5, 4096)] {
      let symbols = (0..<count).map { _ in rng.nextIndex(below: alphabet) }
      expectCount(
        lzwBits(symbols, alphabet: alphabet), Reference.lzwBits(symbols, alphabet: alphabet),
        "lzwBits of \(count) random symbols of \(alphabet)",
        hint: "Compare with the worked example: the same codes, the same widths.")
    }
    let poured = CoffeeGrid.poured(n: 32).cells
    expectCount(
      lzwBits(poured, alphabet: 2), Reference.lzwBits(poured, alphabet: 2),
      "lzwBits of the poured 32 × 32 cup", hint: "Long runs: the strings grow one symbol at a time."
    )
  }

  @Test("order is cheaper than noise: the poured cup costs less than a random one")
  func orderIsCheaper() {
    let poured = lzwBits(CoffeeGrid.poured(n: 32).cells, alphabet: 2)
    let noise = lzwBits(Grids.random(n: 32, seed: 1).cells, alphabet: 2)
    expectThat(
      poured * 2 < noise,
      "the poured cup took \(poured) bits and a random one \(noise): expected the random one to cost more than twice as much (the reference: 328 and 1369)."
    )
  }
}
