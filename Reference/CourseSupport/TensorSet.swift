/// One named tensor inside a value: its name, its shape, and where its numbers live.
///
/// A model's parameters, its gradients, an optimizer's memory and a recurrent state are all sets
/// of such tensors. Writing each once as a list of slots lets one piece of code clip, update,
/// check, compare, record and save them all, whatever the model.
public struct TensorSlot<Owner> {
  /// The tensor's name, as in the formulas and in saved files: `Whh`, `layer2.Whh`, `hPrev`.
  public let name: String
  /// Rows; a vector's length.
  public let rows: Int
  /// Columns; 1 for a vector.
  public let cols: Int
  /// A `Vector` (a column) rather than a `Matrix`: how it is shown and saved.
  public let isVector: Bool
  /// Where the tensor's numbers live in the owner: row-major, `count` of them.
  public let values: WritableKeyPath<Owner, [Double]>

  /// A slot named `name` of shape `rows` × `cols` whose numbers are at `values`.
  public init(
    _ name: String, rows: Int, cols: Int, isVector: Bool,
    values: WritableKeyPath<Owner, [Double]>
  ) {
    self.name = name
    self.rows = rows
    self.cols = cols
    self.isVector = isVector
    self.values = values
  }

  /// A matrix field, e.g. `.matrix("Whh", Whh, \.Whh)`.
  public static func matrix(_ name: String, _ m: Matrix, _ path: WritableKeyPath<Owner, Matrix>)
    -> TensorSlot
  {
    TensorSlot(
      name, rows: m.rows, cols: m.cols, isVector: false, values: path.appending(path: \.scalars))
  }

  /// A vector field, e.g. `.vector("bh", bh, \.bh)`.
  public static func vector(_ name: String, _ v: Vector, _ path: WritableKeyPath<Owner, Vector>)
    -> TensorSlot
  {
    TensorSlot(
      name, rows: v.count, cols: 1, isVector: true, values: path.appending(path: \.scalars))
  }

  /// The same tensor under another name.
  public func renamed(_ newName: String) -> TensorSlot {
    TensorSlot(newName, rows: rows, cols: cols, isVector: isVector, values: values)
  }

  /// How many numbers the tensor holds: rows · cols.
  public var count: Int { rows * cols }
  /// The shape for messages: "H" for a vector, "H×V" for a matrix.
  public var shapeText: String { isVector ? "\(rows)" : "\(rows)×\(cols)" }

  /// `name[i]` for vectors, `name[row, col]` for matrices.
  public func label(_ flatIndex: Int) -> String {
    isVector ? "\(name)[\(flatIndex)]" : "\(name)[\(flatIndex / cols), \(flatIndex % cols)]"
  }

  /// The same tensor seen from a value that holds its owner at `path`, its name prefixed
  /// (`layer2.Whh`): how a stack of layers lists the tensors of each.
  public func nested<Outer>(in path: WritableKeyPath<Outer, Owner>, prefix: String)
    -> TensorSlot<Outer>
  {
    TensorSlot<Outer>(
      prefix + name, rows: rows, cols: cols, isVector: isVector,
      values: path.appending(path: values))
  }
}

/// A value made of named tensors: parameters, gradients, optimizer memory, a recurrent state.
public protocol TensorSet: Equatable, Sendable {
  /// Every tensor, in a fixed order, with the shapes this value has.
  var tensors: [TensorSlot<Self>] { get }
}

extension TensorSet {
  /// The same shapes, all zeros: the start of a gradient sum or an optimizer's memory.
  public func zeros() -> Self {
    var z = self
    for slot in tensors { z[keyPath: slot.values] = Array(repeating: 0, count: slot.count) }
    return z
  }

  /// The tensor called `name`, or nil when there is none.
  public func tensor(named name: String) -> TensorSlot<Self>? {
    tensors.first { $0.name == name }
  }

  /// How many numbers in all.
  public var scalarCount: Int { tensors.reduce(0) { $0 + $1.count } }

  /// Every number, tensor after tensor, in the order of `tensors`.
  public var flattened: [Double] { tensors.flatMap { self[keyPath: $0.values] } }

