import CourseSupport
import GradientCheck
import RNNModels
import Testing

/// ex12's encoder–decoder: its gradients, through both networks and the attention, by the
/// course's check; and beam search against an exhaustive one.
@Suite("sequence to sequence") struct Seq2SeqTests {
  /// Every source token and every target token is read, the first source token again later (at
  /// the first step c_{−1} = 0 gives its forget gate no gradient), so every column of every W
  /// has a gradient to check.
  static let example = Seq2SeqExample(source: [3, 0, 1, 2, 3], target: [2, 0, 1, 3, 4])

  /// A small model of each cell, with and without attention, reversed or not: every tensor's
  /// gradient within 1e-7 (relative error) of central differences.
  @Test(
    "every gradient passes the numeric check: LSTM and GRU, attention or not, reversed or not",
    arguments: [(false, false), (true, false), (false, true), (true, true)])
  func gradients(attention: Bool, reversed: Bool) {
    check(Seq2SeqModel<LSTMCell>.self, attention: attention, reversed: reversed)
    check(Seq2SeqModel<GRUCell>.self, attention: attention, reversed: reversed)
  }

  func check<Cell: RecurrentCell>(
    _: Seq2SeqModel<Cell>.Type, attention: Bool, reversed: Bool,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let model = Seq2SeqModel<Cell>(
      sourceVocabularySize: 4, targetVocabularySize: 5, hiddenSize: 4,
      attentionSize: attention ? 3 : nil, reversesSource: reversed, endToken: 4)
    // Weights larger than the initial ones and a sharper output layer and attention, as ex07's
    // fixture does, so that no gradient is so small (1e-7) that central differences' rounding
    // (about 1e-13 here) is a large part of it.
    var p = model.initialParameters(seed: 2).mapScalars { 2 * $0 }
    p.Why = Matrix(rows: p.Why.rows, cols: p.Why.cols, scalars: p.Why.scalars.map { 3 * $0 })
    p.va = p.va * 4
    // Wa·q shifts every score alike but for tanh's bend (Σ_j de_j = 0): larger projections bend
    // more, so dWa is not all but cancelled.
    p.Wa = Matrix(rows: p.Wa.rows, cols: p.Wa.cols, scalars: p.Wa.scalars.map { 3 * $0 })
    p.Ua = Matrix(rows: p.Ua.rows, cols: p.Ua.cols, scalars: p.Ua.scalars.map { 3 * $0 })
    let g = model.backward(model.forward(Self.example, parameters: p).record, parameters: p)
    let report = checkGradients(
      parameters: p, state: HiddenState(h: .zeros(0)), gradients: g,
      dState: HiddenState(h: .zeros(0))
    ) { q, _ in model.forward(Self.example, parameters: q).loss }
    #expect(
      report.passes(tolerance: 1e-7),
      "\(Cell.title), attention \(attention), reversed \(reversed):\n\(report)",
      sourceLocation: sourceLocation)
  }

  /// On three target tokens and outputs of at most three, a beam as wide as every output there
  /// is finds the likeliest output; width 1 is the greedy one, each token the likeliest.
  @Test("a beam wide enough finds the likeliest output; width 1 is greedy")
  func beam() {
    let model = Seq2SeqModel<LSTMCell>(
      sourceVocabularySize: 4, targetVocabularySize: 3, hiddenSize: 5, endToken: 2)
    let p = model.initialParameters(seed: 4).mapScalars { 2 * $0 }
    let source = [1, 3, 0]
    // Every output of up to 3 tokens that ends, scored by teacher forcing.
    var best = (tokens: [Int](), logP: -Double.infinity)
    for length in 0...3 {
      for code in 0..<(1 << length) {
        let tokens = (0..<length).map { (code >> $0) & 1 }
        let logP = -model.forward(
          Seq2SeqExample(source: source, target: tokens + [2]), parameters: p
        ).loss
        if logP > best.logP { best = (tokens, logP) }
      }
    }
    let found = model.beamSearch(source, width: 20, parameters: p, maxLength: 4)
    #expect(found.tokens == best.tokens)
    #expect(abs(found.logProbability - best.logP) < 1e-12)
    let greedy = model.greedy(source, parameters: p)
    // Its ln p includes the end token when it ended within its 2n + 2 steps.
    let ended = greedy.tokens.count < 2 * source.count + 2
    let scored = -model.forward(
      Seq2SeqExample(source: source, target: greedy.tokens + (ended ? [2] : [])), parameters: p
    ).loss
    #expect(abs(greedy.logProbability - scored) < 1e-12)
  }
}
