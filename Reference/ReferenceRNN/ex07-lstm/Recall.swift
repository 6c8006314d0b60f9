import CourseSupport
import Foundation

// ex07's long-dependency task (`RecallTask`): a key remembered d steps, the question's answer.

extension Reference {

  /// The share of `examples` (of a `RecallTask`) whose key the model names when it reads "?":
  /// each read from a zero state, the prediction the most likely next character.
  public static func recallAccuracy<M: LanguageModel>(
    _ model: M, parameters p: M.Parameters, examples: [[Int]]
  ) -> Double {
    guard !examples.isEmpty else { return .nan }
    let right = examples.count { example in
      var state = model.zeroState()
      var scores = Vector.zeros(model.vocabularySize)
      for x in example[...(example.count - 3)] {
        (state, scores) = model.step(input: x, from: state, parameters: p)
      }
      return scores.argmax() == example[example.count - 2]
    }
    return Double(right) / Double(examples.count)
  }
}

extension Reference {
  /// A model of `Cell` layers trained on `task`'s examples (seed `seed`): one example per
  /// iteration, read from a zero state, with the loss of the question's step alone (the only
  /// character there is to learn), `kind` (Adam by default) at `learningRate`, gradients
  /// clipped at 5. Each example's distance is drawn from 1 … `task.distance` (`upTo`).
  public static func trainRecall<Cell: RecurrentCell>(
    _ cell: Cell.Type, task: RecallTask, hiddenSize: Int, iterations: Int, learningRate: Double,
    seed: UInt64, optimizer kind: OptimizerKind = .adam
  ) -> (model: CharModel<Cell>, parameters: CharModel<Cell>.Parameters) {
    let model = CharModel<Cell>(
      vocabularySize: RecallTask.vocabulary.count, hiddenSize: hiddenSize)
    let examples = task.examples(count: iterations, seed: seed, upTo: true)
    var p = model.initialParameters(seed: seed)
    var optimizer = OptimizerState(kind, shapedLike: p)
    for example in examples {
      let question = example.count - 3
      step(&p, &optimizer, learningRate: learningRate) { p in
        let pass = model.forward(
          inputs: Array(example[...question]), targets: Array(example[1...(question + 1)]),
          from: model.zeroState(), parameters: p)
        return (
          pass.loss,
          model.backward(pass.record, parameters: p, scoring: { $0 == question }).gradients
        )
      }
    }
    return (model, p)
  }
}
