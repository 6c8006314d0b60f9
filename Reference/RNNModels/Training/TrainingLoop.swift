import CourseSupport
import Foundation

extension Reference {
  /// One iteration of min-char-rnn's loop, for any model: take the next window of
  /// `sequenceLength` characters (back to the start, with a zero state, when it would run past
  /// the end; from a zero state too where `resets` says so), forward, backward, clip, update,
  /// carry the state on. Returns the window's summed loss.
  @discardableResult
  public static func trainingStep<M: TrainableModel>(
    _ model: M, _ s: inout RunState<M>, data: [Int], sequenceLength T: Int, learningRate: Double,
    clipLimit: Double?, rule: UpdateRule<M.Parameters> = .reference, resets: StateResets = .never
  ) -> Double {
    if s.position + T + 1 >= data.count {
      s.position = 0
      s.carried = model.zeroState()
    } else if resets.startsFresh(
      iteration: s.iteration, after: data[max(0, s.position - T)..<s.position])
    {
      s.carried = model.zeroState()
    }
    let inputs = Array(data[s.position..<(s.position + T)])
    let targets = Array(data[(s.position + 1)..<(s.position + T + 1)])
    let start = s.carried
    var (noise, last) = (s.noise, s.carried)
    let loss = step(
      &s.parameters, &s.optimizer, learningRate: learningRate, clipLimit: clipLimit, rule: rule
    ) { p in
      let pass = model.forward(
        inputs: inputs, targets: targets, from: start, parameters: p, noise: &noise)
      last = pass.last
      return (pass.loss, model.backward(pass.record, parameters: p).gradients)
    }
    (s.carried, s.noise) = (last, noise)
    s.smoothLoss = 0.999 * s.smoothLoss + 0.001 * loss
    s.position += T
    s.iteration += 1
    return loss
  }

  /// The loss per character on `data`, read in windows of `sequenceLength` from the start, the
  /// state carried from window to window (from zero, or from `start`), and no learning. NaN when
  /// no window fits.
  public static func validationLoss<M: TrainableModel>(
    _ model: M, parameters: M.Parameters, data: [Int], sequenceLength T: Int,
    from start: M.State? = nil
  ) -> Double {
    var state = start ?? model.zeroState()
    var total = 0.0
    var characters = 0
    var start = 0
    while start + T + 1 <= data.count {
      let pass = model.forward(
        inputs: Array(data[start..<(start + T)]), targets: Array(data[(start + 1)...(start + T)]),
        from: state, parameters: parameters)
      total += pass.loss
      characters += T
      state = pass.last
      start += T
    }
    return characters == 0 ? .nan : total / Double(characters)
  }

  /// Trains until `iterations` iterations are done in all (so a resumed run stops where an
  /// uninterrupted one would), recording every loss and a validation loss every
  /// `validationEvery` iterations; stops early when `patience` validation losses in a row do
  /// not beat the best before them.
  public static func train<M: TrainableModel>(
    _ model: M, corpus: Corpus, hyperparameters hp: Hyperparameters, iterations: Int,
    optimizer: OptimizerKind = .adagrad, rule: UpdateRule<M.Parameters> = .reference,
    from start: RunState<M>? = nil, history: LossHistory = LossHistory()
  ) -> (state: RunState<M>, history: LossHistory) {
    var state =
      start
      ?? RunState(
        fresh: model, seed: hp.seed, sequenceLength: hp.sequenceLength, optimizer: optimizer)
    var history = history
    while state.iteration < iterations {
      let loss = trainingStep(
        model, &state, data: corpus.training, sequenceLength: hp.sequenceLength,
        learningRate: hp.learningRate(after: state.iteration), clipLimit: hp.clipLimit, rule: rule,
        resets: hp.stateResets)
      history.loss.append(loss)
      history.smoothLoss.append(state.smoothLoss)
      if state.iteration % hp.validationEvery == 0 {
        let v = validationLoss(
          model, parameters: state.parameters, data: corpus.validation,
          sequenceLength: hp.sequenceLength)
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
