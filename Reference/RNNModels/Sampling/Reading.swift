import CourseSupport
import Foundation

extension Reference {
  /// `model` reading `text` from `start` (a zero state when nil): after each character, the top
  /// layer's h and, when asked, ln p of every character that may come next. What the author
  /// classifiers and `rnn fresh-state`'s pictures read.
  public static func read<M: LanguageModel>(
    _ text: [Int], model: M, parameters p: M.Parameters, from start: M.State? = nil,
    probabilities: Bool = true
  ) -> (hidden: [Vector], logProbabilities: [Vector]) {
    var state = start ?? model.zeroState()
    var hidden: [Vector] = []
    var logProbabilities: [Vector] = []
    for x in text {
      let next = model.step(input: x, from: state, parameters: p)
      state = next.state
      hidden.append(model.hidden(of: state))
      if probabilities {
        // log-softmax, the largest score subtracted first so that nothing overflows
        let m = next.scores.max()
        let logSum = m + log(next.scores.map { exp($0 - m) }.sum())
        logProbabilities.append(next.scores.map { $0 - logSum })
      }
    }
    return (hidden, logProbabilities)
  }
}
