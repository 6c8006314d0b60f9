import CourseSupport
import Foundation
import GraderCore
import ReferenceRNN
import Testing

/// Models judged from a fresh state on real text (ex03's lesson, "A model that works only from
/// the state it trained in"), and the reset rule that prevents it.
@Suite("fresh state") struct FreshStateTests {
  static let shakespeare = RNNCommandTests.courseRoot
    .appendingPathComponent("Reference/Texts/shakespeare-100k.txt").path

  struct Summary: Decodable {
    var validationLossPerCharacter: Double
    var freshState: FreshStateCheck
  }

  /// `rnn train` on tiny Shakespeare for 1,000 iterations, H 100, with `extra` options.
  func train(seed: Int, _ extra: [String] = []) throws -> (ProcessOutcome, Summary) {
    let rnn = try #require(RNNCommandTests.rnn, "the rnn executable is built next to the tests")
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "fresh-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = try runProcess(
      rnn,
      ["train", "--data", Self.shakespeare, "--iters", "1000", "--seed", "\(seed)", "--out", "run"]
        + extra, in: dir, timeLimit: 300)
    let data = try Data(contentsOf: dir.appendingPathComponent("run/summary.json"))
    return (out, try JSONDecoder().decode(Summary.self, from: data))
  }

  /// What `rnn train`'s defaults give on tiny Shakespeare, seeds 1–3: a model far better than a
  /// uniform guess (ln 61 = 4.1), checked from a fresh state at the end, and the verdict said in
  /// one line. Whether the verdict is "works" is an experiment, not asserted here: measured with
  /// these defaults (`rnn fresh-state --seeds 200`), the kernels with fused multiply–adds broke 4
  /// of 200 runs (seeds 1, 28, 45 and 140; seed 1 mildly, 3.29 nats/char from zero against 2.64
  /// from the carried state), the unfused ones none of 200: a rounding-level difference moves a
  /// run across that line about once in 50 (ex03's lesson says so). So at most one of the three
  /// may be broken: at 4 in 200 per seed, two of three break about once in 800 (3·0.02²).
  @Test(
    "rnn train's defaults on tiny Shakespeare learn, and say in one line how they fare from a fresh state"
  )
  func defaultsAreHealthy() throws {
    var broken: [Int] = []
    for seed in 1...3 {
      let (out, summary) = try train(seed: seed)
      #expect(out.ending == .exited(0), "\(out.standardError)")
      #expect(summary.freshState.offsets.count == 10, "seed \(seed): \(summary.freshState.finding)")
      #expect(
        summary.validationLossPerCharacter < 3.2,
        "seed \(seed): validation \(summary.validationLossPerCharacter)")
      let verdicts = out.standardOutput.split(separator: "\n").filter {
        $0.hasPrefix("fresh state: works (") || $0.hasPrefix("fresh state: BROKEN")
      }
      #expect(verdicts.count == 1, "\(out.standardOutput)")
      #expect(
        verdicts.first?.hasPrefix("fresh state: works (") == summary.freshState.passed,
        "\(out.standardOutput)")
      if !summary.freshState.passed { broken.append(seed) }
    }
    #expect(broken.count <= 1, "broken from a fresh state with the defaults: seeds \(broken)")
  }

  /// min-char-rnn's own protocol breaks seeds 1 and 3 here (validation 9.98 and 10.95 per
  /// character from zero, about 2.5–2.8 from the carried state): the check must catch both and
  /// `rnn train` say so in one line, with what helps.
  @Test("min-char-rnn's protocol (--resets never) breaks seeds 1 and 3, and rnn train says so")
  func oldProtocolBreaks() throws {
    for seed in [1, 3] {
      let (out, summary) = try train(seed: seed, ["--resets", "never"])
      let check = summary.freshState
      #expect(!check.passed, "seed \(seed): \(check.finding)")
      let worst = try #require(check.worst)
      #expect(check.fresh[worst] > 6 && check.carried[worst] < 3, "\(check.finding)")
      let lines = out.standardOutput.split(separator: "\n").filter {
        $0.hasPrefix("fresh state: BROKEN")
      }
      #expect(lines.count == 1, "\(out.standardOutput)")
      #expect(lines.first?.contains("--resets 0.05") == true, "\(lines)")
      // The validation far above training is explained when it is first seen.
      #expect(out.standardOutput.contains("works only from the states it trained in"))
    }
  }
}

