import CourseSupport
import Foundation
import GraderCore
import ReferenceRNN

let rolloutCommand = Subcommand(
  "rollout",
  "[--model \(ModelKind.choices)] [--schedule \(ScheduleChoice.choices)]\n"
    + "      [--residual] [--iters 3000] [--hidden 32] [--seed 1] [--out runs/rollout]\n"
    + "      | --ablation [--model \(ModelKind.choices)] [--iters 3000] [--hidden 32] [--seeds 1,2,3] [--out runs/ablation]",
  """
  lesson ex10: a predictor of the ball world's encoded frames, trained with a sampling schedule,
  scored fed the truth and fed itself: horizon.svg (error against horizon, with the encoder's
  floor), frames.svg (true and predicted frames), results.json. With --ablation, every schedule
  with absolute and residual prediction over several seeds: table.md, horizon.svg, results.json
  """,
  valued: ["model", "schedule", "iters", "hidden", "seed", "seeds", "out"],
  flags: ["residual", "ablation"], run: rollout)

/// The budget every rollout run shares, checked.
struct RolloutSettings: Codable {
  var kind: ModelKind
  var iterations: Int
  var hidden: Int

  init(_ options: CommandLineOptions) throws {
    kind = try options.choice("model", default: ModelKind.lstm)
    iterations = try options.int("iters", default: 3000)
    hidden = try options.int("hidden", default: 32)
    guard iterations <= 1_000_000, hidden <= 512 else {
      throw CommandLineOptions.Problem(
        "--iters is at most 1,000,000 and --hidden at most 512 (a run would take days)")
    }
  }
}

func rollout(_ options: CommandLineOptions) throws -> Int32 {
  let settings = try RolloutSettings(options)
  if options.has("ablation") {
    let seeds = try options.wholeNumbers("seeds", default: [1, 2, 3]).map(UInt64.init)
    let folder = options.string("out") ?? "runs/ablation"
    try RunFolder(path: folder).prepareForOutput()
    try runAblation(settings, seeds: seeds, folder: folder)
    return 0
  }
  let schedule = try options.choice("schedule", default: ScheduleChoice.teacherForcing)
  let seed = UInt64(try options.int("seed", default: 1))
  let folder = options.string("out") ?? "runs/rollout"
  try RunFolder(path: folder).prepareForOutput()
  let residual = options.has("residual")
  print(
    "the ball world: \(settings.kind.withArticle) of H = \(settings.hidden), \(residual ? "residual" : "absolute") prediction, \(schedule.title), \(settings.iterations) windows of 20 steps, seed \(seed)…"
  )
  let data = RolloutData()
  let (run, predictor) = Reference.rolloutRun(
    settings.kind, schedule: schedule, residual: residual, hiddenSize: settings.hidden,
    iterations: settings.iterations, seed: seed, data: data)
  try writeRollout(run, predictor: predictor, data: data, to: folder)
  return 0
}
