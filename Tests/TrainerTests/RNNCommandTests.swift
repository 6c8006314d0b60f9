import CourseSupport
import Foundation
import GraderCore
import ReferenceRNN
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The `rnn` executable as a learner uses it: train, refuse to overwrite, resume, sample,
/// compare, and one clear line for every bad input.
@Suite("the rnn command") struct RNNCommandTests {
  static let courseRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  /// The `rnn` built with the tests.
  static let rnn: String? = builtExecutable("rnn", packageRoot: courseRoot)

  func run(_ arguments: [String], in folder: URL) throws -> ProcessOutcome {
    let rnn = try #require(Self.rnn, "the rnn executable is built next to the tests")
    return try runProcess(rnn, arguments, in: folder, timeLimit: 300)
  }

  func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "rnn-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  let small = ["--hidden", "12", "--seq", "10", "--characters", "3000", "--validate-every", "50"]

  /// qemu's user-mode emulator, where installed (.ci/run installs it), for an x86-64 CPU
  /// without AVX.
  static let qemu: String? = {
    #if arch(x86_64)
      return ["/usr/bin/qemu-x86_64", "/usr/local/bin/qemu-x86_64"].first {
        FileManager.default.isExecutableFile(atPath: $0)
      }
    #else
      return nil
    #endif
  }()

  /// The AVX2 kernels are chosen at run time; with the portable ones chosen, nothing compiled
  /// for AVX2 may run at all, not even a global's initializer. (Under qemu, /proc/cpuinfo is
  /// the host's, so the automatic choice cannot be tested this way.)
  @Test(
    "with the portable kernels, rnn trains on a CPU without AVX (qemu, Nehalem)",
    .enabled(if: qemu != nil, "qemu-x86_64 is not installed"))
  func withoutAVX() throws {
    let rnn = try #require(Self.rnn, "the rnn executable is built next to the tests")
    let out = try runProcess(
      try #require(Self.qemu),
      ["-cpu", "Nehalem", rnn, "train", "--corpus", "play", "--iters", "20", "--out", "run"]
        + small, in: try folder(), environment: ["RNN_KERNELS": "portable"], timeLimit: 300)
    #expect(out.ending == .exited(0), "\(out.ending): \(out.standardError)")
  }

  /// The same for the AVX2 kernels on a CPU without AVX-512 (qemu has none): nothing compiled for
  /// AVX-512 may run on that path, in either precision.
  @Test(
    "with the AVX2 kernels, rnn trains in both precisions on a CPU without AVX-512 (qemu, Haswell)",
    .enabled(if: qemu != nil, "qemu-x86_64 is not installed"), arguments: ["float64", "float32"])
  func withoutAVX512(precision: String) throws {
    let rnn = try #require(Self.rnn, "the rnn executable is built next to the tests")
    let out = try runProcess(
      try #require(Self.qemu),
      [
        "-cpu", "Haswell-v4", rnn, "train", "--corpus", "play", "--model", "lstm", "--iters", "20",
        "--precision", precision, "--out", "run",
      ] + small, in: try folder(), environment: ["RNN_KERNELS": "avx2"], timeLimit: 300)
    #expect(out.ending == .exited(0), "\(out.ending): \(out.standardError)")
  }

  @Test("train writes a checkpoint, refuses to overwrite it, resumes it, and sample reads it")
  func trainResumeSample() throws {
    let dir = try folder()
    let first = try run(
      ["train", "--corpus", "play", "--iters", "100", "--out", "runs/t"] + small, in: dir)
    #expect(first.ending == .exited(0), "\(first.standardError)")
    let checkpoint = dir.appendingPathComponent("runs/t/checkpoint.json")
    #expect(FileManager.default.fileExists(atPath: checkpoint.path))

    let again = try run(
      ["train", "--corpus", "play", "--iters", "100", "--out", "runs/t"] + small, in: dir)
    #expect(again.ending == .exited(2))
    #expect(again.standardError.contains("exists: add --resume"), "\(again.standardError)")

    let resumed = try run(
      ["train", "--corpus", "play", "--iters", "200", "--out", "runs/t", "--resume"] + small,
      in: dir)
    #expect(resumed.ending == .exited(0), "\(resumed.standardError)")
    #expect(
      resumed.standardOutput.contains("resuming runs/t/checkpoint.json at iteration 100"),
      "\(resumed.standardOutput)")
    #expect(resumed.standardOutput.contains("iteration 200/200"), "\(resumed.standardOutput)")

