import CourseSupport
import Foundation
import GraderCore
import ReferenceRNN

/// `rnn gradient-flow`: lesson ex05's pictures. A model reading the built-in play, in the linear
/// regime (inputs ×1e-12), with Whh scaled to spectral radius ρ; the norm of ∂L_last/∂h_t for every step back, for several ρ
/// and sequence lengths (log scale: straight lines of slope ln ρ), and a heatmap of |∂L_last/∂h_t|
/// per hidden unit and time step. Writes SVGs and the numbers behind them to the output folder.
let gradientFlowCommand = Subcommand(
  "gradient-flow", "[--out runs/gradient-flow] [--seed 21]",
  "lesson ex05: gradient norms through time for several spectral radii, plots and data",
  valued: ["out", "seed"], run: gradientFlow)

func gradientFlow(_ options: CommandLineOptions) throws -> Int32 {
  let folder = options.string("out") ?? "runs/gradient-flow"
  let seed = UInt64(try options.int("seed", default: 21, minimum: 0))

  // The model reads the start of the built-in play; inputs ×1e-12 keep it in the linear regime,
  // where the law is clean.
  let text = BuiltInCorpus.play.text(characters: 200, seed: seed)
  let vocabulary = Vocabulary(text: text)
  let indices = vocabulary.encode(text) ?? []
  func norms(radius: Double, length: Int) -> (norms: [Double], gradients: [Vector]) {
    var rng = SeededGenerator(seed: seed)
    let v = vocabulary.count
    var p = RNNParameters.random(hiddenSize: 32, vocabularySize: v, scale: 1e-12, using: &rng)
    p.Whh = Reference.scaled(
      Matrix.random(32, 32, scale: 1 / 32.0.squareRoot(), using: &rng), toSpectralRadius: radius)
    p.Why = Matrix.random(v, 32, scale: 0.1, using: &rng)
    let pass = Reference.forward(
      inputs: Array(indices[0..<length]), targets: Array(indices[1...length]), hPrev: .zeros(32),
      parameters: p)
    let g = Reference.gradientsThroughTime(pass, parameters: p)
    return (g.map(\.norm), g)
  }
  func stepsBack(_ values: [Double]) -> [(x: Double, y: Double)] {
    values.reversed().enumerated().map { (x: Double($0.offset), y: $0.element) }
  }

  var data: [String: [Double]] = [:]
  var byRadius: [LineChart.Series] = []
  var printed = Transcript()
  for radius in [0.5, 0.9, 1.0, 1.1, 1.5] {
    let n = norms(radius: radius, length: 50).norms
    data["T=50 rho=\(radius)"] = n
    byRadius.append(.init(name: "ρ = \(radius)", points: stepsBack(n)))
    let slope = log(n[0] / n[n.count - 1]) / Double(n.count - 1)
    printed.say(
      String(
        format:
          "ρ = %.1f   ‖g_0‖ / ‖g_49‖ = %.3g   mean slope of ln‖g‖ per step back %+.3f   (ln ρ = %+.3f)",
        radius, n[0] / n[n.count - 1], slope, log(radius)))
  }
  var byLength: [LineChart.Series] = []
  for length in [10, 25, 50] {
    let n = norms(radius: 0.9, length: length).norms
    data["T=\(length) rho=0.9"] = n
    byLength.append(.init(name: "T = \(length)", points: stepsBack(n)))
  }
  let heat = norms(radius: 1.1, length: 50).gradients
  let cells = (0..<32).map { unit in heat.map { abs($0[unit]) } }

  try writeAtomically(
    LineChart(
      title: "‖∂L_last/∂h_t‖ by spectral radius of Whh (T = 50)", xLabel: "steps back from the end",
      yLabel: "gradient norm", series: byRadius, logY: true,
      note: "slope of each line = ln ρ: below 1 it vanishes, above 1 it explodes"
    ).svg(), to: folder + "/norms-by-radius.svg")
  try writeAtomically(
    LineChart(
      title: "‖∂L_last/∂h_t‖ by sequence length (ρ = 0.9)", xLabel: "steps back from the end",
      yLabel: "gradient norm", series: byLength, logY: true
    ).svg(), to: folder + "/norms-by-length.svg")
  try writeAtomically(
    Heatmap(
      title: "|∂L_last/∂h_t| per hidden unit and time step (ρ = 1.1)", xLabel: "time step t",
      yLabel: "hidden unit", values: cells, logScale: true
    ).svg(), to: folder + "/gradients-heatmap.svg")
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
  try writeAtomically(
    String(decoding: try encoder.encode(data), as: UTF8.self), to: folder + "/norms.json")
  print(
    "written: \(folder)/norms-by-radius.svg, norms-by-length.svg, gradients-heatmap.svg, norms.json"
  )
  try writePage(folder, command: "gradient-flow", printed: printed.lines)
  return 0
}
