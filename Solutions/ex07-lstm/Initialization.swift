import CourseSupport

/// Task 3 · a fresh LSTM, as the course starts one.
///
/// Every weight is drawn uniformly from [−k, k) with k = 1/√hiddenSize (PyTorch's default), as
/// k·(2u − 1) with u = `rng.nextUniform()`, filling each matrix row by row, the matrices in this
/// order: Wi, Wf, Wg, Wo (H × V), then Ui, Uf, Ug, Uo (H × H), then Why (V × H).
/// The biases are zero, except the forget gate's: bf = 1 everywhere.
public func initialLSTMParameters(
  vocabularySize v: Int, hiddenSize h: Int, using rng: inout SeededGenerator
) -> LSTMParameters {
  // BEGIN SOLUTION
  var p = LSTMParameters.zeros(hiddenSize: h, vocabularySize: v)
  let k = 1 / Double(h).squareRoot()
  func draw(_ m: inout Matrix) {
    for n in m.scalars.indices { m.scalars[n] = k * (2 * rng.nextUniform() - 1) }
  }
  draw(&p.Wi)
  draw(&p.Wf)
  draw(&p.Wg)
  draw(&p.Wo)
  draw(&p.Ui)
  draw(&p.Uf)
  draw(&p.Ug)
  draw(&p.Uo)
  draw(&p.Why)
  p.bf = Vector(count: h, repeating: 1)
  return p
  // END SOLUTION
}
