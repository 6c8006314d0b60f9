import CourseSupport
import Foundation

/// A training run still going, as its page shows it.
struct LiveTraining {
  var iteration: Int
  var total: Int
  /// The loss chart so far (SVG).
  var chart: String
  var samples: [RunSample]
}

/// The part of a page about a training run: what it measured (summary.json, or the run so far),
/// its loss chart and its samples over training.
struct TrainingPart {
  let folder: String
  let live: LiveTraining?

  private var run: RunFolder { RunFolder(path: folder) }

  /// Whether the part shows picture `name` itself (the loss chart).
  func shows(_ name: String) -> Bool { name == "loss.svg" && (live != nil || run.summary() != nil) }

  /// The part's HTML; nil for a folder without a run.
  func section(_ pictures: FolderPictures) -> String? {
    if let live {
      let status =
        "<p class=\"live\">Training: iteration \(live.iteration) of \(live.total). This page reloads itself every \(FolderPage.refreshSeconds) s until the run ends.</p>"
      let chart = dataURI(Data(live.chart.utf8), type: "image/svg+xml")
      return [
        "<h2>The run so far</h2>", status, figure(chart), samplesHTML(live.samples, latest: true),
      ]
      .joined(separator: "\n")
    }
    guard let summary = run.summary() else { return nil }
    return [
      "<h2>What the run measured</h2>", measured(summary), diagnosis(summary),
      pictures.dataURI("loss.svg").map(figure) ?? "", samplesHTML(run.loadSamples(), latest: false),
    ].joined(separator: "\n")
  }

  private func figure(_ uri: String) -> String {
    "<figure><img src=\"\(uri)\" alt=\"loss per character\"><figcaption>loss.svg</figcaption></figure>"
  }

  private func measured(_ s: RunSummary) -> String {
    let hp = s.hyperparameters
    var rows: [[String]] = [
      ["model", s.model.description], ["text", s.source],
      ["iterations", "\(s.iterations)"],
      ["sequence, learning rate, seed", "\(hp.sequenceLength), \(hp.learningRate), \(hp.seed)"],
      ["training loss per character (smoothed)", format(s.smoothLossPerCharacter)],
      ["validation loss per character", s.validationLossPerCharacter.map(format) ?? "—"],
      ["time, characters/s", String(format: "%.1f s, %.0f", s.seconds, s.charactersPerSecond)],
    ]
    if let structure = s.structure {
      rows.append([
        "structure (\(structure.metric))",
        String(format: "%.2f trained, %.2f untrained", structure.trained, structure.untrained),
      ])
    }
    return htmlTable(header: ["", "this run"], rows: rows)
  }

  private func diagnosis(_ s: RunSummary) -> String {
    let d = RunDiagnosis(
      curves: Diagnosis(rawValue: s.diagnosis ?? "") ?? .healthy, freshState: s.freshState,
      resets: s.hyperparameters.stateResets)
    return
      "<p>\(html(d.line))<br><span class=\"\(d.broken ? "broken" : "")\">\(html(d.freshStateLine))</span></p>"
  }

  /// Every sample, the latest first when training is still going.
  private func samplesHTML(_ samples: [RunSample], latest: Bool) -> String {
    guard !samples.isEmpty else { return "" }
    let ordered = latest ? samples.reversed() : samples
    let items = ordered.map {
      "<h3>iteration \($0.iteration), temperature \(String(format: "%g", $0.temperature))</h3>\n<pre>\(html($0.text))</pre>"
    }
    return "<h2>Samples over training</h2>\n" + items.joined(separator: "\n")
  }

  private func format(_ x: Double) -> String { String(format: "%.3f", x) }
}