  /// The numbers of `flattened`, put back; nil when the count differs.
  public func replacing(flattened values: [Double]) -> Self? {
    guard values.count == scalarCount else { return nil }
    var copy = self
    var offset = 0
    for slot in tensors {
      copy[keyPath: slot.values] = Array(values[offset..<(offset + slot.count)])
      offset += slot.count
    }
    return copy
  }

  /// Every number passed through `f`.
  public func mapScalars(_ f: (Double) -> Double) -> Self {
    var copy = self
    for slot in tensors { copy[keyPath: slot.values] = self[keyPath: slot.values].map(f) }
    return copy
  }

  /// True when no number is NaN or ±∞.
  public var isFinite: Bool { flattened.allSatisfy(\.isFinite) }

  /// Copies every tensor of `other` into the one of the same name here, after checking that
  /// both have the same names and shapes: how one model's tensors move into another type
  /// with the same tensors (the learner's `RNNParameters` and a one-layer char RNN, say).
  public func replacing<Other: TensorSet>(with other: Other) throws(TensorSetError) -> Self {
    try replacing(with: other.stored(), what: "the tensors")
  }

  /// `other`'s tensors moved into these shapes by name, for two types that hold the same tensors
  /// under the same names (ex07's `LSTMParameters` and a one-layer char LSTM's, say): a
  /// mismatch is a mistake in the course, and stops with its reason.
  public func filled<Other: TensorSet>(from other: Other) -> Self {
    do { return try replacing(with: other) } catch { fatalError("\(error)") }
  }

  /// The tensors by name, as they are saved.
  public func stored() -> [String: StoredTensor] {
    var result: [String: StoredTensor] = [:]
    for slot in tensors {
      result[slot.name] = StoredTensor(
        rows: slot.isVector ? nil : slot.rows, cols: slot.isVector ? nil : slot.cols,
        scalars: self[keyPath: slot.values])
    }
    return result
  }

  /// These shapes filled with the saved tensors; every name must be there with its shape, and
  /// nothing else. `what` names the set in errors ("the parameters").
  public func replacing(with saved: [String: StoredTensor], what: String) throws(TensorSetError)
    -> Self
  {
    var copy = self
    let expected = Set(tensors.map(\.name))
    if let extra = saved.keys.sorted().first(where: { !expected.contains($0) }) {
      throw TensorSetError("\(what) hold a tensor \(extra) this model does not have")
    }
    for slot in tensors {
      guard let tensor = saved[slot.name] else {
        throw TensorSetError("\(what) lack the tensor \(slot.name)")
      }
      let shapeFits =
        tensor.scalars.count == slot.count
        && (tensor.rows == nil || (tensor.rows == slot.rows && tensor.cols == slot.cols))
      guard shapeFits else {
        throw TensorSetError(
          "\(what): \(slot.name) is \(tensor.shapeText), this model needs \(slot.shapeText)")
      }
      copy[keyPath: slot.values] = tensor.scalars
    }
    return copy
  }
}

/// A tensor as saved in a checkpoint: the JSON of a `Matrix` ({rows, cols, scalars}) or of a
/// `Vector` ({scalars}), so files written before models plugged in read unchanged.
public struct StoredTensor: Codable, Equatable, Sendable {
  /// The matrix's rows; nil for a vector.
  public var rows: Int?
  /// The matrix's columns; nil for a vector.
  public var cols: Int?
  /// The numbers, row-major.
  public var scalars: [Double]

  /// A saved tensor: `rows` and `cols` for a matrix, nil for a vector.
  public init(rows: Int?, cols: Int?, scalars: [Double]) {
    self.rows = rows
    self.cols = cols
    self.scalars = scalars
  }

  var shapeText: String {
    if let rows, let cols { return "\(rows)×\(cols)" }
    return "\(scalars.count) numbers"
  }
}

/// Why two tensor sets do not fit together: one line.
public struct TensorSetError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The reason, in one line.
  public let description: String
  /// The error with this reason.
  public init(_ description: String) { self.description = description }
}

/// The hidden state of a vanilla RNN layer: h.
public struct HiddenState: TensorSet, Codable {
  /// The hidden state h (H numbers).
  public var h: Vector

  /// The state h.
  public init(h: Vector) { self.h = h }

  /// h, under that name.
  public var tensors: [TensorSlot<HiddenState>] { [.vector("h", h, \.h)] }
}
