import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// ANSI colours, only for a terminal and never with NO_COLOR set (https://no-color.org).
public struct Style: Sendable {
  public let colors: Bool

  public init(colors: Bool) { self.colors = colors }

  /// Colours when standard output is a terminal, NO_COLOR is unset and TERM is not "dumb".
  public static func forStandardOutput() -> Style {
    let env = ProcessInfo.processInfo.environment
    let wanted = isatty(STDOUT_FILENO) != 0 && env["NO_COLOR"] == nil && env["TERM"] != "dumb"
    return Style(colors: wanted)
  }

  func paint(_ text: String, _ code: String) -> String {
    colors ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }
  public func green(_ t: String) -> String { paint(t, "32") }
  public func red(_ t: String) -> String { paint(t, "31") }
  public func yellow(_ t: String) -> String { paint(t, "33") }
  public func magenta(_ t: String) -> String { paint(t, "35") }
  public func dim(_ t: String) -> String { paint(t, "2") }
  public func bold(_ t: String) -> String { paint(t, "1") }
}
