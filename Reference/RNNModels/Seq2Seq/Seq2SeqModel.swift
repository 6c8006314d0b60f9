import CourseSupport

/// Sutskever, Vinyals & Le's encoder–decoder (2014), on the course's cells, with Bahdanau, Cho &
/// Bengio's additive attention (2014) as an option:
///
///     encoder:   h_j = cell_enc(x_j, h_{j−1}),  j = 1 … n        the summary is (h_n, c_n)
///     decoder:   s_0 = the summary;  s_t = cell_dec(in_t, s_{t−1})
///                in_t = onehot(y_{t−1})                          (y_0 is the start token)
///                in_t = [onehot(y_{t−1}); ctx_t]                 with attention (`Attention`)
///     output:    p_t = softmax(Why·s_t + by),   L = −Σ_t ln p_t[y_t]
///
/// Reading the source reversed is the caller's choice (`reversesSource`): the model reads the
/// tokens it is given. Time is written here, once for the family, as for the other families
/// (`RecurrentCell`'s comment); the cells are the language models' own.
public struct Seq2SeqModel<Cell: RecurrentCell>: Sendable {
  /// V_source, the source's vocabulary.
  public let sourceVocabularySize: Int
  /// V_target, the target's vocabulary, the start/end token included.
  public let targetVocabularySize: Int
  /// H, the hidden units of both networks (the decoder starts from the encoder's state).
  public let hiddenSize: Int
  /// A, the attention's hidden size; nil for no attention.
  public let attentionSize: Int?
  /// Whether the source is read last word first (Sutskever et al.'s trick).
  public let reversesSource: Bool
  /// The token that starts the decoder's input and ends its output.
  public let endToken: Int
  let encoder: Cell
  let decoder: Cell

  /// A model of H units of `Cell` in each network.
  public init(
    sourceVocabularySize: Int, targetVocabularySize: Int, hiddenSize: Int,
    attentionSize: Int? = nil, reversesSource: Bool = false, endToken: Int
  ) {
    self.sourceVocabularySize = sourceVocabularySize
    self.targetVocabularySize = targetVocabularySize
    self.hiddenSize = hiddenSize
    self.attentionSize = attentionSize
    self.reversesSource = reversesSource
    self.endToken = endToken
    encoder = Cell(inputSize: sourceVocabularySize, hiddenSize: hiddenSize)
    decoder = Cell(
      inputSize: targetVocabularySize + (attentionSize == nil ? 0 : hiddenSize),
      hiddenSize: hiddenSize)
  }

  /// The encoder's, the decoder's, the output layer's and the attention's tensors.
  public typealias Parameters = Seq2SeqParameters<Cell.Parameters>

  /// Zeros with every tensor's shape.
  public func zeroParameters() -> Parameters {
    let a = attentionSize ?? 0
    return Parameters(
      encoder: encoder.zeroParameters(), decoder: decoder.zeroParameters(),
      Why: .zeros(targetVocabularySize, hiddenSize), by: .zeros(targetVocabularySize),
      Wa: .zeros(a, hiddenSize), Ua: .zeros(a, hiddenSize), va: .zeros(a))
  }

  /// A fresh model from a seed: each network as its cell draws it, then Why and the attention's
  /// matrices drawn as the cell draws its own; biases zero.
  public func initialParameters(seed: UInt64) -> Parameters {
    var rng = SeededGenerator(seed: seed)
    var p = zeroParameters()
    p.encoder = encoder.initialParameters(using: &rng)
    p.decoder = decoder.initialParameters(using: &rng)
    p.Why = decoder.randomWeights(rows: targetVocabularySize, cols: hiddenSize, using: &rng)
    if let a = attentionSize {
      p.Wa = decoder.randomWeights(rows: a, cols: hiddenSize, using: &rng)
      p.Ua = decoder.randomWeights(rows: a, cols: hiddenSize, using: &rng)
      p.va = Vector(
        decoder.randomWeights(rows: a, cols: 1, using: &rng).scalars)
    }
    return p
  }

  /// The source as the encoder reads it: reversed when the model reverses it.
  public func encoderInput(_ source: [Int]) -> [Int] {
    reversesSource ? source.reversed() : source
  }
}
