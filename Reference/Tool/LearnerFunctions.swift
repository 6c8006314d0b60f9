import CourseSupport
import Ex01
import Foundation
import GraderCore
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

/// Whether the learner's ex01 runs; a one-line reason when it does not.
func checkLearnerCode() throws {
  let me = Bundle.main.executablePath ?? CommandLine.arguments[0]
  let outcome = try runProcess(
    me, ["__probe-mine"], in: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
    environment: ["SWIFT_BACKTRACE": "enable=no"], timeLimit: 60)
  if outcome.ending == .exited(0) { return }
  if let crash = CrashReport(standardError: outcome.standardError) {
    let place = [learnerPath(crash.fileID), crash.line.map(String.init)].compactMap { $0 }.joined(
      separator: ":")
    if crash.isTODO {
      throw CommandLineOptions.Problem(
        "--mine needs your ex01, but \(place) is still TODO: finish it first (swift run grader ex01)"
      )
    }
    throw CommandLineOptions.Problem(
      "--mine: your ex01 crashed (\(crash.message) at \(place)); swift run grader ex01 shows where")
  }
  throw CommandLineOptions.Problem(
    outcome.ending == .timedOut
      ? "--mine: your ex01 did not finish one small step in 60 s: look for an endless loop (swift run grader ex01)"
      : "--mine: your ex01 failed on one small step; swift run grader ex01 shows where")
}

/// `Ex01/Forward.swift` (as the runtime names it) → `Exercises/ex01-rnn-from-scratch/Forward.swift`.
func learnerPath(_ fileID: String?) -> String? {
  guard let fileID else { return nil }
  let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  guard let root = try? findCourseRoot(from: cwd), let grader = try? Grader(root: root) else {
    return fileID
  }
  return grader.sourceFile(forFileID: fileID, mode: .exercises) ?? fileID
}
