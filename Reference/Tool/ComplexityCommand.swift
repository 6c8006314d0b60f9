import CourseSupport
import Foundation
import GraderCore
import ReferenceRNN

let complexityCommand = Subcommand(
  "complexity",
  "[--rule 30] [--width 201] [--rows 100] [--n 64] [--grain 9] [--seed 1]\n"
    + "      [--sizes 32,48,64,96] [--seeds 1,2,3] [--out runs/complexity]",
  """
  lesson ex11: an elementary automaton's space-time diagram and block entropy; the coffee
  automaton, both models, measured by LZW and by deflate (curves and snapshots); and how the
  largest entropy, the largest complexity and the time of the peak grow with the cup: table.md,
  results.json, rule.png, snapshots-*.png, curves-*.svg, compressors.svg, scaling.svg
  """,
  valued: ["rule", "width", "rows", "n", "grain", "seed", "sizes", "seeds", "out"],
  run: complexity)

/// What `rnn complexity` was asked to do, checked.
struct ComplexitySettings: Codable {
  var rule: Int
  var width: Int
  var rows: Int
  var n: Int
  var grain: Int
  var seed: UInt64
  var sizes: [Int]
  var seeds: [UInt64]

  init(_ options: CommandLineOptions) throws {
    rule = try options.int("rule", default: 30, minimum: 0)
    width = try options.int("width", default: 201, minimum: 3)
    rows = try options.int("rows", default: 100)
    n = try options.int("n", default: 64, minimum: 8)
    grain = try options.int("grain", default: 9)
    seed = UInt64(try options.int("seed", default: 1))
    sizes = try options.wholeNumbers("sizes", default: [32, 48, 64, 96], minimum: 8)
    seeds = try options.wholeNumbers("seeds", default: [1, 2, 3]).map(UInt64.init)
    try check()
  }

  func check() throws {
    typealias Problem = CommandLineOptions.Problem
    guard rule <= 255 else {
      throw Problem("--rule needs an elementary rule, 0 to 255, got \(rule)")
    }
    guard width <= 4000, rows <= 4000 else {
      throw Problem("--width and --rows are at most 4,000 (a picture of 16 million cells)")
    }
    for size in [n] + sizes where size > 256 || size % 2 == 1 {
      throw Problem(
        "a cup's side must be even and at most 256 (mixing takes time ∝ n⁴), got \(size)")
    }
    guard grain % 2 == 1, grain <= sizes.min()!, grain <= n else {
      throw Problem("--grain needs an odd window no wider than the smallest cup, got \(grain)")
    }
    guard Set(sizes).count >= 2 else {
      throw Problem("--sizes needs at least two different sizes to fit a power law")
    }
  }
}

func complexity(_ options: CommandLineOptions) throws -> Int32 {
  let settings = try ComplexitySettings(options)
  let folder = options.string("out") ?? "runs/complexity"
  try RunFolder(path: folder).prepareForOutput()
  print(
    "rule \(settings.rule) on \(settings.width) cells; cups of \(settings.n) (both models, LZW and deflate) and of \(settings.sizes.map(String.init).joined(separator: ", ")) (seeds \(settings.seeds.map(String.init).joined(separator: ", ")))…"
  )
  let study = ComplexityStudy(settings)
  try study.write(to: folder)
  return 0
}
