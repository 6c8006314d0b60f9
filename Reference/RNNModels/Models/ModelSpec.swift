import CourseSupport

/// What a model is, as a checkpoint records it: enough to rebuild it and check its tensors.
public struct ModelSpec: Codable, Equatable, Sendable, CustomStringConvertible {
  /// Which cell its layers are made of.
  public var kind: ModelKind
  /// V, the characters it reads and scores.
  public var vocabularySize: Int
  /// H, the hidden units of each layer.
  public var hiddenSize: Int
  /// Stacked layers, each reading the h of the one below.
  public var layers: Int
  /// The size E of a learned embedding of the input characters; nil reads them one-hot.
  public var embedding: Int?
  /// The dropout rate on each layer's output while training; nil (or 0) for none.
  public var dropout: Double?

  /// A spec; one layer, one-hot input and no dropout unless told otherwise.
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
  public func makeModel() -> any LanguageModel { model(of: kind.cell) }

  private func model<Cell: RecurrentCell>(of _: Cell.Type) -> any LanguageModel {
    CharModel<Cell>(self)
  }
}
