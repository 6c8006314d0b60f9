import CourseSupport
import Foundation
import GraderCore
import ReferenceRNN

/// One text sampled during training.
struct RunSample: Codable {
  var iteration: Int
  var temperature: Double
  var text: String
}

/// The structure metric of a built-in corpus, for the trained model and an untrained one.
struct StructureScores: Codable {
  var metric: String
  var trained: Double
  var untrained: Double
}

/// What a run did, in one small file.
struct RunSummary: Codable {
  var source: String
  var model: ModelSpec
  var hyperparameters: Hyperparameters
  var iterations: Int
  var smoothLossPerCharacter: Double
  var validationLossPerCharacter: Double?
  var seconds: Double
  var charactersPerSecond: Double
  var structure: StructureScores?
  var diagnosis: String?
  /// Whether the model works from a zero state (`FreshStateCheck`, on the validation text).
  var freshState: FreshStateCheck?
}

/// A run's folder and its files, all written atomically.
struct RunFolder {
  let path: String
  var checkpoint: String { path + "/checkpoint.json" }
  var exists: Bool { FileManager.default.fileExists(atPath: checkpoint) }

  /// Checks, before any work, that results can be written here: a folder, or nothing yet.
  func prepareForOutput() throws {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue {
      throw CommandLineOptions.Problem(
        "--out \(path) is a file, not a folder: choose another --out")
    }
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw CommandLineOptions.Problem("--out \(path): cannot create the folder here")
    }
    guard FileManager.default.isWritableFile(atPath: path) else {
      throw CommandLineOptions.Problem("--out \(path): the folder is not writable")
    }
  }

  /// The trained model saved here, or one line saying there is none.
  func trainedModel() throws -> any TrainedModel {
    guard exists else {
      throw CommandLineOptions.Problem(
        "\(path): no run here (no checkpoint.json); train one with rnn train --out \(path)")
    }
    return try Reference.loadTrainedModel(from: checkpoint)
  }

  /// Checks, before any training, that the run can be written here: the path is a folder (or
  /// nothing yet), an earlier run is continued or replaced only when asked, and there is a run
  /// to continue when asked to.
  func prepare(resume: Bool, force: Bool) throws {
    if resume && !exists {
      throw CommandLineOptions.Problem(
        "--resume: there is no run to continue in \(path) (no checkpoint.json); drop --resume to start one"
      )
    }
    if exists && !resume && !force {
      throw CommandLineOptions.Problem(
        "\(checkpoint) exists: add --resume to continue that run, --force to replace it, or choose another --out"
      )
    }
    try prepareForOutput()
  }

  func loadSamples() -> [RunSample] {
    guard let data = FileManager.default.contents(atPath: path + "/samples.json") else { return [] }
    return (try? JSONDecoder().decode([RunSample].self, from: data)) ?? []
  }

  func write<M>(checkpoint: ModelCheckpoint<M>, samples: [RunSample], summary: RunSummary) throws {
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    try Reference.saveCheckpoint(checkpoint, to: self.checkpoint)
    let history = checkpoint.history
    let losses = Losses(
      iteration: Array(1...max(history.loss.count, 1)).prefix(history.loss.count).map { $0 },
      loss: history.loss, smoothLoss: history.smoothLoss, validation: history.validation)
    try writeAtomically(try json(losses), to: path + "/losses.json")
    try writeAtomically(try json(samples), to: path + "/samples.json")
    try writeAtomically(try json(summary), to: path + "/summary.json")
    try writeAtomically(
      lossChart(
        history, sequenceLength: checkpoint.hyperparameters.sequenceLength,
        freshState: summary.freshState), to: path + "/loss.svg")
  }

  /// The run's summary.json, if it has one that reads.
  func summary() -> RunSummary? {
    FileManager.default.contents(atPath: path + "/summary.json").flatMap {
      try? JSONDecoder().decode(RunSummary.self, from: $0)
    }
  }

  struct Losses: Codable {
    var iteration: [Int]
    var loss: [Double]
    var smoothLoss: [Double]
    var validation: [ValidationPoint]
  }

  /// What lesson ex04's diagnosis makes of the run.
  func diagnosis(_ history: LossHistory, sequenceLength: Int) -> Diagnosis {
    Reference.diagnose(
      train: Reference.perCharacter(history.loss, sequenceLength: sequenceLength),
      validation: history.validation.map(\.lossPerCharacter))
  }

  /// The raw training loss per character averaged over each stretch between validations, at the
  /// validation's iteration: what the validation loss should be compared with (the smoothed line
  /// still carries the higher losses of earlier iterations).
  func intervalMeans(_ history: LossHistory, _ t: Double) -> [(x: Double, y: Double)] {
    var points: [(x: Double, y: Double)] = []
    var start = 0
    for point in history.validation {
      let end = min(point.iteration, history.loss.count)
      guard end > start else { continue }
      let window = history.loss[start..<end]
      points.append((x: Double(end), y: window.reduce(0, +) / Double(window.count) / t))
      start = end
    }
    return points
  }

  /// Smoothed training loss, its mean between validations and the validation loss, per
  /// character against iteration, with the diagnosis written under the title (a failed
  /// fresh-state check instead: the curves cannot show it).
  func lossChart(_ history: LossHistory, sequenceLength: Int, freshState: FreshStateCheck? = nil)
    -> String
  {
    let diagnosis = RunDiagnosis(
      curves: diagnosis(history, sequenceLength: sequenceLength), freshState: freshState,
      resets: .never)
    let t = Double(sequenceLength)
    let step = max(1, history.smoothLoss.count / 1000)  // at most about a thousand points
    let training = stride(from: 0, to: history.smoothLoss.count, by: step).map {
      (x: Double($0 + 1), y: history.smoothLoss[$0] / t)
    }
    let validation = history.validation.map { (x: Double($0.iteration), y: $0.lossPerCharacter) }
    let means = intervalMeans(history, t)
    // Dots as well as lines: a run with one validation has one point, which a line cannot show.
    return LineChart(
      title: "Loss per character", xLabel: "iteration", yLabel: "loss per character",
      series: [
        .init(name: "training, smoothed (a moving average: it lags)", points: training),
        .init(name: "training, mean since the last validation", points: means, colour: 1),
        .init(name: "", points: means, style: .dots, colour: 1),
        .init(name: "validation", points: validation, colour: 2),
        .init(name: "", points: validation, style: .dots, colour: 2),
      ],
      note: diagnosis.chartNote
    ).svg()
  }
}
