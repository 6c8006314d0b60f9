import GraderCore

/// What the user typed, parsed by hand: the grader's options are few and fixed.
struct Arguments {
  var words: [String] = []
  var solution = false
  var json = false
  var level: Int?
  var title: String?
  var help = false

  static let usage = """
    usage: swift run grader [exNN] [--solution] [--json]
           swift run grader hint exNN [task] [--level N]
           swift run grader watch [exNN]
           swift run grader compare exNN
           swift run grader reset exNN
           swift run grader new exNN-short-name [--title "Title"]
           swift run grader sync [exNN]
           swift run grader list | check | benchmark | help

      (nothing)     the course at a glance and what to do next
      exNN          grade one exercise, task by task (exit 0 only when all pass)
      --solution    grade the Solutions/ instead of your Exercises/
      --json        machine-readable results (status, message, location, duration per task)
      hint          hints for a task, one level at a time (--level N shows more)
      list          the exercises and their tasks
      compare       run your code and the solution on the same inputs; show the first difference
      watch         re-grade on every save, move on when an exercise is done (q quits)
      reset         put an exercise's stubs back (your files are backed up first)
      new           scaffold an exercise: solution, stub, lesson, suite, registry, Package.swift
      sync          write the Exercises' stubs from the Solutions' marked regions
      check         the course's own test: Solutions pass, stubs are TODO, grader tests pass
      benchmark     the grader's speed on a fresh copy: a cold run, then edit-and-grade
    """

  init(_ raw: [String]) throws {
    var rest = raw[...]
    while let word = rest.popFirst() {
      switch word {
      case "--solution", "--solutions": solution = true
      case "--json": json = true
      case "-h", "--help": help = true
      case "--title":
        guard let value = rest.popFirst() else {
          throw GraderError("--title needs a value, e.g. --title \"Temperature sampling\"")
        }
        title = value
      case "--level":
        guard let value = rest.popFirst() else {
          throw GraderError("--level needs a number, e.g. --level 2")
        }
        level = try Self.level(value)
      default:
        if word.hasPrefix("--level=") {
          level = try Self.level(String(word.dropFirst("--level=".count)))
        } else if word.hasPrefix("-") {
          throw GraderError("unknown option \(word) (see `swift run grader help`)")
        } else {
          words.append(word)
        }
      }
    }
  }

  static func level(_ text: String) throws -> Int {
    guard let n = Int(text), n >= 1 else {
      throw GraderError("--level needs a whole number from 1 up, got \"\(text)\"")
    }
    return n
  }
}
