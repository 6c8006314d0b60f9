/// What a recurrent layer reads at one time step: a character, which is a one-hot vector kept
/// as its index, or a vector (an embedding row, or the h of the layer below).
public enum LayerInput: Sendable, Equatable {
  /// A character, the index of the one in its one-hot vector.
  case index(Int)
  /// A vector: an embedding row, or the h of the layer below.
  case vector(Vector)
}

extension Matrix {
  /// W·x. With a one-hot x = e_i that is column i of W: no multiplication at all.
  public func times(_ x: LayerInput) -> Vector {
    switch x {
    case .index(let i): column(i)
    case .vector(let v): self * v
    }
  }

  /// self += d·xᵀ: for a one-hot x = e_i, column i gets d.
  public mutating func addOuterProduct(_ d: Vector, _ x: LayerInput) {
    switch x {
    case .index(let i): addToColumn(i, d)
    case .vector(let v): addOuterProduct(d, v)
    }
  }
}
