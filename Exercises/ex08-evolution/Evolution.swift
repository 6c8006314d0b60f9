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
  fatalError("TODO")
}

/// Task 4 · the largest H whose model has at most `budget` parameters (at least 1): how the
/// evolution gives every model the same number of parameters to learn with.
public func hiddenSize(for architecture: Architecture, vocabularySize v: Int, budget: Int) -> Int {
  fatalError("TODO")
}
