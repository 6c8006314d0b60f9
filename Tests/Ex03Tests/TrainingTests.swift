import CourseSupport
import CourseTesting
import Ex03
import Foundation
import GradientCheck
import ReferenceRNN
import Testing

/// Task `training`: the training loop, validation loss and early stopping. It runs with the
/// reference's forward, backward, clip and update, so only the loop itself is graded here.
@Suite("training") struct TrainingLoop {
  let corpus = Ex03Fixtures.corpus
  let hp = Ex03Fixtures.hyperparameters

  @Test("the validation loss per character equals the reference's")
  func validation() {
    var rng = SeededGenerator(seed: 8)
    let p = RNNParameters.random(
      hiddenSize: 16, vocabularySize: corpus.vocabulary.count, scale: 0.3, using: &rng)
    let got = validationLoss(
      corpus.validation, parameters: p, sequenceLength: 10, functions: .reference)
    let expected = Reference.validationLoss(
      corpus.validation, parameters: p, sequenceLength: 10, functions: .reference)
    expectClose(
      got, expected, tolerance: 1e-12,
      "validationLoss over \(corpus.validation.count) characters, T = 10",
      hint:
        "Windows from the start, stepping by T while s + T + 1 ≤ count, h carried; divide by the number of predicted characters."
    )
  }

  @Test("every loss, smoothed loss and validation loss equals the reference's")
  func matchesReference() {
    let got = train(corpus: corpus, hyperparameters: hp, iterations: 120, functions: .reference)
    let expected = Reference.train(
      corpus: corpus, hyperparameters: hp, iterations: 120, functions: .reference)
    guard
      expectCount(
        got.history.loss.count, 120, "train(iterations: 120): losses recorded",
        hint: "Append one loss per iteration.")
    else { return }
    // The smoothed losses, the validation losses and the parameters all follow from the raw
    // losses: when those differ, that one failure is the lead, and the rest would only bury it.
    if let raw = firstMismatch(
      "loss at iteration", actual: got.history.loss, expected: expected.history.loss,
      tolerance: 1e-12)
    {
      expectMatch(
        raw, "train: the raw losses", tolerance: 1e-12,
        hint: (Self.neverCarriesState
          ? "Your losses are those of a loop that starts every window from a zero state: carry hPrev, the pass's last hidden state, into the next window."
          : "Index i is iteration i + 1. Check the windows: reset to the start when position + T + 1 ≥ count, and carry hPrev.")
          + " (The smoothed and validation losses and the parameters follow from these: they are not checked until these agree.)"
      )
      return
    }
    expectMatch(
      firstMismatch(
        "smoothLoss at iteration", actual: got.history.smoothLoss,
        expected: expected.history.smoothLoss, tolerance: 1e-12), "train: the smoothed losses",
      tolerance: 1e-12, hint: "Start at −ln(1/V)·T; smooth = 0.999·smooth + 0.001·loss.")
    expectThat(
      got.history.validation.map(\.iteration) == expected.history.validation.map(\.iteration),
      "train: validation losses at iterations \(got.history.validation.map(\.iteration)), expected \(expected.history.validation.map(\.iteration)) (every validationEvery = 20)."
    )
    expectMatch(
      firstMismatch(
        "validation", actual: got.history.validation.map(\.lossPerCharacter),
        expected: expected.history.validation.map(\.lossPerCharacter), tolerance: 1e-12),
      "train: the validation losses", tolerance: 1e-12,
      hint: "Use validationLoss on corpus.validation with the current parameters.")
    expectMatch(
      firstMismatch(
        "", actual: got.state.parameters, expected: expected.state.parameters, tolerance: 1e-12),
      "train: the final parameters", tolerance: 1e-12,
      hint: "Initialise from SeededGenerator(seed: hp.seed) with RNNParameters.random.")
  }

  /// Whether `train` starts every window from a zero state: its first 20 losses are the
  /// reference's with a reset before every window (and those differ from the carried ones).
  /// Every later test of the loop fails because of that one mistake.
  static var neverCarriesState: Bool {
    let (corpus, hp) = (Ex03Fixtures.corpus, Ex03Fixtures.hyperparameters)
    var fresh = hp
    fresh.resets = .random(probability: 1, seed: 1)
    let got = train(corpus: corpus, hyperparameters: hp, iterations: 20, functions: .reference)
    let always = Reference.train(
      corpus: corpus, hyperparameters: fresh, iterations: 20, functions: .reference)
    let carried = Reference.train(
      corpus: corpus, hyperparameters: hp, iterations: 20, functions: .reference)
    func agree(_ a: [Double], _ b: [Double]) -> Bool {
      firstMismatch("", actual: a, expected: b, tolerance: 1e-12) == nil
    }
    return agree(got.history.loss, always.history.loss)
      && !agree(always.history.loss, carried.history.loss)
  }

