import CourseSupport
import Foundation

extension Reference {
  /// `model` reading `text` from `start` (a zero state when nil): after each character, the top
  /// layer's h and, when asked, ln p of every character that may come next. What the author
  /// classifiers and `rnn fresh-state`'s pictures read; on the model's fast path where it has
  /// one (`LanguageModel.reader`).
  public static func read<M: LanguageModel>(
    _ text: [Int], model: M, parameters p: M.Parameters, from start: M.State? = nil,
    probabilities: Bool = true
  ) -> (hidden: [Vector], logProbabilities: [Vector]) {
    let reader = model.reader(parameters: p, from: start ?? model.zeroState())
    var hidden: [Vector] = []
    var logProbabilities: [Vector] = []
    for x in text {
      let scores = reader.read(x)
      hidden.append(reader.hidden)
      if probabilities {
        // log-softmax, the largest score subtracted first so that nothing overflows
        let m = scores.max()
        let logSum = m + log(scores.map { exp($0 - m) }.sum())
        logProbabilities.append(scores.map { $0 - logSum })
      }
    }
    return (hidden, logProbabilities)
  }
}
