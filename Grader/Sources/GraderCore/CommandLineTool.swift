import Foundation

/// One subcommand of a tool: its name, its options, its usage, and what it does.
public struct Subcommand: Sendable {
  public let name: String
  /// What follows the name in a usage line, e.g. `--checkpoint FILE [--count 500]`.
  public let synopsis: String
  /// A line or two on what it does.
  public let summary: String
  public let valued: Set<String>
  public let flags: Set<String>
  public let run: @Sendable (CommandLineOptions) throws -> Int32

  public init(
    _ name: String, _ synopsis: String, _ summary: String, valued: Set<String> = [],
    flags: Set<String> = [], run: @escaping @Sendable (CommandLineOptions) throws -> Int32
  ) {
    self.name = name
    self.synopsis = synopsis
    self.summary = summary
    self.valued = valued
    self.flags = flags
    self.run = run
  }

  func usage(_ invocation: String) -> String {
    let line = [invocation, name, synopsis].filter { !$0.isEmpty }.joined(separator: " ")
    return "usage: \(line)\n\n" + indented(summary, by: 2)
  }
}

/// A command-line tool made of subcommands: dispatch, `help`, `--help` for the tool and for each
/// command, and every error as one line on standard error with exit status 2.
public struct CommandLineTool: Sendable {
  /// How a user starts it, e.g. `swift run -c release rnn`.
  public let invocation: String
  public let commands: [Subcommand]
  /// What runs when the first word names no command (the grader's `exNN`, or no word at all).
  public let fallback: Subcommand?

  public init(invocation: String, commands: [Subcommand], fallback: Subcommand? = nil) {
    self.invocation = invocation
    self.commands = commands
    self.fallback = fallback
  }

  public var usage: String {
    var lines = ["usage: \(invocation) <command> [options]", ""]
    for command in ([fallback].compactMap { $0 } + commands) {
      lines.append(
        indented(
          [command.name, command.synopsis].filter { !$0.isEmpty }.joined(separator: " "), by: 2))
      lines.append(indented(command.summary, by: 6))
    }
    lines.append("")
    lines.append("`\(invocation) <command> --help` shows one command's options.")
    return lines.joined(separator: "\n")
  }

  /// Runs the command `arguments` name and returns the exit status.
  public func run(_ arguments: [String]) -> Int32 {
    do {
      let first = arguments.first
      if first == nil && fallback == nil || first == "help" || first == "--help" || first == "-h" {
        print(usage)
        return 0
      }
      let named = commands.first { $0.name == first }
      guard let command = named ?? fallback else {
        throw CommandLineOptions.Problem(
          "unknown command \"\(first ?? "")\" (see `\(invocation) help`)")
      }
      let rest = named == nil ? arguments : Array(arguments.dropFirst())
      let options = try CommandLineOptions(rest, valued: command.valued, flags: command.flags)
      if options.wantsHelp {
        print(named == nil ? usage : command.usage(invocation))
        return 0
      }
      return try command.run(options)
    } catch {
      FileHandle.standardError.write(Data("error: \(error)\n".utf8))
      return 2
    }
  }
}

private func indented(_ text: String, by spaces: Int) -> String {
  let pad = String(repeating: " ", count: spaces)
  return text.split(separator: "\n", omittingEmptySubsequences: false).map { pad + $0 }.joined(
    separator: "\n")
}
