import CourseSupport
import Foundation

extension Reference {
  /// The loss per character on `data`, read in windows of `sequenceLength` from the start, the
  /// hidden state carried from window to window (from zero), and no learning.
  public static func validationLoss(
    _ data: [Int], parameters: RNNParameters, sequenceLength T: Int, functions: RNNFunctions
  ) -> Double {
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
  }

  /// Trains until `iterations` iterations are done in all (so a resumed run stops where an
  /// uninterrupted one would), recording every loss and a validation loss every
  /// `validationEvery` iterations; stops early when `patience` validation losses in a row do
  /// not beat the best before them.
  public static func train(
    corpus: Corpus, hyperparameters hp: Hyperparameters, iterations: Int, functions: RNNFunctions,
    from start: TrainingState? = nil, history: LossHistory = LossHistory()
  ) -> (state: TrainingState, history: LossHistory) {
    var state = start ?? initialState(hp, vocabularySize: corpus.vocabulary.count)
    var history = history
    while state.iteration < iterations {
      let loss = trainingStep(
        &state, data: corpus.training, sequenceLength: hp.sequenceLength,
        learningRate: hp.learningRate, clipLimit: hp.clipLimit, functions: functions)
      history.loss.append(loss)
      history.smoothLoss.append(state.smoothLoss)
      if state.iteration % hp.validationEvery == 0 {
        let v = validationLoss(
          corpus.validation, parameters: state.parameters, sequenceLength: hp.sequenceLength,
          functions: functions)
        history.validation.append(ValidationPoint(iteration: state.iteration, lossPerCharacter: v))
        if let patience = hp.patience, noImprovement(history.validation, patience: patience) {
          history.stoppedEarly = true
          break
        }
      }
    }
    return (state, history)
  }

  /// True when the last `patience` validation losses are all no better than the best before.
  static func noImprovement(_ points: [ValidationPoint], patience: Int) -> Bool {
    guard points.count > patience else { return false }
    let best = points.dropLast(patience).map(\.lossPerCharacter).min() ?? .infinity
    return points.suffix(patience).allSatisfy { !($0.lossPerCharacter < best) }
  }
}
