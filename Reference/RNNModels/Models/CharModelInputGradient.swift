import CourseSupport
import Foundation

extension CharModel {
  /// One-hot vectors written out, or embedding rows: see `LanguageModel.inputVectors`.
  public func inputVectors(_ characters: [Int], parameters p: Parameters) -> [Vector] {
    characters.map { c in
      if let embedding = p.embedding { return embedding.row(c) }
      var x = Vector.zeros(spec.vocabularySize)
      x[c] = 1
      return x
    }
  }

  /// The forward pass on the vectors, and BPTT of the last step's loss alone down to them:
  /// see `LanguageModel.logProbabilityGradient`. ln p is minus that loss, so is its gradient.
  public func logProbabilityGradient(
    inputs: [Vector], target: Int, from state: State, parameters p: Parameters
  ) -> (logProbability: Double, gradients: [Vector]) {
    precondition(!inputs.isEmpty, "at least one input is read before a character is scored")
    let last = inputs.count - 1
    let (_, record, _) = forward(
      inputs: Array(repeating: 0, count: inputs.count),
      targets: Array(repeating: target, count: inputs.count), from: state, parameters: p,
      masks: nil, vectors: inputs)
    let back = backPropagate(record, parameters: p, scoring: { $0 == last })
    let gradients = back.inputs.map { -($0 ?? .zeros(0)) }
    return (log(record.probabilities[last][target]), gradients)
  }
}