extension FreshStateTests {
  struct StudyResults: Decodable {
    struct Rule: Decodable {
      var resets: String
      var runs: Int
      var broken: Int
    }
    var rules: [Rule]
    var pictured: Int?
  }

  /// ex03's lesson command on its own text, seeds 1–3: min-char-rnn's loop breaks seeds 1 and 3
  /// (by 7 nats per character and more: a clear margin); the count per rule agrees with the
  /// runs' own verdicts; the pictures show the first seed broken by min-char-rnn's loop and not by
  /// the default (measured: seed 3, since the default's seed 1 is broken too, mildly).
  @Test("rnn fresh-state counts the broken runs per rule and draws the first broken seed")
  func study() throws {
    let rnn = try #require(RNNCommandTests.rnn, "the rnn executable is built next to the tests")
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "fresh-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let out = try runProcess(
      rnn, ["fresh-state", "--data", Self.shakespeare, "--seeds", "3", "--out", "f"], in: dir,
      timeLimit: 300)
    #expect(out.ending == .exited(0), "\(out.standardError)")
    let folder = dir.appendingPathComponent("f")
    let results = try JSONDecoder().decode(
      StudyResults.self, from: Data(contentsOf: folder.appendingPathComponent("results.json")))
    #expect(results.rules.map(\.resets) == ["never", "0.05"])
    #expect(results.rules.allSatisfy { $0.runs == 3 })
    #expect(results.rules.first?.broken == 2, "\(out.standardOutput)")
    // As in `defaultsAreHealthy`: the default breaks about one run in 50.
    #expect(results.rules.last.map { $0.broken <= 1 } == true, "\(out.standardOutput)")
    let lines = out.standardOutput.split(separator: "\n")
    for rule in results.rules {
      let broken = lines.filter { $0.contains("resets \(rule.resets) ") && $0.hasSuffix("BROKEN") }
      #expect(broken.count == rule.broken, "\(rule.resets): \(lines)")
    }
    let pictured = try #require(results.pictured)
    #expect(
      lines.contains {
        $0.contains("resets never  seed \(String(format: "%2d", pictured))")
          && $0.hasSuffix("BROKEN")
      })
    #expect(
      lines.contains {
        $0.contains("resets 0.05  seed \(String(format: "%2d", pictured))")
          && !$0.hasSuffix("BROKEN")
      })
    for file in ["report.md", "fresh-loss.svg", "hidden-state.svg"] {
      #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path))
    }
    #expect(
      out.standardOutput.contains("| never (min-char-rnn) | 2 of 3 |"), "\(out.standardOutput)")
    for (resets, message) in [
      ("often", "--resets needs never"), ("", "--resets needs never"),
      ("never,0", "names the rule 0 twice"),
    ] {
      let bad = try runProcess(rnn, ["fresh-state", "--resets", resets], in: dir, timeLimit: 60)
      #expect(bad.ending == .exited(2) && bad.standardError.contains(message), "\(resets)")
    }
    // A second run into the same folder with no broken seed leaves no pictures of the first.
    // Pictures need a seed broken by the first rule; starting every window from zero (the first
    // rule here) leaves nothing a fresh state could break.
    let again = try runProcess(
      rnn,
      [
        "fresh-state", "--data", Self.shakespeare, "--seeds", "2", "--resets", "1,0.2", "--out",
        "f",
      ],
      in: dir, timeLimit: 300)
    #expect(again.ending == .exited(0), "\(again.standardError)")
    #expect(
      !FileManager.default.fileExists(
        atPath: folder.appendingPathComponent("hidden-state.svg").path))
  }
}

