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
  fatalError("TODO")
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
  fatalError("TODO")
}
