/// The four models of ex08's evolution, each built on the last: a vanilla RNN reading one-hot
/// characters, the same RNN reading a learned embedding of E numbers per character, and a GRU and
/// an LSTM reading that embedding. All end in the output layer (Why, by).
public enum Architecture: Sendable, Hashable, CustomStringConvertible {
  case oneHotRNN
  case embeddingRNN(embedding: Int)
  case gru(embedding: Int)
  case lstm(embedding: Int)

  /// The model's name for tables, with E: "GRU (E = 16)".
  public var description: String {
    switch self {
    case .oneHotRNN: "one-hot RNN"
    case .embeddingRNN(let e): "embedding RNN (E = \(e))"
    case .gru(let e): "GRU (E = \(e))"
    case .lstm(let e): "LSTM (E = \(e))"
    }
  }
}
