import Foundation
import GraderCore

// The CLI layer: the subcommands, each parsed by the shared parser, which answers `help` and
// `<command> --help` and turns every error into one line and a non-zero exit.

/// The course found from the current folder, and the commands on it.
func commands(_ options: CommandLineOptions) throws -> Commands {
  let root = try findCourseRoot(
    from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
  let grader = try Grader(root: root)
  return Commands(
    grader: grader, options: options,
    text: TextReport(course: grader.course, style: .forStandardOutput()))
}

let tool = CommandLineTool(
  invocation: "swift run grader",
  commands: [
    Subcommand(
      "hint", "exNN [task] [--level N]",
      "hints for a task, one level at a time (--level N shows more)", valued: ["level"]
    ) { try commands($0).hint($0.words) },
    Subcommand("list", "", "the exercises and their tasks") { try commands($0).list() },
    Subcommand(
      "watch", "[exNN]", "re-grade on every save, move on when an exercise is done (q quits)"
    ) { try Watch(commands: commands($0)).run($0.words.first) },
    Subcommand(
      "compare", "exNN",
      "run your code and the solution on the same inputs; show the first difference"
    ) { try commands($0).compare($0.words) },
    Subcommand(
      "reset", "exNN [--yes]",
      "put an exercise's stubs back (asks first; your files are backed up first)",
      flags: ["yes"]
    ) { try commands($0).reset($0.words) },
    Subcommand(
      "scratch", "[arguments]",
      "build and run your scratch pad, Exercises/Scratch/main.swift (see Exercises/swift-primer.md)"
    ) { try commands($0).scratch($0.words) },
    Subcommand(
      "new", "exNN-short-name [--title \"Title\"]",
      "scaffold an exercise: solution, stub, lesson, suite, registry, Package.swift",
      valued: ["title"]
    ) { try commands($0).new($0.words) },
    Subcommand(
      "sync", "[exNN]", "write the Exercises' stubs from the Solutions' marked regions"
    ) { try commands($0).sync($0.words) },
    Subcommand(
      "check", "", "the course's own test: Solutions pass, stubs are TODO, grader tests pass"
    ) { try commands($0).check() },
    Subcommand(
      "mistakes", "[exNN] [--show]",
      "plant each recorded mistake in a copy of the course and judge its message (--show prints all)",
      flags: ["show"]
    ) { try commands($0).mistakes($0.words) },
    Subcommand(
      "benchmark", "", "the grader's speed on a fresh copy: a cold run, then edit-and-grade"
    ) { try commands($0).benchmark() },
  ],
  fallback: Subcommand(
    "[exNN]", "[--solution] [--json]",
    """
    nothing: the course at a glance and what to do next; exNN: grade one exercise, task by task
    (exit 0 only when all pass); --solution grades Solutions/ instead of your Exercises/;
    --json gives machine-readable results
    """,
    flags: ["solution", "solutions", "json"]
  ) { options in
    let commands = try commands(options)
    switch options.words.count {
    case 0: return try commands.overview()
    case 1: return try commands.grade(options.words[0])
    default:
      throw GraderError(
        "one exercise at a time: `swift run grader \(options.words[0])` (see `swift run grader help`)"
      )
    }
  })

// Tasks run in process groups of their own: Ctrl-C must end them too.
stopChildrenOnInterrupt()
exit(tool.run(Array(CommandLine.arguments.dropFirst())))
