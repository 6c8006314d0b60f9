import CourseSupport

/// Task 6 · how often the model names the key of a long-dependency example.
///
/// Each example is a `RecallTask` example's indices: "!", the key, the fillers, "?", the key,
/// a newline. For each, run `lstmForward` from a zero state over the characters up to and
/// including "?" (all but the last two; any targets will do, say each input's successor in the
/// example), and take the model's prediction after "?": the index of the largest probability
/// in the last step's p (`argmax()`). It is right when it equals the key, the second-to-last
/// index of the example. Return the fraction right.
public func recallAccuracy(parameters p: LSTMParameters, examples: [[Int]]) -> Double {
  // BEGIN SOLUTION
  var right = 0
  for example in examples {
    let question = example.count - 3
    let pass = lstmForward(
      inputs: Array(example[...question]), targets: Array(example[1...(question + 1)]),
      start: .zeros(p.hiddenSize), parameters: p)
    if pass.steps[question].p.argmax() == example[question + 1] { right += 1 }
  }
  return Double(right) / Double(examples.count)
  // END SOLUTION
}
