import CourseSupport
import Ex01
import RNNTool
import ReferenceRNN

/// The learner's ex01 functions, for `rnn train --mine`.
let learnerFunctions = RNNFunctions(
  forward: { Ex01.forward(inputs: $0, targets: $1, hPrev: $2, parameters: $3) },
  backward: { Ex01.backward($0, parameters: $1) },
  clip: { Ex01.clip(&$0, limit: $1) },
  update: { Ex01.adagradUpdate(parameters: &$0, gradients: $1, memory: &$2, learningRate: $3) })

/// `rnn __probe-mine` (run by `--mine` in a child process): one small training step through the
/// learner's functions. A TODO stub traps, which kills only the child.
func probeMine() -> Int32 {
  var rng = SeededGenerator(seed: 1)
  let p = RNNParameters.random(hiddenSize: 4, vocabularySize: 3, using: &rng)
  var state = TrainingState(
    parameters: p, memory: p.zeros(), hPrev: .zeros(4), position: 0, iteration: 0, smoothLoss: 0)
  Reference.trainingStep(
    &state, data: [0, 1, 2, 0, 1, 2, 0], sequenceLength: 3, learningRate: 0.1, clipLimit: 5,
    functions: learnerFunctions)
  _ = Ex01.sampleGreedy(parameters: state.parameters, hPrev: .zeros(4), seed: 0, count: 2)
  return 0
}
