import CourseSupport
import CourseTesting
import Ex01
import ReferenceRNN
import Testing

/// Task `training`: all of your functions together in min-char-rnn's loop.
@Suite("training") struct Training {
  /// Your four functions, in the shape the training loop takes.
  static let learnerFunctions = RNNFunctions(
    forward: { forward(inputs: $0, targets: $1, hPrev: $2, parameters: $3) },
    backward: { backward($0, parameters: $1) },
    clip: { clip(&$0, limit: $1) },
    update: { adagradUpdate(parameters: &$0, gradients: $1, memory: &$2, learningRate: $3) })

  @Test("learns abcabc… and continues the pattern from \"a\"")
  func learnsThePattern() {
    let mine = Self.learnerFunctions
    var rng = SeededGenerator(seed: 5)
    let start = RNNParameters.random(hiddenSize: 12, vocabularySize: 3, scale: 0.01, using: &rng)
    var trainer = MinCharRNNTrainer(
      data: Fixtures.abcPattern(count: 120), parameters: start, sequenceLength: 8,
      learningRate: 0.1, functions: mine)
    var lastLosses: [Double] = []
    for _ in 0..<300 {
      let loss = trainer.step()
      guard loss.isFinite else {
        Issue.record(
          "training: the loss became \(loss) at iteration \(trainer.iteration). Check clip and adagradUpdate (the +1e-8 inside the square root)."
        )
        return
      }
      lastLosses.append(loss)
    }
    // Per character, averaged over the last 20 iterations. The reference reaches ~0.001;
    // a uniform guess is ln 3 ≈ 1.1.
    let perCharacter = lastLosses.suffix(20).reduce(0, +) / (20 * 8)
    expectThat(
      perCharacter < 0.05,
      "training: after 300 iterations on abcabc… the loss per character is \(formatScalar(perCharacter)), expected below 0.05 (a uniform guess is 1.1). If every other task passes, check that adagradUpdate changes the parameters you were given."
    )
    let sample = sampleGreedy(parameters: trainer.parameters, hPrev: .zeros(12), seed: 0, count: 9)
    let letters = String(sample.map { Character(UnicodeScalar(UInt8(97 + max(0, min($0, 25))))) })
    expectThat(
      letters == "bcabcabca",
      "training: greedy sampling from \"a\" gave \"\(letters)\", expected \"bcabcabca\".")
  }
}
