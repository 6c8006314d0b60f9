import CourseSupport
import Foundation

/// A model reading characters one at a time from a state it carries: after each, the scores of
/// the next character (softmax turns them into its distribution) and the top layer's h. What
/// sampling, scoring and the author classifiers run on: the fast path's window code at T = 1
/// where the model has one (`LanguageModel.reader`), `step` otherwise.
public protocol CharacterReader: AnyObject {
  /// Reads `x`: the scores of the character after it, equal to the reference's up to a constant
  /// added to all (softmax does not see it) and rounding.
  func read(_ x: Int) -> Vector
  /// The top layer's h after the last character read.
  var hidden: Vector { get }
}

/// The reference's reader: `LanguageModel.step`, one character at a time.
public final class StepReader<M: LanguageModel>: CharacterReader {
  let model: M
  let parameters: M.Parameters
  var state: M.State

  /// `model` with `parameters`, from `state`.
  public init(_ model: M, parameters: M.Parameters, from state: M.State) {
    self.model = model
    self.parameters = parameters
    self.state = state
  }

  /// y = Why·h + by after one step: see `CharacterReader.read`.
  public func read(_ x: Int) -> Vector {
    let next = model.step(input: x, from: state, parameters: parameters)
    state = next.state
    return next.scores
  }

  /// See `CharacterReader.hidden`.
  public var hidden: Vector { model.hidden(of: state) }
}

extension LanguageModel {
  /// The reference's reader, unless the model has a faster one.
  public func reader(parameters: Parameters, from state: State) -> any CharacterReader {
    StepReader(self, parameters: parameters, from: state)
  }
}

/// The scores a fast reader returns, ln p of every next character, from the softmax's row after
/// a window of one character scored against target 0: the row holds p − onehot(0), and the
/// window's loss −ln p[0], taken by the softmax in double before the 1 was subtracted (adding the
/// 1 back would lose p[0]'s digits below 1e-16).
func logProbabilities(row y: UnsafePointer<Double>, count: Int, targetLoss: Double) -> Vector {
  Vector((0..<count).map { $0 == 0 ? -targetLoss : Foundation.log(y[$0]) })
}