  /// The line a later test records instead of its own hint when the state is never carried.
  static func followsFromState(_ what: String) -> String {
    "\(what) differs, because every window starts from a zero state (see \"every loss … equals the reference's\"): carry hPrev first."
  }

  /// 61 training characters and T = 10: the window at position 50 would need character 61, so
  /// the loop must start over there (position + T + 1 ≥ count), not one window later.
  @Test("starts over exactly when the next window would run past the end")
  func restartsAtTheEnd() {
    let corpus = Corpus(
      vocabulary: Ex03Fixtures.corpus.vocabulary,
      training: Array(Ex03Fixtures.corpus.training.prefix(61)),
      validation: Ex03Fixtures.corpus.validation)
    let got = train(corpus: corpus, hyperparameters: hp, iterations: 14, functions: .reference)
    let expected = Reference.train(
      corpus: corpus, hyperparameters: hp, iterations: 14, functions: .reference)
    let mismatch = firstMismatch(
      "loss at iteration", actual: got.history.loss, expected: expected.history.loss,
      tolerance: 1e-12)
    if mismatch != nil, Self.neverCarriesState {
      Issue.record(Comment(rawValue: Self.followsFromState("train on 61 characters with T = 10")))
      return
    }
    expectMatch(
      mismatch, "train on 61 characters with T = 10", tolerance: 1e-12,
      hint:
        "Start over (position 0, hPrev zero) when position + T + 1 ≥ training.count, before taking the window."
    )
  }

  /// A fifth of the windows start from a zero state, on 150 characters so that the loop starts
  /// over (the end-of-text rule) four times in 60 iterations: the first loss that differs from
  /// the reference's tells whether a reset was missed, or made where none was due. (Checked
  /// before the end-of-text rule, a reset lets a window run past the end: a crash, at your line.)
  @Test(
    "starts a window from a zero state where hp.stateResets says so, after the end-of-text rule")
  func freshStarts() {
    var hp = hp
    hp.resets = .random(probability: 0.2, seed: 5)
    let short = Corpus(
      vocabulary: corpus.vocabulary, training: Array(corpus.training.prefix(150)),
      validation: corpus.validation)
    expectResets(hp, short, "a fifth of the windows from a zero state (hp.resets = .random)")
  }

  /// Paragraphs: whether a window starts fresh depends on the window read just before it.
  @Test("asks hp.stateResets about the window just read, not the one about to be read")
  func freshStartsAfterParagraphs() {
    var hp = hp
    hp.resets = .paragraphs(newline: corpus.vocabulary.index(of: "\n")!)
    expectResets(
      hp, corpus, "windows from a zero state after a blank line (hp.resets = .paragraphs)")
  }

  /// 60 iterations of `train` against the reference's; at the first loss that differs, says
  /// whether the reference started that window from a zero state.
  func expectResets(
    _ hp: Hyperparameters, _ corpus: Corpus, _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let got = train(corpus: corpus, hyperparameters: hp, iterations: 60, functions: .reference)
    let expected = Reference.train(
      corpus: corpus, hyperparameters: hp, iterations: 60, functions: .reference)
    guard
      let index = expected.history.loss.indices.first(where: {
        $0 >= got.history.loss.count
          || !isClose(got.history.loss[$0], expected.history.loss[$0], tolerance: 1e-12)
      })
    else { return }
    if Self.neverCarriesState {
      _ = expectThat(
        false, Self.followsFromState("train with \(what)"), sourceLocation: sourceLocation)
      return
    }
    // Where the reference started each window from zero: the end-of-text rule first, then the
    // reset rule, asked about the window just read.
    let T = hp.sequenceLength
    var position = 0
    var resetAt: [Int] = []
    for i in 0..<60 {
      if position + T + 1 >= corpus.training.count {
        position = 0
      } else if hp.stateResets.startsFresh(
        iteration: i, after: corpus.training[max(0, position - T)..<position])
      {
        resetAt.append(i + 1)
      }
      position += T
    }
    let iteration = index + 1
    let losses =
      index < got.history.loss.count
      ? "the loss of iteration \(iteration) is \(formatScalar(got.history.loss[index])), the reference's \(formatScalar(expected.history.loss[index]))"
      : "train recorded \(got.history.loss.count) losses, the reference \(expected.history.loss.count)"
    let hint =
      resetAt.contains(iteration)
      ? "The reference starts iteration \(iteration) from a zero state (hp.stateResets.startsFresh(iteration: \(iteration - 1), after: the window just read) is true): set hPrev to zeros there, and only hPrev (the window still starts at position), after the end-of-text rule."
      : "The reference carries hPrev into iteration \(iteration): reset it only where hp.stateResets.startsFresh(iteration: state.iteration, after: training[max(0, position − T)..<position]), the window just read, is true (the reference resets at iterations \(resetAt.map(String.init).joined(separator: ", ")))."
    _ = expectThat(
      false, "train with \(what): \(losses). \(hint)", sourceLocation: sourceLocation)
  }

