import CourseSupport
import CourseTesting
import Ex03
import Foundation
import ReferenceRNN
import Testing

/// Not graded: what `swift run grader compare ex03` runs with your code and the solution.
@Suite("probe (for grader compare)", .enabled(if: ProbeLog.isRecording, ProbeLog.skipReason))
struct Probe {
  @Test func corpus() throws {
    let text = String(repeating: "Ça va, Zoë? — 日本\n", count: 12)
    let loaded = try Ex03.loadCorpus(at: Ex03Fixtures.temporaryFile(text), sequenceLength: 10)
    ProbeLog.record("training indices", indices: loaded.training)
    ProbeLog.record("validation indices", indices: loaded.validation)
  }

  @Test func training() {
    var rng = SeededGenerator(seed: 5)
    let p = RNNParameters.random(
      hiddenSize: 8, vocabularySize: Ex03Fixtures.corpus.vocabulary.count, using: &rng)
    ProbeLog.record(
      "validationLoss(validation text, T 10)",
      Ex03.validationLoss(
        Ex03Fixtures.corpus.validation, parameters: p, sequenceLength: 10,
        functions: .reference))
    let run = Ex03.train(
      corpus: Ex03Fixtures.corpus, hyperparameters: Ex03Fixtures.hyperparameters, iterations: 60,
      functions: .reference)
    ProbeLog.record("loss by iteration", run.history.loss)
    ProbeLog.record("validation loss", run.history.validation.map(\.lossPerCharacter))
  }

  @Test func checkpoint() throws {
    let original = Checkpoints.checkpoint(iterations: 20)
    let path = Ex03Fixtures.temporaryFolder().appendingPathComponent("c.json").path
    try Ex03.saveCheckpoint(original, to: path)
    let loaded = try Ex03.loadCheckpoint(from: path)
    ProbeLog.record("loaded Whh", loaded.state.parameters.Whh)
    ProbeLog.record("loaded memory", loaded.state.memory.Whh)
  }

  @Test func comparison() {
    let rows = ComparisonTable().rows
    ProbeLog.record("markdown table length", Double(Ex03.markdownTable(rows).count))
    ProbeLog.record("csv length", Double(Ex03.csv(rows).count))
  }
}
