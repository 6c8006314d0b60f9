/// An error the grader reports to the user as one line and a non-zero exit.
public struct GraderError: Error, CustomStringConvertible, Equatable {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