    let sample = try run(
      ["sample", "--checkpoint", "runs/t/checkpoint.json", "--count", "80", "--prime", "KING"],
      in: dir)
    #expect(sample.ending == .exited(0), "\(sample.standardError)")
    #expect(sample.standardOutput.hasPrefix("KING"), "\(sample.standardOutput)")
    #expect(sample.standardOutput.unicodeScalars.count >= 84)
  }

  @Test(
    "every model kind trains, and its run ends with the fresh-state check",
    arguments: ModelKind.allCases)
  func everyKindChecked(_ kind: ModelKind) throws {
    let out = try run(
      ["train", "--model", kind.rawValue, "--iters", "30", "--out", "r"] + small, in: try folder())
    #expect(out.ending == .exited(0), "\(kind): \(out.standardError)")
    #expect(out.standardOutput.contains("\nfresh state: "), "\(out.standardOutput)")
  }

  @Test("--resume refuses an option that differs from the saved run's, in one line")
  func resumeRefusesOtherSettings() throws {
    let dir = try folder()
    let first = try run(
      ["train", "--model", "lstm", "--iters", "20", "--out", "runs/l"] + small, in: dir)
    #expect(first.ending == .exited(0), "\(first.standardError)")
    let other = try run(
      ["train", "--model", "gru", "--iters", "40", "--out", "runs/l", "--resume"] + small, in: dir)
    #expect(other.ending == .exited(2))
    #expect(
      other.standardError.contains("--model gru: runs/l/checkpoint.json holds a run of LSTM"),
      "\(other.standardError)")
    let rate = try run(
      ["train", "--lr", "0.5", "--model", "lstm", "--iters", "40", "--out", "runs/l", "--resume"]
        + small, in: dir)
    #expect(rate.standardError.contains("--lr 0.5:"), "\(rate.standardError)")
    let same = try run(
      [
        "train", "--model", "lstm", "--iters", "40", "--out", "runs/l", "--resume", "--resets",
        "0.0",
      ]
        + small, in: dir)
    #expect(same.ending == .exited(0), "never and 0.0 are one rule: \(same.standardError)")
  }

  /// --precision float32 trains on the fast path, records itself in the checkpoint (a resumed
  /// run keeps it, and refuses another), and is refused in one line where no fast path runs.
  @Test("--precision float32 trains, resumes as float32, and is refused where the reference trains")
  func singlePrecision() throws {
    let dir = try folder()
    let first = try run(
      ["train", "--model", "gru", "--precision", "float32", "--iters", "30", "--out", "runs/g"]
        + small, in: dir)
    #expect(first.ending == .exited(0), "\(first.standardError)")
    let checkpoint = try String(
      contentsOf: dir.appendingPathComponent("runs/g/checkpoint.json"), encoding: .utf8)
    #expect(checkpoint.contains("\"precision\" : \"float32\""), "no precision in the checkpoint")
    let resumed = try run(
      ["train", "--model", "gru", "--iters", "60", "--out", "runs/g", "--resume"] + small, in: dir)
    #expect(resumed.ending == .exited(0), "\(resumed.standardError)")
    let other = try run(
      [
        "train", "--model", "gru", "--precision", "float64", "--iters", "90", "--out", "runs/g",
        "--resume",
      ] + small, in: dir)
    #expect(other.ending == .exited(2) && other.standardError.contains("--precision float64:"))
    for (extra, message) in [
      (["--dropout", "0.2", "--model", "lstm"], "--precision float32 works on a fast path only"),
      (["--mine"], "--mine runs your ex01 functions"),
    ] {
      let refused = try run(
        ["train", "--precision", "float32", "--iters", "5", "--out", "runs/x"] + extra + small,
        in: dir)
      #expect(refused.ending == .exited(2), "\(extra): \(refused.ending)")
      #expect(refused.standardError.contains(message), "\(extra): \(refused.standardError)")
      #expect(refused.standardError.split(separator: "\n").count == 1, "\(refused.standardError)")
    }
    let unknown = try run(["train", "--precision", "float16"] + small, in: dir)
    #expect(unknown.ending == .exited(2))
    #expect(unknown.standardError.contains("--precision must be one of float64, float32"))
  }

  @Test("--resets paragraphs on a text without a newline is one line and exit 2")
  func paragraphsNeedNewlines() throws {
    let dir = try folder()
    try String(repeating: "abcab cabca ", count: 100).write(
      to: dir.appendingPathComponent("flat.txt"), atomically: true, encoding: .utf8)
    let out = try run(
      ["train", "--data", "flat.txt", "--resets", "paragraphs", "--iters", "10"], in: dir)
    #expect(out.ending == .exited(2))
    #expect(out.standardError.contains("this text has no newline"), "\(out.standardError)")
  }

  @Test("a resumed run ends with the same model as an uninterrupted one")
  func resumeEqualsUninterrupted() throws {
    let dir = try folder()
    _ = try run(
      ["train", "--corpus", "wiki", "--iters", "120", "--out", "straight"] + small, in: dir)
    _ = try run(["train", "--corpus", "wiki", "--iters", "60", "--out", "split"] + small, in: dir)
    _ = try run(
      ["train", "--corpus", "wiki", "--iters", "120", "--out", "split", "--resume"] + small, in: dir
    )
    let a = try Data(contentsOf: dir.appendingPathComponent("straight/checkpoint.json"))
    let b = try Data(contentsOf: dir.appendingPathComponent("split/checkpoint.json"))
    #expect(a == b, "the two checkpoints differ")
  }

  @Test("temperatures prints six samples, T = 0.2 to 2.0")
  func temperatures() throws {
    let out = try run(
      ["temperatures", "--iterations", "50", "--hidden", "8", "--count", "40"], in: try folder())
    #expect(out.ending == .exited(0), "\(out.standardError)")
    for t in ["0.2", "0.5", "0.8", "1.0", "1.5", "2.0"] {
      #expect(out.standardOutput.contains("T = \(t)   mean entropy"), "T = \(t) missing")
    }
  }

  @Test(
    "bad input is one line and exit 2",
    arguments: [
      (["train", "--data", "/nonexistent.txt"], "no such file"),
      (["train", "--corpus", "poems"], "--corpus must be one of play, code, wiki"),
      (["train", "--lr", "-1"], "--lr needs a number above 0"),
      (["train", "--hidden", "0"], "--hidden needs a whole number of at least 1"),
      (["train", "--data", "x", "--corpus", "play"], "give --data or --corpus, not both"),
      (["sample", "--checkpoint", "/nonexistent.json"], "not a readable checkpoint"),
      (["sample"], "--checkpoint"),
      (["frobnicate"], "unknown command"),
      (["train", "--batch", "4", "--resume"], "--batch works without --resume"),
      (
        ["train", "--batch", "4", "--model", "lstm", "--dropout", "0.2"],
        "its fast path takes any depth, embedding and optimizer, no dropout"
      ),
      (["train", "--batch", "4", "--layers", "2"], "a vanilla RNN with these options"),
      (["train", "--iters", "5", "--epochs", "1"], "give --iters or --epochs, not both"),
      (["train", "--model", "transformer"], "--model must be one of rnn, gru, lstm"),
      (
        ["train", "--resume", "--out", "nothing-here"],
        "there is no run to continue in nothing-here"
      ),
      (["train", "--hidden", "100000000"], "of memory and the machine has"),
      (["train", "--mine", "--model", "lstm"], "--mine trains your ex01 RNN"),
      (["sample", "--checkpoint", "x", "--bogus"], "unknown option --bogus"),
    ])
  func badInput(_ arguments: [String], _ message: String) throws {
    let out = try run(arguments, in: try folder())
    #expect(out.ending == .exited(2))
    #expect(
      out.standardError.hasPrefix("error: ") && out.standardError.contains(message),
      "\(out.standardError)")
    #expect(out.standardError.split(separator: "\n").count == 1, "\(out.standardError)")
  }

  /// Writing a checkpoint holds JSONEncoder's tree of every saved number: 165–185 bytes a number
  /// (measured at H = 1024), where training holds 8. An LSTM with Adam saves about 12 H² numbers,
  /// so at 165 bytes each half the machine's memory is reached at H = √(memory / 3960); above
  /// that, its training arrays are still a tenth of it. Run with a 1 GB heap, so a regression
  /// fails at once instead of filling the machine.
  @Test("a model whose checkpoint would not fit in memory is refused before it trains")
  func checkpointMemory() throws {
    let rnn = try #require(Self.rnn, "the rnn executable is built next to the tests")
    let memory = Double(ProcessInfo.processInfo.physicalMemory)
    let hidden = Int(1.2 * (memory / 3960).squareRoot())
    let out = try runProcess(
      rnn, ["train", "--model", "lstm", "--hidden", "\(hidden)", "--iters", "1", "--out", "run"],
      in: try folder(), timeLimit: 120,
      limits: ResourceLimits(memoryMegabytes: 1024, outputMegabytes: 16))
    #expect(out.ending == .exited(2), "--hidden \(hidden): \(out.ending) \(out.standardError)")
    #expect(out.standardError.contains("of memory and the machine has"), "\(out.standardError)")
  }

  /// A vocabulary entry must be one character: "" used to trap, "ab" to sample as one letter.
  @Test(
    "a checkpoint whose vocabulary holds \"\" or \"ab\" is refused in one line",
    arguments: ["", "ab"])
  func badVocabulary(_ entry: String) throws {
    let dir = try folder()
    let trained = try run(["train", "--iters", "20", "--out", "run"] + small, in: dir)
    #expect(trained.ending == .exited(0), "\(trained.standardError)")
    let url = dir.appendingPathComponent("run/checkpoint.json")
    var json = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    var vocabulary = try #require(json["vocabulary"] as? [String: Any])
    var characters = try #require(vocabulary["characters"] as? [String])
    characters[0] = entry
    vocabulary["characters"] = characters
    json["vocabulary"] = vocabulary
    try JSONSerialization.data(withJSONObject: json).write(to: url)
    let out = try run(["sample", "--checkpoint", "run/checkpoint.json", "--count", "10"], in: dir)
    #expect(out.ending == .exited(2), "\(out.ending)")
    #expect(out.standardError.contains("each entry must be one character"), "\(out.standardError)")
    #expect(out.standardError.split(separator: "\n").count == 1, "\(out.standardError)")
  }

  @Test("every command answers --help with its own usage", arguments: ["train", "sample", "bench"])
  func help(_ command: String) throws {
    let out = try run([command, "--help"], in: try folder())
    #expect(out.ending == .exited(0), "\(out.standardError)")
    #expect(out.standardOutput.hasPrefix("usage: swift run -c release rnn \(command) "))
  }

  @Test("--out naming a file is refused before any training, and the file is left alone")
  func outIsAFile() throws {
    let dir = try folder()
    let file = dir.appendingPathComponent("notes.txt")
    try Data("mine".utf8).write(to: file)
    let out = try run(["train", "--iters", "5", "--out", "notes.txt"], in: dir)
    #expect(out.ending == .exited(2))
    #expect(out.standardError.contains("--out notes.txt is a file"), "\(out.standardError)")
    #expect(try String(contentsOf: file, encoding: .utf8) == "mine")
  }

  @Test("text shorter than ten sequences, or not UTF-8, is refused")
  func badFiles() throws {
    let dir = try folder()
    try Data("tiny".utf8).write(to: dir.appendingPathComponent("tiny.txt"))
    try Data([0xFF, 0xFE, 0x41] + Array(repeating: 0x41, count: 500)).write(
      to: dir.appendingPathComponent("latin.txt"))
    let tiny = try run(["train", "--data", "tiny.txt"], in: dir)
    #expect(
      tiny.ending == .exited(2) && tiny.standardError.contains("too short"), "\(tiny.standardError)"
    )
    let latin = try run(["train", "--data", "latin.txt"], in: dir)
    #expect(
      latin.ending == .exited(2) && latin.standardError.contains("not UTF-8"),
      "\(latin.standardError)")
  }
}

