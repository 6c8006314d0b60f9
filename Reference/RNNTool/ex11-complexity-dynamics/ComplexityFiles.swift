import CourseSupport
import Foundation
import ReferenceRNN

extension ComplexityStudy {
  /// table.md, results.json and the pictures in `folder`; the table printed.
  func write(to folder: String) throws {
    let table = markdown()
    try writeAtomically(table, to: folder + "/table.md")
    try writeAtomically(try json(self), to: folder + "/results.json")
    let ruleScale = max(1, min(4, 1200 / settings.width))
    try writePNG(automatonPicture(ruleRows, scale: ruleScale), to: folder + "/rule.png")
    for model in CoffeeModel.allCases {
      let run = run(model, .deflate)
      let scale = max(1, 192 / settings.n)
      let name = "snapshots-\(model.rawValue)"
      let image = snapshotPicture(run, scale: scale)
      try writePNG(image, to: "\(folder)/\(name).png")
      try writeAtomically(
        snapshotFrame(run, image: image, scale: scale, picture: name + ".png", seed: settings.seed),
        to: "\(folder)/\(name).svg")
      try writeAtomically(curveChart(run), to: folder + "/curves-\(model.rawValue).svg")
    }
    try writeAtomically(compressorChart(), to: folder + "/compressors.svg")
    try writeAtomically(scalingChart(), to: folder + "/scaling.svg")
    print(table)
    print(
      "written: \(folder)/table.md, results.json, rule.png, snapshots-*.svg (and .png), curves-*.svg, compressors.svg, scaling.svg"
    )
    try writePage(folder, command: "complexity")
  }

  func curveChart(_ run: CoffeeRun) -> String {
    let t = { (p: CurvePoint) in run.model.time(p.step, n: run.n) }
    let series = [
      LineChart.Series(
        name: "entropy (the cup)", points: run.points.map { (t($0), Double($0.entropy)) }),
      LineChart.Series(
        name: "complexity (3 buckets)", points: run.points.map { (t($0), Double($0.complexity)) }),
      LineChart.Series(
        name: "complexity (\(run.adjustment.rawValue))",
        points: run.points.map { (t($0), Double($0.adjustedComplexity)) }),
    ]
    return LineChart(
      title:
        "The \(run.model.rawValue) cup, \(run.n) × \(run.n), grain \(run.grain), seed \(settings.seed), \(run.adjustment.rawValue)",
      xLabel: run.model.timeUnit, yLabel: "compressed size (bits, deflate)", series: series,
      note: "entropy: the fine-grained cup compressed; complexity: its coarse-graining compressed"
    ).svg()
  }

  /// The interacting cup's curves, each divided by its own largest value, under both coders.
  func compressorChart() -> String {
    var series: [LineChart.Series] = []
    for (k, compressor) in Compressor.allCases.enumerated() {
      let run = run(.interacting, compressor)
      let (e, c) = (
        Double(run.points.map(\.entropy).max()!), Double(run.points.map(\.complexity).max()!)
      )
      let t = { (p: CurvePoint) in CoffeeModel.interacting.time(p.step, n: run.n) }
      series.append(
        .init(
          name: "complexity, \(compressor.rawValue)",
          points: run.points.map { (t($0), Double($0.complexity) / c) }, colour: k))
      series.append(
        .init(
          name: "entropy, \(compressor.rawValue)",
          points: run.points.map { (t($0), Double($0.entropy) / e) },
          style: .dashed, colour: k))
    }
    return LineChart(
      title: "Does the coder matter? The interacting cup under LZW and deflate",
      xLabel: CoffeeModel.interacting.timeUnit, yLabel: "share of its own largest value",
      series: series, yRange: 0...1.05
    ).svg()
  }

  /// Log–log: each size and seed as a dot, each fitted power law as a line.
  func scalingChart() -> String {
    let quantities: [(String, (ScalingRecord) -> Double, Double)] = [
      ("largest entropy (bits)", { Double($0.row.maxEntropy) }, exponents.entropy),
      ("largest complexity (bits)", { Double($0.row.maxComplexity) }, exponents.complexity),
      (
        "largest adjusted complexity (bits)", { Double($0.maxAdjustedComplexity) },
        exponents.adjustedComplexity
      ),
      ("time of the peak (sweeps)", { $0.peakSweeps }, exponents.peakSweeps),
    ]
    var series: [LineChart.Series] = []
    let n = scaling.map { Double($0.row.n) }
    let ends = [n.min()!, n.max()!]
    for (k, (name, value, exponent)) in quantities.enumerated() {
      let ys = scaling.map(value)
      let fit = Reference.powerLawFit(n, ys)
      series.append(
        .init(name: "", points: Array(zip(n, ys)).map { ($0, $1) }, style: .dots, colour: k))
      series.append(
        .init(
          name: String(format: "%@ ∝ n^%.2f", name, exponent),
          points: ends.map { ($0, fit.coefficient * pow($0, fit.exponent)) }, colour: k))
    }
    return LineChart(
      title: "How the cup's numbers grow with its side n (interacting, deflate)", xLabel: "n",
      yLabel: "value", series: series, logY: true, logX: true,
      note: "least squares on the logarithms; the paper gives no exponents to compare with",
      xTicks: settings.sizes.map(Double.init)
    ).svg()
  }
}

func writePNG(_ image: PNGImage, to path: String) throws {
  try Data(image.encoded()).write(to: URL(fileURLWithPath: path), options: .atomic)
}
