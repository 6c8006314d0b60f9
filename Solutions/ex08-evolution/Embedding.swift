import CourseSupport

/// Task 1 · an embedding: each character's learned vector is a row of a V × E table.
///
/// Return table's row characters[t] for every t (`table.row(c)`). Reading row c is what a
/// one-hot vector times the table does, Eᵀ·onehot(c), without the V − 1 multiplications by 0.
public func embed(_ characters: [Int], table: Matrix) -> [Vector] {
  // BEGIN SOLUTION
  characters.map { table.row($0) }
  // END SOLUTION
}

/// Task 1 · the embedding's gradient. `gradients[t]` is ∂L/∂(the vector read at step t); return
/// ∂L/∂table, a V × E matrix (E = the gradients' length): zero for characters not read, and
/// for each step t, gradients[t] added into row characters[t], so a character read twice gets
/// both contributions (`addToRow`).
public func embeddingGradient(characters: [Int], gradients: [Vector], vocabularySize: Int)
  -> Matrix
{
  // BEGIN SOLUTION
  var g = Matrix.zeros(vocabularySize, gradients.first?.count ?? 0)
  for (c, d) in zip(characters, gradients) { g.addToRow(c, d) }
  return g
  // END SOLUTION
}
