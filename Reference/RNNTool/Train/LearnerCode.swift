import CourseSupport
import Foundation
import GraderCore
import ReferenceRNN

/// The learner's ex01, when this is `rnn-mine` (its main sets them before anything runs).
public enum LearnerCode {
  nonisolated(unsafe) public static var functions: RNNFunctions?
}

/// `rnn train --mine` in `rnn`, which has no learner code: build `rnn-mine` (the same tool with
/// the learner's ex01) next to this executable and run it in this process's place, with the same
/// arguments. A compile error in ex01 is one line.
func handOverToMine() throws -> Never {
  let me = URL(fileURLWithPath: Bundle.main.executablePath ?? CommandLine.arguments[0])
    .resolvingSymlinksInPath()
  let folder = me.deletingLastPathComponent()
  let scratch = folder.deletingLastPathComponent().deletingLastPathComponent()
  let root = scratch.deletingLastPathComponent()
  guard scratch.lastPathComponent.hasPrefix(".build") else {
    throw CommandLineOptions.Problem(
      "--mine builds your ex01 into rnn-mine: run rnn from the course, with swift run -c release rnn"
    )
  }
  FileHandle.standardError.write(Data("building rnn-mine with your ex01…\n".utf8))
  let mode: SourceMode =
    scratch.lastPathComponent == SourceMode.solutions.scratchPath ? .solutions : .exercises
  let build = try swiftBuild(
    ["-c", folder.lastPathComponent, "--product", "rnn-mine"], root: root,
    scratchPath: scratch.path, environment: mode.environment)
  guard build.succeeded else {
    let first =
      build.errors.first.map { "\($0.location): \($0.message)" }
      ?? "see swift build --product rnn-mine"
    throw CommandLineOptions.Problem(
      "--mine needs your ex01 to compile, and it does not (\(first)): swift run grader ex01 shows the errors"
    )
  }
  let mine = folder.appendingPathComponent("rnn-mine").path
  try replaceProcess(with: mine, arguments: Array(CommandLine.arguments.dropFirst()))
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
  // The course holds this executable (.build/…/rnn-mine), wherever the learner runs it from.
  let me = URL(fileURLWithPath: Bundle.main.executablePath ?? CommandLine.arguments[0])
    .resolvingSymlinksInPath()
  let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
  guard let root = (try? findCourseRoot(from: me)) ?? (try? findCourseRoot(from: cwd)),
    let grader = try? Grader(root: root)
  else { return fileID }
  return grader.sourceFile(forFileID: fileID, mode: .exercises) ?? fileID
}