@Suite("rnn gradient-flow") struct GradientFlowCommandTests {
  @Test("writes the three plots, well-formed, and the numbers, with slopes near ln ρ")
  func plots() throws {
    let commands = RNNCommandTests()
    let dir = try commands.folder()
    let out = try commands.run(["gradient-flow"], in: dir)
    #expect(out.ending == .exited(0), "\(out.standardError)")
    for name in ["norms-by-radius.svg", "norms-by-length.svg", "gradients-heatmap.svg"] {
      let data = try Data(contentsOf: dir.appendingPathComponent("runs/gradient-flow/\(name)"))
      #expect(XMLParser(data: data).parse(), "\(name) is well-formed XML")
    }
    let norms = try JSONDecoder().decode(
      [String: [Double]].self,
      from: Data(contentsOf: dir.appendingPathComponent("runs/gradient-flow/norms.json")))
    #expect(norms.count == 7, "five radii at T = 50, and T = 10 and 25 at ρ = 0.9")
    let vanishing = try #require(norms["T=50 rho=0.5"])
    #expect(vanishing.count == 50 && vanishing[0] / vanishing[49] < 1e-12)
    #expect(out.standardOutput.contains("(ln ρ = -0.693)"), "\(out.standardOutput)")
  }
}

@Suite("rnn diagnose and activations") struct DiagnoseCommandTests {
  @Test("diagnose names a finished run and redraws its loss plot with the diagnosis")
  func diagnose() throws {
    let commands = RNNCommandTests()
    let dir = try commands.folder()
    let train = try commands.run(
      ["train", "--corpus", "play", "--iters", "200", "--out", "run"] + commands.small, in: dir)
    #expect(train.ending == .exited(0), "\(train.standardError)")
    let out = try commands.run(["diagnose", "--run", "run"], in: dir)
    #expect(out.ending == .exited(0), "\(out.standardError)")
    #expect(out.standardOutput.contains("diagnosis: "), "\(out.standardOutput)")
    #expect(
      out.standardOutput.contains("loss per character  ▁")
        || out.standardOutput.contains("loss per character  █"))
    let svg = try String(contentsOf: dir.appendingPathComponent("run/loss.svg"), encoding: .utf8)
    #expect(svg.contains("diagnosis: "))
    let missing = try commands.run(["diagnose", "--run", "nowhere"], in: dir)
    #expect(
      missing.ending == .exited(2) && missing.standardError.contains("nowhere: no run here"),
      "\(missing.standardError)")
  }

  @Test("activations draws units × characters, with the text on the axis")
  func activations() throws {
    let commands = RNNCommandTests()
    let dir = try commands.folder()
    _ = try commands.run(
      ["train", "--corpus", "play", "--iters", "50", "--out", "run"] + commands.small, in: dir)
    let out = try commands.run(
      ["activations", "--checkpoint", "run/checkpoint.json", "--text", "KING:", "--units", "8"],
      in: dir)
    #expect(out.ending == .exited(0), "\(out.standardError)")
    #expect(out.standardOutput.contains("8 units × 5 characters"), "\(out.standardOutput)")
    let svg = try Data(contentsOf: dir.appendingPathComponent("run/activations.svg"))
    #expect(XMLParser(data: svg).parse())
    #expect(
      String(decoding: svg, as: UTF8.self).components(separatedBy: "class=\"cell\"").count - 1 == 40
    )
    let unknown = try commands.run(
      ["activations", "--checkpoint", "run/checkpoint.json", "--text", "日本"], in: dir)
    #expect(unknown.ending == .exited(2), "\(unknown.standardError)")
  }
}
