import CourseSupport
import Foundation
import ReferenceRNN

/// What one `rnn rollout` run writes: results.json, horizon.svg, frames.svg (and .png).
struct RolloutResults: Encodable {
  var run: RolloutRun
  var positionFloor: Double
}

func writeRollout(_ run: RolloutRun, predictor: StepPredictor, data: RolloutData, to folder: String)
  throws
{
  let floor = data.positionFloor
  try writeAtomically(
    try json(RolloutResults(run: run, positionFloor: floor)), to: folder + "/results.json")
  try writeAtomically(
    horizonChart(
      [("this run", run.score, 0, LineChart.Style.line)], floor: floor, title: run.title),
    to: folder + "/horizon.svg")
  let strip = frameStrip(predictor, episode: data.test[0], pca: data.pca)
  try writePNG(strip.image, to: folder + "/frames.png")
  try writeAtomically(strip.frame, to: folder + "/frames.svg")
  let s = run.score
  let measured = String(
    format:
      "one step ahead (fed the truth): latent error %.4f\nfed itself, at horizons 1, 5, 20, 50: latent %.4f, %.4f, %.4f, %.4f; ball off by %.2f, %.2f, %.2f, %.2f pixels\nthe encoder's floor: %.2f pixels (decode(encode(frame)) against the truth)",
    s.oneStep, s.latent[0], s.latent[4], s.latent[19], s.latent[49], s.position[0],
    s.position[4], s.position[19], s.position[49], floor)
  print(measured)
  print("written: \(folder)/results.json, horizon.svg, frames.svg (and frames.png)")
  try writePage(folder, command: "rollout", printed: measured.components(separatedBy: "\n"))
}

extension RolloutRun {
  var title: String {
    "\(kind.title), \(residual ? "residual" : "absolute"), \(schedule.title), seed \(seed)"
  }
}

/// A curve of the task's error against the horizon: its legend entry, its scores, its colour
/// and its style.
typealias HorizonCurve = (name: String, score: RolloutScore, colour: Int, style: LineChart.Style)

/// The task's error against the horizon: how far the ball read from each decoded prediction is
/// from the real one, with the encoder's floor dashed. (The latent error is in the table and
/// results.json.)
func horizonChart(_ curves: [HorizonCurve], floor: Double, title: String) -> String {
  LineChart(
    title: "Fed its own predictions: how far off the ball is",
    xLabel: "horizon (steps after 10 true ones)",
    yLabel: "distance to the true ball (pixels)", series: horizonSeries(curves, floor: floor),
    note: title, yRange: 0...10
  ).svg()
}

/// The curves as series, and the encoder's floor, dashed grey, after them.
func horizonSeries(_ curves: [HorizonCurve], floor: Double) -> [LineChart.Series] {
  curves.map { c in
    LineChart.Series(
      name: c.name, points: c.score.position.enumerated().map { (Double($0 + 1), $1) },
      style: c.style, colour: c.colour)
  } + [
    .init(
      name: "the encoder's floor", points: [(1, floor), (Double(RolloutScore.horizon), floor)],
      style: .dashed, colour: 6)
  ]
}

/// The ablation's horizon.svg: one panel per schedule, on the same axes, each with its
/// absolute (solid) and residual (dashed) curve and the floor.
func ablationHorizonChart(_ rows: [AblationRow], floor: Double, seeds: [UInt64]) -> String {
  // From 0, to keep the floor in view; to the next whole pixel, so that the curves fill a panel.
  let top = max(floor, rows.flatMap(\.mean.position).filter(\.isFinite).max() ?? 10)
  let panels = ScheduleChoice.allCases.map { schedule in
    let curves: [HorizonCurve] = rows.filter { $0.schedule == schedule }.map { row in
      row.residual
        ? ("residual", row.mean, 1, .dashed) : ("absolute", row.mean, 0, .line)
    }
    return LineChart(
      title: schedule.title, xLabel: "horizon (steps after 10 true ones)",
      yLabel: "pixels from the true ball", series: horizonSeries(curves, floor: floor),
      yRange: 0...top.rounded(.up))
  }
  return ChartGrid(
    title: "Fed its own predictions: how far off the ball is, schedule by schedule",
    note:
      "means over seeds \(seeds.map(String.init).joined(separator: ", ")); the same axes in every panel",
    panels: panels, columns: 3
  ).svg(panelWidth: 360, panelHeight: 270)
}

/// One test episode at horizons 1, 5, 10, 20, 35 and 50: the world's frame, what the encoder
/// keeps of it (decode(encode(frame))), and the model's prediction, decoded.
func frameStrip(_ predictor: StepPredictor, episode: LatentEpisode, pca: PCA) -> (
  image: PNGImage, frame: String
) {
  let horizons = [1, 5, 10, 20, 35, 50]
  let warmup = RolloutScore.warmup
  let rollout = Reference.freeRunning(
    predictor, latents: episode.latents, actions: episode.actions, warmup: warmup,
    horizon: RolloutScore.horizon)
  let (scale, gap) = (8, 8)
  let side = BallWorld.side * scale
  var image = PNGImage(width: horizons.count * (side + gap) + gap, height: 3 * side + 4 * gap)
  for (k, h) in horizons.enumerated() {
    let t = warmup + h - 1
    let rows = [
      BallWorld.frame(at: episode.positions[t]), Reference.decode(episode.latents[t], pca),
      Reference.decode(rollout[h - 1], pca),
    ]
    for (row, frame) in rows.enumerated() {
      for i in frame.indices {
        let grey = UInt8(255 * (1 - min(max(frame[i], 0), 1)))
        image.fillSquare(
          x: gap + k * (side + gap) + (i % BallWorld.side) * scale,
          y: gap + row * (side + gap) + (i / BallWorld.side) * scale, size: scale,
          (grey, grey, grey))
      }
    }
  }
  let labels =
    horizons.enumerated().map { k, h in
      FrameLabel.column("horizon \(h)", centre: gap + k * (side + gap) + side / 2)
    }
    + ["the world", "what the encoder keeps", "predicted"].enumerated().map { row, name in
      FrameLabel.row(name, centre: gap + row * (side + gap) + side / 2)
    }
  let frame = svgFrame(
    image: image, picture: "frames.png",
    title: "One test episode, the model fed its own predictions",
    labels: labels)
  return (image, frame)
}
