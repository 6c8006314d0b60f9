import CourseSupport
import GradientCheck
import ReferenceRNN
import Testing

@Suite("the fast trainer") struct FastTrainerTests {
  /// Same start, same data: the fast kernel must follow the readable reference loss for loss.
  /// Only the order of additions differs: losses agree to 1e-12 relative over 40 iterations
  /// that cross the end of the data and restart.
  @Test("follows the reference loss for loss, and ends with the same parameters")
  func matchesReference() {
    let text = BuiltInCorpus.code.text(characters: 600, seed: 2)
    let vocabulary = Vocabulary(text: text)
    let data = vocabulary.encode(text) ?? []
    var rng = SeededGenerator(seed: 6)
    let start = RNNParameters.random(
      hiddenSize: 24, vocabularySize: vocabulary.count, scale: 0.1, using: &rng)
    var reference = MinCharRNNTrainer(
      data: data, parameters: start, sequenceLength: 20, learningRate: 0.1)
    let fast = FastTrainer(parameters: start, sequenceLength: 20, learningRate: 0.1)
    for i in 1...40 {
      let expected = reference.step()
      let got = fast.step(data)
      guard isClose(got, expected, tolerance: 1e-12) else {
        Issue.record("iteration \(i): fast loss \(got), reference \(expected)")
        return
      }
    }
    // Parameters: 1e-8. Rounding differences in the gradients are amplified by the recurrence
    // and by Adagrad's per-element steps; after 40 iterations the largest is ~6e-11 absolute.
    let m = firstMismatch(
      "", actual: fast.parameters, expected: reference.parameters, tolerance: 1e-8)
    #expect(m == nil, "\(m.map(\.description) ?? "")")
    #expect(isClose(fast.smoothLoss, reference.smoothLoss, tolerance: 1e-12))
  }

  @Test("a state exported and imported continues bit for bit")
  func stateRoundTrip() {
    let text = BuiltInCorpus.wiki.text(characters: 800, seed: 2)
    let data = Vocabulary(text: text).encode(text) ?? []
    var rng = SeededGenerator(seed: 3)
    let start = RNNParameters.random(
      hiddenSize: 16, vocabularySize: Vocabulary(text: text).count, using: &rng)
    let straight = FastTrainer(parameters: start, sequenceLength: 15, learningRate: 0.1)
    let first = FastTrainer(parameters: start, sequenceLength: 15, learningRate: 0.1)
    for _ in 0..<30 {
      straight.step(data)
      first.step(data)
    }
    let second = FastTrainer(state: first.state, sequenceLength: 15, learningRate: 0.1)
    for _ in 0..<30 {
      straight.step(data)
      second.step(data)
    }
    #expect(second.state == straight.state)
  }
}

@Suite("the fast trainer with several streams") struct BatchTrainerTests {
  let text = BuiltInCorpus.play.text(characters: 3000, seed: 5)
  var data: [Int] { Vocabulary(text: text).encode(text) ?? [] }
  var start: RNNParameters {
    var rng = SeededGenerator(seed: 8)
    return RNNParameters.random(
      hiddenSize: 20, vocabularySize: Vocabulary(text: text).count, scale: 0.1, using: &rng)
  }

  /// Written out with the readable reference: one window from each of B = 5 contiguous streams,
  /// gradients summed, clipped, one Adagrad step; the loss reported is the mean over streams.
  @Test("with B streams it takes the summed gradient of one window per stream (two threads)")
  func summedGradient() {
    let (b, t) = (5, 12)
    let trainer = FastTrainer(parameters: start, batch: b, sequenceLength: t, learningRate: 0.1)
    var p = start
    var memory = p.zeros()
    var hs = Array(repeating: Vector.zeros(20), count: b)
    var positions = Array(repeating: 0, count: b)
    let length = data.count / b
    for i in 1...8 {
      var total = p.zeros()
      var loss = 0.0
      for s in 0..<b {
        if positions[s] + t + 1 >= length {
          positions[s] = 0
          hs[s] = .zeros(20)
        }
        let from = s * length + positions[s]
        let pass = Reference.forward(
          inputs: Array(data[from..<(from + t)]), targets: Array(data[(from + 1)...(from + t)]),
          hPrev: hs[s], parameters: p)
        let g = Reference.backward(pass, parameters: p).gradients
        for tensor in RNNTensor.allCases {
          for k in total[tensor].indices { total[tensor][k] += g[tensor][k] }
        }
        loss += pass.loss
        hs[s] = pass.lastHidden
        positions[s] += t
      }
      Reference.clip(&total, limit: 5)
      Reference.adagradUpdate(parameters: &p, gradients: total, memory: &memory, learningRate: 0.1)
      let got = trainer.step(data)
      guard isClose(got, loss / Double(b), tolerance: 1e-11) else {
        Issue.record("iteration \(i): batch loss \(got), expected \(loss / Double(b))")
        return
      }
    }
    let m = firstMismatch("", actual: trainer.parameters, expected: p, tolerance: 1e-9)
    #expect(m == nil, "\(m.map(\.description) ?? "")")
  }
}
