/// A small parser for `command word --name value --flag` command lines: what the course's
/// tools (`grader` and `rnn`) need, with one clear line for every mistake. `--help` and `-h`
/// are always understood.
public struct CommandLineOptions: Sendable {
  public private(set) var words: [String] = []
  private var values: [String: [String]] = [:]
  private var flags: Set<String> = []
  /// `--help` or `-h` was given: show the usage instead.
  public private(set) var wantsHelp = false

  public struct Problem: Error, CustomStringConvertible, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
  }

  /// - Parameters:
  ///   - valued: option names that take a value (`--hidden 100` or `--hidden=100`).
  ///   - flags: option names that stand alone (`--mine`).
  public init(_ arguments: [String], valued: Set<String>, flags known: Set<String> = [])
    throws(Problem)
  {
    var rest = arguments[...]
    while let word = rest.popFirst() {
      if word == "--help" || word == "-h" {
        wantsHelp = true
        continue
      }
      guard word.hasPrefix("--") else {
        words.append(word)
        continue
      }
      var name = String(word.dropFirst(2))
      var value: String?
      if let equals = name.firstIndex(of: "=") {
        value = String(name[name.index(after: equals)...])
        name = String(name[..<equals])
      }
      if known.contains(name), value == nil {
        flags.insert(name)
      } else if valued.contains(name) {
        guard let given = value ?? rest.popFirst() else { throw Problem("--\(name) needs a value") }
        values[name, default: []].append(given)
      } else {
        let all = (valued.union(known)).sorted().map { "--" + $0 }.joined(separator: ", ")
        throw Problem("unknown option --\(name) (known: \(all))")
      }
    }
  }

  public func has(_ flag: String) -> Bool { flags.contains(flag) }
  /// The option's value; the last one when it was given several times.
  public func string(_ name: String) -> String? { values[name]?.last }

  /// Every value of an option that may be given several times (`--author a=x --author b=y`).
  public func strings(_ name: String) -> [String] { values[name] ?? [] }

  /// A whole number ≥ `minimum`, or `fallback` when the option is absent.
  public func int(_ name: String, default fallback: Int, minimum: Int = 1) throws(Problem) -> Int {
    guard let text = values[name]?.last else { return fallback }
    guard let n = Int(text), n >= minimum else {
      throw Problem("--\(name) needs a whole number of at least \(minimum), got \"\(text)\"")
    }
    return n
  }

  /// `--name 5,10,20`: whole numbers ≥ `minimum`, or `fallback` when the option is absent.
  public func wholeNumbers(_ name: String, default fallback: [Int], minimum: Int = 1)
    throws(Problem)
    -> [Int]
  {
    guard let text = values[name]?.last else { return fallback }
    let numbers = text.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
    guard !numbers.isEmpty, numbers.allSatisfy({ ($0 ?? Int.min) >= minimum }) else {
      throw Problem(
        "--\(name) needs whole numbers of at least \(minimum), separated by commas, got \"\(text)\""
      )
    }
    return numbers.map { $0! }
  }

  /// A number in [0, 1), or `fallback` when the option is absent.
  public func fraction(_ name: String, default fallback: Double) throws(Problem) -> Double {
    guard let text = values[name]?.last else { return fallback }
    guard let x = Double(text), x >= 0, x < 1 else {
      throw Problem("--\(name) needs a number from 0 up to (not including) 1, got \"\(text)\"")
    }
    return x
  }

  /// A finite number above 0, or `fallback` when the option is absent.
  public func positive(_ name: String, default fallback: Double) throws(Problem) -> Double {
    guard let text = values[name]?.last else { return fallback }
    guard let x = Double(text), x.isFinite, x > 0 else {
      throw Problem("--\(name) needs a number above 0, got \"\(text)\"")
    }
    return x
  }

  /// One of `choices`, or `fallback` when the option is absent.
  public func choice<T: RawRepresentable & CaseIterable>(_ name: String, default fallback: T)
    throws(Problem) -> T
  where T.RawValue == String {
    guard let text = values[name]?.last else { return fallback }
    guard let value = T(rawValue: text) else {
      let known = T.allCases.map(\.rawValue).joined(separator: ", ")
      throw Problem("--\(name) must be one of \(known), got \"\(text)\"")
    }
    return value
  }
}

extension CaseIterable where Self: RawRepresentable, Self.RawValue == String {
  /// "play|code|wiki": the choices for a usage line, from the type itself, so that a new case
  /// shows up in every command's help.
  public static var choices: String { allCases.map(\.rawValue).joined(separator: "|") }
}
