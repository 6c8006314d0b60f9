import CourseSupport

extension Reference {
  /// Trains `model` on fresh examples of `task` (each step a batch of `batch` drawn from the
  /// seed's generator), with Adam at `learningRate` and gradients clipped at 5, as
  /// `Reference.step` trains every model of the course; `progress` hears (step, mean loss per
  /// token of the batch) every 100 steps and at the last.
  public static func trainSeq2Seq<Cell: RecurrentCell>(
    _ model: Seq2SeqModel<Cell>, task: DigitWords, steps: Int, batch: Int = 16,
    learningRate: Double = 0.005, seed: UInt64,
    progress: (Int, Double) -> Void = { _, _ in }
  ) -> Seq2SeqModel<Cell>.Parameters {
    var p = model.initialParameters(seed: seed)
    var optimizer = OptimizerState(.adam, shapedLike: p)
    var data = SeededGenerator(seed: seed &+ 0x5EC2)
    for s in 1...max(steps, 1) {
      let examples = (0..<batch).map { _ in task.randomExample(using: &data) }
      let tokens = Double(examples.reduce(0) { $0 + $1.target.count })
      let loss = step(&p, &optimizer, learningRate: learningRate) { p in
        let (loss, g) = model.lossAndGradients(examples, parameters: p)
        return (loss, g.mapScalars { $0 / Double(batch) })
      }
      if s % 100 == 0 || s == steps { progress(s, loss / tokens) }
    }
    return p
  }
}
