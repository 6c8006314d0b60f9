import CourseSupport

extension LSTMStepFunction {
  /// The course's LSTM step (`LSTMCell`), forward and back.
  public static let reference = LSTMStepFunction { x, state, p in
    let cell = LSTMCell(inputSize: p.Wi.cols, hiddenSize: p.Ui.rows)
    let (next, cache) = cell.step(x, from: state, parameters: p)
    return (
      next,
      { dh, dNext, g in
        let back = cell.backStep(dh, dNext, cache: cache, parameters: p, gradients: &g)
        return (back.input, back.previous)
      }
    )
  }
}
