import CourseSupport
import Foundation

/// Which earlier characters a model's prediction depended on: for each position t of a text,
/// the size ‖∂ ln p(x_t | x_<t) / ∂ x_{t−k}‖ for k = 1 … reach, where x is what the bottom layer
/// read (the one-hot vector, or the embedding row). Every row is one backward pass of one
/// prediction, from the state the text carried up to t − reach.
public struct Saliency: Sendable, Codable, Equatable {
  /// K: how many characters back each row goes.
  public let reach: Int
  /// The positions t predicted, in order (each at least `reach`).
  public let positions: [Int]
  /// rows[i][k − 1]: the size for position positions[i], k characters back.
  public let rows: [[Double]]
  /// −ln p(x_t | x_<t) at each position: how well the model predicted what it is judged on.
  public let losses: [Double]

  /// The mean of `losses`, in nats per character.
  public var meanLoss: Double { losses.reduce(0, +) / Double(max(losses.count, 1)) }

  /// The mean over positions at each k = 1 … reach: how far back the model looks.
  public var meanByDistance: [Double] {
    (0..<reach).map { k in rows.map { $0[k] }.reduce(0, +) / Double(max(rows.count, 1)) }
  }

  /// The share of each row's total at each k, averaged over positions: the same profile with
  /// every prediction weighted alike, whatever the size of its gradients.
  public var meanShareByDistance: [Double] {
    let shares = rows.map { row in
      let total = row.reduce(0, +)
      return row.map { total > 0 ? $0 / total : 0 }
    }
    return (0..<reach).map { k in shares.map { $0[k] }.reduce(0, +) / Double(max(rows.count, 1)) }
  }
}

extension LanguageModel {
  /// The saliency of every position of `text` from `reach` on (the text must be longer than
  /// `reach`), read from a zero state at its start.
  public func saliency(of text: [Int], reach: Int, parameters p: Parameters) -> Saliency {
    precondition(reach >= 1 && text.count > reach, "a text longer than the reach")
    var states = [zeroState()]  // states[s]: after reading text[0..<s]
    for c in text.dropLast() {
      states.append(step(input: c, from: states[states.count - 1], parameters: p).state)
    }
    let inputs = inputVectors(text, parameters: p)
    let positions = Array(reach..<text.count)
    let rows = positions.map { t in
      let first = t - reach
      let (logP, gradients) = logProbabilityGradient(
        inputs: Array(inputs[first..<t]), target: text[t], from: states[first], parameters: p)
      // gradients[j] is for the character at first + j, which is t − first − j back.
      return (loss: -logP, sizes: (1...reach).map { k in gradients[reach - k].norm })
    }
    return Saliency(
      reach: reach, positions: positions, rows: rows.map(\.sizes), losses: rows.map(\.loss))
  }
}
