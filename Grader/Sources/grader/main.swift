import Foundation
import GraderCore

// The CLI layer: parse, dispatch, and turn every error into one line and a non-zero exit.

func main() -> Int32 {
  do {
    let arguments = try Arguments(Array(CommandLine.arguments.dropFirst()))
    if arguments.help || arguments.words.first == "help" {
      print(Arguments.usage)
      return 0
    }
    let root = try findCourseRoot(
      from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    let grader = try Grader(root: root)
    let commands = Commands(
      grader: grader, arguments: arguments,
      text: TextReport(course: grader.course, style: .forStandardOutput()))
    let words = arguments.words
    switch words.first {
    case nil: return try commands.overview()
    case "list": return commands.list()
    case "hint": return try commands.hint(Array(words.dropFirst()))
    case "check": return try commands.check()
    case "benchmark": return try commands.benchmark()
    case "sync": return try commands.sync(Array(words.dropFirst()))
    case "reset": return try commands.reset(Array(words.dropFirst()))
    case "new": return try commands.new(Array(words.dropFirst()))
    case "compare": return try commands.compare(Array(words.dropFirst()))
    case "watch": return try Watch(commands: commands).run(words.dropFirst().first)
    case let name?:
      guard words.count == 1 else {
        throw GraderError(
          "one exercise at a time: `swift run grader \(name)` (see `swift run grader help`)")
      }
      return try commands.grade(name)
    }
  } catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    return 2
  }
}

exit(main())
