import CourseSupport
import Foundation

/// Task 2 · the loss per character on held-out data, without learning.
///
/// Read `data` in windows of T = sequenceLength characters from the start: inputs
/// data[s..<s+T], targets data[s+1...s+T], for s = 0, T, 2T, … while s + T + 1 ≤ data.count.
/// Carry the hidden state from window to window, starting from zeros, exactly as training does.
/// Return the summed loss divided by the number of predicted characters (NaN if no window fits).
public func validationLoss(
  _ data: [Int], parameters: RNNParameters, sequenceLength T: Int, functions: RNNFunctions
) -> Double {
  // BEGIN SOLUTION
  var h = Vector.zeros(parameters.hiddenSize)
  var total = 0.0
  var characters = 0
  var start = 0
  while start + T + 1 <= data.count {
    let pass = functions.forward(
      Array(data[start..<(start + T)]), Array(data[(start + 1)...(start + T)]), h, parameters)
    total += pass.loss
    characters += T
    h = pass.lastHidden
    start += T
  }
  return characters == 0 ? .nan : total / Double(characters)
  // END SOLUTION
}

/// Task 2 · min-char-rnn's training loop over a corpus, with a record of every loss.
///
/// Start from `start` or, if nil, from a fresh state: `SeededGenerator(seed: hp.seed)`, weights
/// `RNNParameters.random(hiddenSize:vocabularySize:using:)`, zero memory and hPrev, position and
/// iteration 0, smoothLoss = −ln(1/V)·T. Then, while state.iteration < iterations:
///
/// 1. If position + T + 1 ≥ training.count: position = 0 and hPrev = zeros (start over).
///    Otherwise, if `hp.stateResets.startsFresh(iteration: state.iteration, after: previous)`,
///    where previous = training[max(0, position − T)..<position] is the window just read:
///    hPrev = zeros, a fresh start (the lesson's "A model that works only from the state it
///    trained in"; `hp.resets` nil is min-char-rnn's loop, which never says so).
/// 2. inputs = training[position..<position+T], targets one character later.
/// 3. forward, backward, clip (if hp.clipLimit is set), update — all through `functions`.
/// 4. hPrev = the pass's last hidden state; smoothLoss = 0.999·smoothLoss + 0.001·loss;
///    position += T; iteration += 1. Append loss and smoothLoss to the history.
/// 5. Every hp.validationEvery iterations, append the validation loss per character. If
///    hp.patience is set and the last `patience` validation losses are all no better than the
///    best one before them, set history.stoppedEarly and stop.
///
/// Counting to `iterations` in all (not "this many more") makes a resumed run stop exactly where
/// an uninterrupted one would.
public func train(
  corpus: Corpus, hyperparameters hp: Hyperparameters, iterations: Int, functions: RNNFunctions,
  from start: TrainingState? = nil, history: LossHistory = LossHistory()
) -> (state: TrainingState, history: LossHistory) {
  // BEGIN SOLUTION
  let T = hp.sequenceLength
  let V = corpus.vocabulary.count
  var state: TrainingState
  if let start {
    state = start
  } else {
    var rng = SeededGenerator(seed: hp.seed)
    let p = RNNParameters.random(hiddenSize: hp.hiddenSize, vocabularySize: V, using: &rng)
    state = TrainingState(
      parameters: p, memory: p.zeros(), hPrev: .zeros(hp.hiddenSize), position: 0, iteration: 0,
      smoothLoss: -log(1 / Double(V)) * Double(T))
  }
  var history = history
  let data = corpus.training
  while state.iteration < iterations {
    if state.position + T + 1 >= data.count {
      state.position = 0
      state.hPrev = .zeros(hp.hiddenSize)
    } else if hp.stateResets.startsFresh(
      iteration: state.iteration, after: data[max(0, state.position - T)..<state.position])
    {
      state.hPrev = .zeros(hp.hiddenSize)
    }
    let inputs = Array(data[state.position..<(state.position + T)])
    let targets = Array(data[(state.position + 1)..<(state.position + T + 1)])
    let pass = functions.forward(inputs, targets, state.hPrev, state.parameters)
    var gradients = functions.backward(pass, state.parameters).gradients
    if let limit = hp.clipLimit { functions.clip(&gradients, limit) }
    functions.update(&state.parameters, gradients, &state.memory, hp.learningRate)
    state.hPrev = pass.lastHidden
    state.smoothLoss = 0.999 * state.smoothLoss + 0.001 * pass.loss
    state.position += T
    state.iteration += 1
    history.loss.append(pass.loss)
    history.smoothLoss.append(state.smoothLoss)
    if state.iteration % hp.validationEvery == 0 {
      let v = validationLoss(
        corpus.validation, parameters: state.parameters, sequenceLength: T, functions: functions)
      history.validation.append(ValidationPoint(iteration: state.iteration, lossPerCharacter: v))
      if let patience = hp.patience, history.validation.count > patience {
        let best = history.validation.dropLast(patience).map(\.lossPerCharacter).min() ?? .infinity
        if history.validation.suffix(patience).allSatisfy({ !($0.lossPerCharacter < best) }) {
          history.stoppedEarly = true
          break
        }
      }
    }
  }
  return (state, history)
  // END SOLUTION
}
