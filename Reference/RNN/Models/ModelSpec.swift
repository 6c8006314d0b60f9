import CourseSupport

/// The kinds of recurrent layer a model can be made of.
public enum ModelKind: String, CaseIterable, Codable, Sendable {
  case rnn, gru, lstm

  public var title: String {
    switch self {
    case .rnn: "vanilla RNN"
    case .gru: "GRU"
    case .lstm: "LSTM"
    }
  }

  /// How many weight blocks of a vanilla RNN's size a layer of this kind holds (its gates and
  /// candidate).
  /// "a vanilla RNN", "a GRU", "an LSTM".
  public var withArticle: String { (self == .lstm ? "an " : "a ") + title }

  /// The share of training windows that start from a zero state unless told otherwise
  /// (`StateResets`). Measured (ex03's lesson, `rnn fresh-state`, 1,000 iterations, seeds
  /// 1–100): trained min-char-rnn's way, 20–22 of 100 vanilla RNNs on each of three texts worked
  /// only from their training states, 1 of 300 with 5% of windows reset, at a cost of 0.02–0.04
  /// nats per character; none of 230 LSTMs and GRUs did without.
  public var defaultResetProbability: Double { self == .rnn ? 0.05 : 0 }

  /// The reset rule a run of this kind with `seed` trains with unless told otherwise.
  public func defaultResets(seed: UInt64) -> StateResets {
    let p = defaultResetProbability
    return p > 0 ? .random(probability: p, seed: seed) : .never
  }

  public var blocks: Int {
    switch self {
    case .rnn: 1
    case .gru: 3
    case .lstm: 4
    }
  }
}

/// What a model is, as a checkpoint records it: enough to rebuild it and check its tensors.
public struct ModelSpec: Codable, Equatable, Sendable, CustomStringConvertible {
  public var kind: ModelKind
  public var vocabularySize: Int
  public var hiddenSize: Int
  /// Stacked layers, each reading the h of the one below.
  public var layers: Int
  /// The size E of a learned embedding of the input characters; nil reads them one-hot.
  public var embedding: Int?
  /// The dropout rate on each layer's output while training; nil (or 0) for none.
  public var dropout: Double?

  public init(
    kind: ModelKind, vocabularySize: Int, hiddenSize: Int, layers: Int = 1, embedding: Int? = nil,
    dropout: Double? = nil
  ) {
    self.kind = kind
    self.vocabularySize = vocabularySize
    self.hiddenSize = hiddenSize
    self.layers = layers
    self.embedding = embedding
    self.dropout = dropout
  }

  /// "LSTM, 2 layers of 128, embedding 16, V = 65"
  public var description: String {
    var text =
      "\(kind.title), " + (layers == 1 ? "H = \(hiddenSize)" : "\(layers) layers of \(hiddenSize)")
    if let embedding { text += ", embedding \(embedding)" }
    if let dropout, dropout > 0 { text += ", dropout \(dropout)" }
    return text + ", V = \(vocabularySize)"
  }

  /// The model this describes.
  public func makeModel() -> any LanguageModel {
    switch kind {
    case .rnn: CharModel<RNNCell>(self)
    case .gru: CharModel<GRUCell>(self)
    case .lstm: CharModel<LSTMCell>(self)
    }
  }
}