/// The reset rule itself, and the check on numbers given by hand.
@Suite("state resets") struct StateResetTests {
  @Test("random resets are a pure function of (seed, iteration, stream) at about the asked rate")
  func randomRate() {
    let rule = StateResets.random(probability: 0.05, seed: 7)
    let none: [Int] = []
    let draws = (0..<20_000).map { rule.startsFresh(iteration: $0, after: none) }
    let again = (0..<20_000).map { rule.startsFresh(iteration: $0, after: none) }
    #expect(draws == again)
    let count = draws.filter { $0 }.count
    // Binomial(20,000, 0.05): mean 1,000, standard deviation 31; four of them either way.
    #expect((876...1124).contains(count), "\(count) resets in 20,000 windows")
    let otherStream = (0..<20_000).map { rule.startsFresh(iteration: $0, stream: 1, after: none) }
    #expect(otherStream != draws)
    #expect(!(0..<1000).contains { StateResets.never.startsFresh(iteration: $0, after: none) })
  }

  @Test("paragraph resets follow a window that held a blank line")
  func paragraphs() {
    let rule = StateResets.paragraphs(newline: 0)
    #expect(rule.startsFresh(iteration: 0, after: [3, 0, 0, 4]))
    #expect(!rule.startsFresh(iteration: 0, after: [0, 3, 0, 4]))
    #expect(!rule.startsFresh(iteration: 0, after: [Int]()))
  }

  @Test("the fast trainers reset where the reference does, and agree with it to rounding")
  func fastFollowsReference() {
    let text = BuiltInCorpus.play.text(characters: 4000, seed: 2)
    let vocabulary = Vocabulary(text: text)
    let data = vocabulary.encode(text) ?? []
    let corpus = Corpus(vocabulary: vocabulary, indices: data)
    var hp = Hyperparameters(hiddenSize: 12, sequenceLength: 10, seed: 4, validationEvery: 1000)
    hp.resets = .random(probability: 0.3, seed: 4)
    let model = CharModel<RNNCell>(vocabularySize: vocabulary.count, hiddenSize: 12)
    let reference = Reference.train(model, corpus: corpus, hyperparameters: hp, iterations: 80)
    let fresh = RunState(fresh: model, seed: hp.seed, sequenceLength: 10)
    let fast = FastTrainer(
      state: fresh.trainingState!, sequenceLength: 10, learningRate: hp.learningRate)
    fast.resets = hp.stateResets
    let losses = (0..<80).map { _ in fast.step(corpus.training) }
    let worst = zip(losses, reference.history.loss).map { abs($0 - $1) }.max() ?? .nan
    #expect(worst < 1e-10, "largest difference \(worst)")
    // Without the resets the losses part after the first reset: the rule is what made them agree.
    let plain = FastTrainer(
      state: fresh.trainingState!, sequenceLength: 10, learningRate: hp.learningRate)
    let carried = (0..<80).map { _ in plain.step(corpus.training) }
    #expect(zip(carried, reference.history.loss).contains { abs($0 - $1) > 1e-6 })

    let lstm = CharModel<LSTMCell>(vocabularySize: vocabulary.count, hiddenSize: 9)
    hp.learningRate = 0.01
    let lstmReference = Reference.train(
      lstm, corpus: corpus, hyperparameters: hp, iterations: 40, optimizer: .adam)
    let gated = FastGatedTrainer(
      lstm, RunState(fresh: lstm, seed: hp.seed, sequenceLength: 10, optimizer: .adam),
      sequenceLength: 10, learningRate: hp.learningRate)
    gated.resets = hp.stateResets
    let gatedLosses = (0..<40).map { _ in gated.step(corpus.training) }
    let gatedWorst = zip(gatedLosses, lstmReference.history.loss).map { abs($0 - $1) }.max() ?? .nan
    #expect(gatedWorst < 1e-10, "LSTM: largest difference \(gatedWorst)")
  }

