import CourseSupport
import Foundation
import GraderCore
import Testing

/// `rnn authors` as a learner uses it: the built-in authors or their own files, the report and
/// its files, `--classify` with the saved models, and one clear line for every bad input.
@Suite("rnn authors") struct AuthorsCommandTests {
  let commands = RNNCommandTests()
  let tiny = ["--characters", "5000", "--hidden", "8", "--iters", "30"]

  struct Results: Decodable {
    let authors: [String]
    let accuracy: [String: [Double]]
    let confusion: [String: [[Int]]]
  }

  @Test(
    "writes report.md, results.json, accuracy.svg and one model per author; --classify reads them")
  func reportAndClassify() throws {
    let dir = try commands.folder()
    let out = try commands.run(["authors", "--model", "gru", "--out", "a"] + tiny, in: dir)
    #expect(out.ending == .exited(0), "\(out.standardError)")
    #expect(out.standardOutput.contains("| naive Bayes | "), "\(out.standardOutput)")
    let a = dir.appendingPathComponent("a")
    let results = try JSONDecoder().decode(
      Results.self, from: Data(contentsOf: a.appendingPathComponent("results.json")))
    #expect(results.authors == ["plain", "ornate", "dialogue"])
    for name in ["likelihood", "features", "naive Bayes"] {
      let accuracy = try #require(results.accuracy[name], "\(name) has accuracies")
      #expect(accuracy.count == 5 && accuracy.allSatisfy { (0...1).contains($0) }, "\(accuracy)")
      let confusion = try #require(results.confusion[name])
      #expect(confusion.map { $0.reduce(0, +) } == [100, 100, 100], "\(confusion)")
    }
    for file in ["report.md", "accuracy.svg", "models/plain.json", "models/dialogue.json"] {
      #expect(
        FileManager.default.fileExists(atPath: a.appendingPathComponent(file).path), "\(file)")
    }
    let classify = try commands.run(
      ["authors", "--classify", "The man went home.", "--models", "a"], in: dir)
    #expect(classify.ending == .exited(0), "\(classify.standardError)")
    let lines = classify.standardOutput.split(separator: "\n").dropFirst()
    #expect(lines.count == 3, "\(classify.standardOutput)")
    let total = lines.compactMap { $0.split(separator: " ").compactMap { Double($0) }.first }
      .reduce(0, +)
    #expect(abs(total - 1) < 1e-3, "the probabilities add to \(total): \(classify.standardOutput)")
  }

  @Test("the learner's own files: each bad input is one line and exit status 2")
  func badInputs() throws {
    let dir = try commands.folder()
    let prose = String(repeating: "The cat sat on the mat. It was warm! ", count: 150)
    try prose.write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
    try prose.write(to: dir.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
    try "Too short.".write(
      to: dir.appendingPathComponent("short.txt"), atomically: true, encoding: .utf8)
    try Data([0xff, 0xfe, 0x41]).write(to: dir.appendingPathComponent("binary.txt"))
    let cases: [([String], String)] = [
      (["--author", "a=a.txt"], "needs at least two"),
      (["--author", "a=a.txt", "--author", "a=b.txt"], "two authors are called \"a\""),
      (["--author", "a=a.txt", "--author", "b=short.txt"], "too short"),
      (["--author", "a=a.txt", "--author", "b=missing.txt"], "missing.txt: no such file"),
      (["--author", "a=a.txt", "--author", "b=binary.txt"], "not UTF-8"),
      (["--author", "a=a.txt", "--author", "x/y=b.txt"], "cannot name an author"),
      (["--author", "a.txt"], "--author needs NAME=FILE"),
      (["--model", "transformer"], "--model"),
      (["--classify", "hello", "--models", "nowhere"], "no author models here"),
    ]
    for (arguments, expected) in cases {
      let out = try commands.run(["authors"] + arguments + tiny, in: dir)
      #expect(out.ending == .exited(2), "\(arguments): \(out.ending)")
      #expect(out.standardError.contains(expected), "\(arguments): \(out.standardError)")
      #expect(out.standardError.split(separator: "\n").count == 1, "\(out.standardError)")
    }
  }
}
