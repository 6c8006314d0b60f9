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
  fatalError("TODO")
}
