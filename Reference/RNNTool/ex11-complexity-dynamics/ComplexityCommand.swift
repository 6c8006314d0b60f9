import CourseSupport
import Foundation
import GraderCore
import ReferenceRNN

let complexityCommand = Subcommand(
  "complexity",
  "[--rule 30] [--width 201] [--rows 100] [--n 64] [--grain 9|sqrt] [--seed 1]\n"
    + "      [--adjustment adjusted|released|released-rows|released-thirds]\n"
    + "      [--sizes 32,48,64,96] [--seeds 1,2,3] [--out runs/complexity]",
  """
  lesson ex11: an elementary automaton's space-time diagram and block entropy; the coffee
  automaton, both models, measured by LZW and by deflate (curves and snapshots); and how the
  largest entropy, the largest complexity and the time of the peak grow with the cup: table.md,
  results.json, rule.png, snapshots-*.png, curves-*.svg, compressors.svg, scaling.svg.
  --grain sqrt: the paper's grain, the odd number nearest √n for each cup (9 at n = 64).
  --adjustment: the seven-level coarse-graining. adjusted (the lesson's): in each row, cells
  within one level of the row's most common level take it. released: the paper's released
  code, both of its details; released-rows: a row takes its most common level only when all of
  it spans at most one level; released-thirds: the non-interacting cup's averages divided by 3.
  """,
  valued: [
    "rule", "width", "rows", "n", "grain", "adjustment", "seed", "sizes", "seeds", "out",
  ],
  run: complexity)

/// What `rnn complexity` was asked to do, checked.
struct ComplexitySettings: Encodable {
  var rule: Int
  var width: Int
  var rows: Int
  var n: Int
  var grain: ComplexityGrain
  var adjustment: Adjustment
  var seed: UInt64
  var sizes: [Int]
  var seeds: [UInt64]

  init(_ options: CommandLineOptions) throws {
    rule = try options.int("rule", default: 30, minimum: 0)
    width = try options.int("width", default: 201, minimum: 3)
    rows = try options.int("rows", default: 100)
    n = try options.int("n", default: 64, minimum: 8)
    grain = try ComplexityGrain(options)
    adjustment = try options.choice("adjustment", default: Adjustment.adjusted)
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
    guard grain.size(n: n) <= n, grain.size(n: sizes.min()!) <= sizes.min()! else {
      throw Problem("\(ComplexityGrain.problem), got \"\(grain)\"")
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
    "rule \(settings.rule) on \(settings.width) cells; cups of \(settings.n) (both models, LZW and deflate) and of \(settings.sizes.map(String.init).joined(separator: ", ")) (seeds \(settings.seeds.map(String.init).joined(separator: ", "))); grain \(settings.grain), adjustment \(settings.adjustment.rawValue)…"
  )
  let study = ComplexityStudy(settings)
  try study.write(to: folder)
  return 0
}
