import CourseSupport
import ReferenceRNN

/// ex12's fixtures: a small LSTM encoder–decoder with weights large enough that no gradient is
/// tiny, a briefly trained one to decode with, and the step every test runs on.
enum S2S {
  static let step = LSTMStepFunction.reference
  static let end = DigitWords.end

  /// The gradient check's model: 4 source words, 3 target tokens and the end token (3), H = 4.
  /// Small on purpose: every column of every W is used by `example`, so every one is checked
  /// (an unused column's gradient is 0 both ways and checks nothing), and the loss stays small,
  /// so central differences' rounding (about 1e-16·L/h) stays far below the smallest gradient.
  static let small = Seq2SeqModel<LSTMCell>(
    sourceVocabularySize: 4, targetVocabularySize: 4, hiddenSize: 4, endToken: 3)

  /// Weights twice the initial ones, the output layer's six times (ex07's fixture's choice), so
  /// that no gradient is tiny.
  static func parameters(seed: UInt64 = 1) -> Seq2SeqParameters<LSTMLayer> {
    var p = small.initialParameters(seed: seed).mapScalars { 2 * $0 }
    p.Why = Matrix(rows: p.Why.rows, cols: p.Why.cols, scalars: p.Why.scalars.map { 3 * $0 })
    return p
  }

  /// Every source word read (the first twice: at the first step c_{−1} = 0 gives its forget
  /// gate no gradient), every target token read by the decoder.
  static let example = Seq2SeqExample(source: [3, 0, 1, 2, 3], target: [2, 0, 1, 3])
  /// The end token of `small`.
  static var smallEnd: Int { small.endToken }

  /// A plain model trained for 300 steps on sources of 1–6 words (about 4 s): it decodes short
  /// sources right and is unsure on longer ones, where beam search has choices to make.
  static let trained: (model: Seq2SeqModel<LSTMCell>, parameters: Seq2SeqParameters<LSTMLayer>) = {
    let m = Seq2SeqModel<LSTMCell>(
      sourceVocabularySize: DigitWords.sourceVocabularySize,
      targetVocabularySize: DigitWords.targetVocabularySize, hiddenSize: 24, endToken: end)
    return (m, Reference.trainSeq2Seq(m, task: DigitWords(maxLength: 6), steps: 300, seed: 3))
  }()

  /// Held-out sources of 1–8 words.
  static let sources: [[Int]] = DigitWords(maxLength: 8).testSet(perLength: 3, seed: 77).map(
    \.source)
}