  /// The fresh-state check reads text from the state training carried: on the fast paths that
  /// is stream 0's state, copied into the scoring workspace (h, and c for an LSTM only).
  @Test("reading from the carried state agrees with the reference, for every fast model")
  func fromCarried() {
    let text = BuiltInCorpus.play.text(characters: 3000, seed: 5)
    let vocabulary = Vocabulary(text: text)
    let data = vocabulary.encode(text) ?? []
    let v = vocabulary.count
    func check<Cell: GatedCell>(_: Cell.Type) {
      let model = CharModel<Cell>(vocabularySize: v, hiddenSize: 10, layers: 2)
      let fast = FastGatedTrainer(
        model, RunState(fresh: model, seed: 3, sequenceLength: 10, optimizer: .adam),
        sequenceLength: 10, learningRate: 0.01)
      for _ in 0..<30 { fast.step(data) }
      let run = fast.run
      for fromCarried in [false, true] {
        let got = fast.validationLoss(
          Array(data.prefix(500)), sequenceLength: 10, fromCarried: fromCarried)
        let expected = Reference.validationLoss(
          model, parameters: run.parameters, data: Array(data.prefix(500)), sequenceLength: 10,
          from: fromCarried ? run.carried : nil)
        #expect(abs(got - expected) < 1e-10, "\(Cell.kind), from carried \(fromCarried)")
      }
    }
    check(LSTMCell.self)
    check(GRUCell.self)
    let rnn = CharModel<RNNCell>(vocabularySize: v, hiddenSize: 10)
    let state = RunState(fresh: rnn, seed: 3, sequenceLength: 10).trainingState!
    let fast = FastTrainer(state: state, sequenceLength: 10, learningRate: 0.1)
    for _ in 0..<30 { fast.step(data) }
    let carried = fast.state
    let got = fast.validationLoss(Array(data.prefix(500)), sequenceLength: 10, fromCarried: true)
    let expected = Reference.validationLoss(
      rnn, parameters: .init(carried.parameters), data: Array(data.prefix(500)),
      sequenceLength: 10, from: RunState<CharModel<RNNCell>>(carried).carried)
    #expect(abs(got - expected) < 1e-10, "vanilla RNN, from carried")
  }

  @Test(
    "the check passes within the tolerance, fails beyond it, and judges neither NaN nor an untrained model"
  )
  func checkByHand() {
    let text = Array(repeating: 1, count: 1000)
    func check(fresh: Double, carried: Double) -> FreshStateCheck {
      FreshStateCheck(text, sequenceLength: 10) { segment, fromCarried in
        #expect(segment.count == 100)
        return fromCarried ? carried : fresh
      }
    }
    #expect(check(fresh: 2.9, carried: 2.5).passed)
    let broken = check(fresh: 9.0, carried: 2.5)
    #expect(!broken.passed && broken.offsets == stride(from: 0, to: 1000, by: 100).map { $0 })
    #expect(broken.finding.contains("works only from the states it trained in"))
    #expect(check(fresh: .nan, carried: 2.5).verdict == .unchecked)
    // Not yet a nat better than a uniform guess (ln 61 = 4.11) from the carried state: early in
    // training every model is poor from zero, so it is not judged.
    let early = FreshStateCheck(text, sequenceLength: 10, uniform: log(61)) { $1 ? 3.4 : 7.4 }
    #expect(early.verdict == .untrained && early.passed, "\(early.finding)")
    let trained = FreshStateCheck(text, sequenceLength: 10, uniform: log(61)) { $1 ? 2.7 : 9.9 }
    #expect(trained.verdict == .fails)
    let none = FreshStateCheck([1, 2, 3], sequenceLength: 10) { _, _ in 1 }
    #expect(none.passed && none.offsets.isEmpty && none.finding.contains("shorter than one window"))
    // 40 characters, windows of 10: three segments of 13, each one window and the next character.
    let short = FreshStateCheck(Array(repeating: 1, count: 40), sequenceLength: 10) { _, _ in 1 }
    #expect(short.offsets == [0, 13, 26] && short.length == 13)
  }
}
