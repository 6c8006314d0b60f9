import CourseSupport

/// What the encoder computed: its output h_j after each source token, its last state (the
/// summary the decoder starts from), and each step's way back.
public struct EncoderPass: Sendable {
  /// h_1 … h_n: what attention reads (ex12's bonus task).
  public var outputs: [Vector]
  /// (h_n, c_n), the whole source in one fixed-size state.
  public var summary: LSTMState
  /// Each step's pullback, in reading order.
  public var pullbacks: [LSTMStepFunction.Pullback]

  /// A pass from its parts.
  public init(outputs: [Vector], summary: LSTMState, pullbacks: [LSTMStepFunction.Pullback]) {
    self.outputs = outputs
    self.summary = summary
    self.pullbacks = pullbacks
  }
}

/// Task 1 · the encoder. From h = c = 0 (`LSTMState.zeros(H)`, H = `p.encoder.Ui.rows`), run
/// `step.run` over the source's tokens in the order given, each as a one-hot input
/// (`.index(token)`), with the encoder's tensors `p.encoder`. Keep each step's h (the state's
/// `h`) and its pullback; the state after the last token is the summary. (To read the source
/// reversed, the caller passes it reversed: the encoder reads what it is given.)
public func encode(
  _ source: [Int], parameters p: Seq2SeqParameters<LSTMLayer>, step: LSTMStepFunction
) -> EncoderPass {
  fatalError("TODO")
}