  /// On the play fixture the validation loss falls with small wobbles: stopping must wait for
  /// `patience` non-improvements in a row, not stop at the first one.
  @Test("waits for `patience` validation losses in a row without improvement")
  func patienceInARow() {
    let hp = Hyperparameters(
      hiddenSize: 16, sequenceLength: 10, learningRate: 0.1, seed: 3, validationEvery: 5,
      patience: 2)
    let expected = Reference.train(
      corpus: corpus, hyperparameters: hp, iterations: 400, functions: .reference)
    let got = train(corpus: corpus, hyperparameters: hp, iterations: 400, functions: .reference)
    if got.state.iteration != expected.state.iteration, Self.neverCarriesState {
      Issue.record(
        Comment(rawValue: Self.followsFromState("train with patience 2: where it stops")))
      return
    }
    expectCount(
      got.state.iteration, expected.state.iteration,
      "train with patience 2: the iteration it stopped at (\(expected.history.stoppedEarly ? "the reference stops early" : "the reference runs to the end"))",
      hint:
        "Stop only when all of the last `patience` validation losses fail to beat the best one before them."
    )
  }

  @Test("a resumed run ends exactly where an uninterrupted one does")
  func resumes() {
    let straight = train(corpus: corpus, hyperparameters: hp, iterations: 60, functions: .reference)
    let half = train(corpus: corpus, hyperparameters: hp, iterations: 30, functions: .reference)
    let resumed = train(
      corpus: corpus, hyperparameters: hp, iterations: 60, functions: .reference, from: half.state,
      history: half.history)
    expectThat(
      resumed.history == straight.history && resumed.state == straight.state,
      "train: 30 iterations, then train(iterations: 60, from: that state and history), must equal 60 iterations straight. Count to `iterations` in all, and start from the state you are given."
    )
  }

  /// Training on "abcabc…" while validating on "acbacb…": the better the model learns the
  /// training pattern, the worse it does on validation.
  @Test("stops early when validation stops improving")
  func earlyStopping() {
    let vocabulary = Vocabulary(text: "abc")
    let corpus = Corpus(
      vocabulary: vocabulary, training: (0..<300).map { $0 % 3 },
      validation: (0..<60).map { [0, 2, 1][$0 % 3] })
    let hp = Hyperparameters(
      hiddenSize: 8, sequenceLength: 6, learningRate: 0.3, seed: 2, validationEvery: 5, patience: 3)
    let expected = Reference.train(
      corpus: corpus, hyperparameters: hp, iterations: 400, functions: .reference)
    precondition(expected.history.stoppedEarly, "the fixture must make the reference stop early")
    let got = train(corpus: corpus, hyperparameters: hp, iterations: 400, functions: .reference)
    if got.state.iteration != expected.state.iteration, Self.neverCarriesState {
      Issue.record(Comment(rawValue: Self.followsFromState("train on abcabc…: where it stops")))
      return
    }
    expectThat(
      got.history.stoppedEarly,
      "train: expected to stop early at iteration \(expected.state.iteration) (patience 3, validation every 5), ran to \(got.state.iteration) without stopping."
    )
    expectCount(
      got.state.iteration, expected.state.iteration, "train: iteration at which it stopped early",
      hint:
        "Stop when the last `patience` validation losses are all no better than the best one before them."
    )
  }
}
