import Foundation
import GraderCore
import Testing

/// Every command that writes a folder writes its page: self-contained, named at the end of the
/// output, listed in the runs index; `rnn train`'s follows the run while it trains.
@Suite("the pages") struct PageTests {
  let commands = RNNCommandTests()

  /// A few runs of each kind of page in one folder, made once for the suite: a training run,
  /// an LSTM's, their saliency, a lesson experiment with PNG pictures, and the runs index.
  static let runs: Result<(URL, [String: ProcessOutcome]), any Error> = Result {
    let commands = RNNCommandTests()
    let dir = try commands.folder()
    let steps: [(String, [String])] = [
      ("rnn", ["train", "--iters", "60", "--out", "runs/rnn"] + commands.small),
      (
        "lstm",
        ["train", "--model", "lstm", "--iters", "60", "--out", "runs/lstm"] + commands.small
      ),
      (
        "saliency",
        [
          "saliency", "--checkpoint", "runs/rnn/checkpoint.json,runs/lstm/checkpoint.json",
          "--corpus", "play", "--characters", "3000", "--length", "120", "--reach", "8", "--out",
          "runs/saliency",
        ]
      ),
      ("diagnose", ["diagnose", "--run", "runs/rnn"]),
      (
        "complexity",
        ["complexity", "--out", "runs/complexity", "--n", "16", "--grain", "5", "--sizes", "16,24"]
          + ["--seeds", "1", "--width", "31", "--rows", "10"]
      ),
      (
        "seq2seq",
        ["seq2seq", "--out", "runs/seq2seq", "--seeds", "1", "--steps", "20", "--hidden", "8"]
          + ["--max-length", "4", "--per-length", "2", "--beams", "1,2"]
      ),
    ]
    var outcomes: [String: ProcessOutcome] = [:]
    for (name, arguments) in steps { outcomes[name] = try commands.run(arguments, in: dir) }
    return (dir, outcomes)
  }

  @Test("each command ends by naming its page, and the page carries everything it shows")
  func pagesWritten() throws {
    let (dir, outcomes) = try Self.runs.get()
    let folders = [
      "rnn": "rnn", "lstm": "lstm", "saliency": "saliency", "diagnose": "rnn",
      "complexity": "complexity", "seq2seq": "seq2seq",
    ]
    for (step, folder) in folders {
      let out = try #require(outcomes[step])
      #expect(out.ending == .exited(0), "\(step): \(out.standardError)")
      let last = out.standardOutput.split(separator: "\n").last.map(String.init)
      #expect(last == "open runs/\(folder)/index.html", "\(step): \(out.standardOutput)")
      let page = try String(
        contentsOf: dir.appendingPathComponent("runs/\(folder)/index.html"), encoding: .utf8)
      #expect(
        page.contains(
          "<pre class=\"command\">swift run -c release rnn \(step == "rnn" || step == "lstm" ? "train" : step)"
        ), "\(step)")
      #expect(
        !page.contains("<script") && !page.contains("<link"), "\(step): nothing to fetch or run")
      let sources = page.components(separatedBy: "src=\"").dropFirst()
      #expect(
        !sources.isEmpty && sources.allSatisfy { $0.hasPrefix("data:") }, "\(step): pictures inline"
      )
      #expect(
        !page.contains("http-equiv=\"refresh\""), "\(step): a finished run's page stays still")
    }
    let complexity = try String(
      contentsOf: dir.appendingPathComponent("runs/complexity/index.html"), encoding: .utf8)
    #expect(complexity.contains("data:image/png;base64,"), "rule.png inline")
  }

  @Test("the runs index lists every run, newest first, with its model and final losses")
  func runsIndex() throws {
    let (dir, _) = try Self.runs.get()
    let index = try String(
      contentsOf: dir.appendingPathComponent("runs/index.html"), encoding: .utf8)
    let order = ["seq2seq", "complexity", "rnn", "saliency", "lstm"].map {
      index.range(of: "href=\"\($0)/index.html\"")?.lowerBound
    }
    #expect(order.allSatisfy { $0 != nil }, "every run listed")
    #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted(), "newest first")
    #expect(index.contains("LSTM") && index.contains("validation "), "model and final losses")
  }

  @Test("rnn train's page reloads itself while the run trains, and stops once it ends")
  func livePage() throws {
    let rnn = try #require(RNNCommandTests.rnn, "the rnn executable is built next to the tests")
    let dir = try commands.folder()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: rnn)
    process.arguments = ["train", "--iters", "30000", "--out", "runs/live"] + commands.small
    process.currentDirectoryURL = dir
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let page = dir.appendingPathComponent("runs/live/index.html")
    var sawLive = false
    while process.isRunning && !sawLive {
      let text = (try? String(contentsOf: page, encoding: .utf8)) ?? ""
      sawLive = text.contains("http-equiv=\"refresh\"") && text.contains("Training: iteration")
      Thread.sleep(forTimeInterval: 0.05)
    }
    process.waitUntilExit()
    #expect(sawLive, "a page that reloads itself, written while the run trains")
    let final = try String(contentsOf: page, encoding: .utf8)
    #expect(!final.contains("http-equiv=\"refresh\"") && final.contains("What the run measured"))
  }
}
