import CourseSupport
import GraderCore
import ReferenceRNN

/// `rnn complexity --grain`: one odd window for every cup, or the paper's, the odd number
/// nearest √n for each cup. Written to results.json as the number or as "sqrt".
enum ComplexityGrain: Equatable, Encodable, CustomStringConvertible {
  case fixed(Int)
  case squareRoot

  static let problem = "--grain needs an odd window no wider than the smallest cup, or sqrt"

  init(_ options: CommandLineOptions) throws {
    guard let text = options.string("grain") else {
      self = .fixed(9)
      return
    }
    if text == "sqrt" {
      self = .squareRoot
    } else if let g = Int(text), g >= 1, g % 2 == 1 {
      self = .fixed(g)
    } else {
      throw CommandLineOptions.Problem("\(Self.problem), got \"\(text)\"")
    }
  }

  /// The window for a cup of side n.
  func size(n: Int) -> Int {
    switch self {
    case .fixed(let g): g
    case .squareRoot: Reference.squareRootGrain(n: n)
    }
  }

  var description: String {
    switch self {
    case .fixed(let g): "\(g)"
    case .squareRoot: "sqrt"
    }
  }

  func encode(to encoder: Encoder) throws {
    var c = encoder.singleValueContainer()
    switch self {
    case .fixed(let g): try c.encode(g)
    case .squareRoot: try c.encode("sqrt")
    }
  }
}
