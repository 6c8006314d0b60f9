import CourseSupport

/// Task 4 · how many numbers each model of the evolution learns, V characters and H hidden
/// units, E the embedding's size:
///
///     one-hot RNN:    Wxh H×V, Whh H×H, bh H                        + the output layer
///     embedding RNN:  the table V×E, Wxh H×E, Whh H×H, bh H         + the output layer
///     GRU:            the table V×E, 3 × (W H×E, U H×H, b H)        + the output layer
///     LSTM:           the table V×E, 4 × (W H×E, U H×H, b H)        + the output layer
///
/// The output layer is Why V×H and by V.
public func parameterCount(_ architecture: Architecture, vocabularySize v: Int, hiddenSize h: Int)
  -> Int
{
  // BEGIN SOLUTION
  let output = v * h + v
  switch architecture {
  case .oneHotRNN: return h * v + h * h + h + output
  case .embeddingRNN(let e): return v * e + h * e + h * h + h + output
  case .gru(let e): return v * e + 3 * (h * e + h * h + h) + output
  case .lstm(let e): return v * e + 4 * (h * e + h * h + h) + output
  }
  // END SOLUTION
}

/// Task 4 · the largest H whose model has at most `budget` parameters (at least 1): how the
/// evolution gives every model the same number of parameters to learn with.
public func hiddenSize(for architecture: Architecture, vocabularySize v: Int, budget: Int) -> Int {
  // BEGIN SOLUTION
  var h = 1
  while parameterCount(architecture, vocabularySize: v, hiddenSize: h + 1) <= budget { h += 1 }
  return h
  // END SOLUTION
}
