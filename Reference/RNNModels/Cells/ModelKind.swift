import CourseSupport

/// A kind of recurrent layer, by the name checkpoints and the command line give it ("lstm").
/// What each kind is and can do comes from its cell type (`cells`, the table), so that a new
/// kind of model is its cell's file and one line there.
public struct ModelKind: Hashable, Sendable, CaseIterable, RawRepresentable, Codable,
  CustomStringConvertible
{
  /// The name: "rnn", "gru", "lstm", "mgu".
  public let rawValue: String

  /// Every cell the course builds models of, in the order the command line lists them.
  public static let cells: [any RecurrentCell.Type] = [
    RNNCell.self, GRUCell.self, LSTMCell.self, MGUCell.self,
  ]

  /// How a cell names its kind.
  init(cell name: String) { rawValue = name }

  /// A kind of the table; nil for any other name.
  public init?(rawValue: String) {
    guard let cell = Self.cells.first(where: { $0.kind.rawValue == rawValue }) else { return nil }
    self = cell.kind
  }

  /// Every kind of the table, in its order.
  public static var allCases: [ModelKind] { cells.map { $0.kind } }

  /// The vanilla RNN's kind, "rnn".
  public static let rnn = RNNCell.kind
  /// The GRU's kind, "gru".
  public static let gru = GRUCell.kind
  /// The LSTM's kind, "lstm".
  public static let lstm = LSTMCell.kind

  /// The cell a model of this kind is made of. (Every kind comes from a cell of the table: the
  /// initializers accept no other name.)
  public var cell: any RecurrentCell.Type { Self.cells.first { $0.kind == self }! }

  /// The name, as the command line and checkpoints write it.
  public var description: String { rawValue }
  /// "vanilla RNN", "GRU", "LSTM".
  public var title: String { cell.title }
  /// "a vanilla RNN", "a GRU", "an LSTM".
  public var withArticle: String { cell.titleWithArticle }
  /// How many weight blocks of a vanilla RNN's size a layer holds (its gates and candidate).
  public var blocks: Int { cell.blocks }
  /// The share of training windows that start from a zero state unless told otherwise
  /// (`StateResets`, ex03's lesson).
  public var defaultResetProbability: Double { cell.defaultResetProbability }
  /// How a model of this kind learns unless told otherwise.
  public var defaultOptimizer: OptimizerKind { cell.defaultOptimizer }
  /// Whether its models train on the gated fast path (`GatedCell`).
  public var isGated: Bool { cell is any GatedCell.Type }

  /// The reset rule a run of this kind with `seed` trains with unless told otherwise.
  public func defaultResets(seed: UInt64) -> StateResets {
    let p = defaultResetProbability
    return p > 0 ? .random(probability: p, seed: seed) : .never
  }

  /// Reads a kind from its name; an unknown name is an error that lists the kinds.
  public init(from decoder: Decoder) throws {
    let name = try decoder.singleValueContainer().decode(String.self)
    guard let kind = ModelKind(rawValue: name) else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: decoder.codingPath,
          debugDescription:
            "unknown model kind \"\(name)\" (this course builds \(Self.allCases.map(\.rawValue).joined(separator: ", ")))"
        ))
    }
    self = kind
  }

  /// Writes the kind as its name.
  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}
