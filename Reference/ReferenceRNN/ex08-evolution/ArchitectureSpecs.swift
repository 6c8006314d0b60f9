import CourseSupport

extension Architecture {
  /// The model this is, with `hiddenSize` units.
  public func spec(vocabularySize v: Int, hiddenSize h: Int) -> ModelSpec {
    switch self {
    case .oneHotRNN: ModelSpec(kind: .rnn, vocabularySize: v, hiddenSize: h)
    case .embeddingRNN(let e): ModelSpec(kind: .rnn, vocabularySize: v, hiddenSize: h, embedding: e)
    case .gru(let e): ModelSpec(kind: .gru, vocabularySize: v, hiddenSize: h, embedding: e)
    case .lstm(let e): ModelSpec(kind: .lstm, vocabularySize: v, hiddenSize: h, embedding: e)
    }
  }
}

extension ModelSpec {
  /// How many numbers the model learns: its tensors' sizes, counted from the model itself.
  public var parameterCount: Int { makeModel().zeroParameters().scalarCount }
}

extension Reference {
  /// The largest hidden size whose model has at most `budget` parameters (at least 1).
  public static func hiddenSize(for a: Architecture, vocabularySize v: Int, budget: Int) -> Int {
    var h = 1
    while a.spec(vocabularySize: v, hiddenSize: h + 1).parameterCount <= budget { h += 1 }
    return h
  }
}
