import CourseSupport
import Foundation

/// A sequence tagger: a label for every character instead of the next character. One stack of
/// `Cell` layers (one layer) reads left to right and, when `bidirectional`, another reads right to
/// left; the output layer reads their states side by side:
///
///     f_t = cell→(x_t, f_{t−1}),   b_t = cell←(x_t, b_{t+1}),   p_t = softmax(Why·[f_t; b_t] + by)
///
/// Each sequence starts from zero states at both ends. A bidirectional tagger sees the whole
/// sequence before it labels a character, so it cannot be a next-character model.
public struct Tagger<Cell: RecurrentCell>: Sendable {
  /// V, the characters read (one-hot).
  public let vocabularySize: Int
  /// How many labels there are to choose from.
  public let labelCount: Int
  /// H, each direction's hidden units.
  public let hiddenSize: Int
  /// Whether a second layer reads right to left.
  public let bidirectional: Bool
  let cell: Cell

  /// A tagger choosing among `labelCount` labels for V characters, H units each way.
  public init(vocabularySize: Int, labelCount: Int, hiddenSize: Int, bidirectional: Bool) {
    self.vocabularySize = vocabularySize
    self.labelCount = labelCount
    self.hiddenSize = hiddenSize
    self.bidirectional = bidirectional
    cell = Cell(inputSize: vocabularySize, hiddenSize: hiddenSize)
  }

  /// Each direction's layer and the output layer.
  public struct Parameters: TensorSet {
    /// The left-to-right layer's tensors.
    public var forward: Cell.Parameters
    /// The right-to-left layer's tensors; nil when not `bidirectional`.
    public var backward: Cell.Parameters?
    /// The output layer's weights (labels × H, or × 2H read both ways).
    public var Why: Matrix
    /// The output layer's bias (labels).
    public var by: Vector

    /// The tensors, from their parts.
    public init(forward: Cell.Parameters, backward: Cell.Parameters?, Why: Matrix, by: Vector) {
      (self.forward, self.backward, self.Why, self.by) = (forward, backward, Why, by)
    }

    /// Every tensor by name: `forward.…`, `backward.…` (both ways), `Why`, `by`.
    public var tensors: [TensorSlot<Parameters>] {
      var slots = forward.tensors.map { $0.nested(in: \Parameters.forward, prefix: "forward.") }
      if let backward {
        slots += backward.tensors.map { $0.nested(in: \Parameters.backward!, prefix: "backward.") }
      }
      return slots + [.matrix("Why", Why, \.Why), .vector("by", by, \.by)]
    }
  }

  /// What `forward` keeps for `backward`.
  public struct Record: Sendable {
    /// The characters read.
    public let inputs: [Int]
    /// The right label of each.
    public let labels: [Int]
    /// forward[t], backward[t]: what each direction's cell kept at position t.
    public let forward: [Cell.Cache]
    /// What the right-to-left cell kept at position t (empty when one way).
    public let backward: [Cell.Cache]
    /// What the output layer read at position t: [f_t; b_t] (or f_t alone).
    public let features: [Vector]
    /// p_t = softmax(Why·features_t + by).
    public let probabilities: [Vector]
  }

  /// Zeros with every tensor's shape.
  public func zeroParameters() -> Parameters {
    let directions = bidirectional ? 2 : 1
    return Parameters(
      forward: cell.zeroParameters(), backward: bidirectional ? cell.zeroParameters() : nil,
      Why: .zeros(labelCount, directions * hiddenSize), by: .zeros(labelCount))
  }

  /// Drawn in the order of `tensors`, as the cells draw their weights.
  public func initialParameters(seed: UInt64) -> Parameters {
    var rng = SeededGenerator(seed: seed)
    var p = zeroParameters()
    p.forward = cell.initialParameters(using: &rng)
    if bidirectional { p.backward = cell.initialParameters(using: &rng) }
    p.Why = cell.randomWeights(rows: p.Why.rows, cols: p.Why.cols, using: &rng)
    return p
  }

  /// One direction over the whole sequence, in the order `positions` gives.
  private func read(_ inputs: [Int], _ p: Cell.Parameters, _ positions: [Int]) -> (
    states: [Vector], caches: [Cell.Cache]
  ) {
    var state = cell.zeroState()
    var states = [Vector](repeating: .zeros(hiddenSize), count: inputs.count)
    var caches: [Cell.Cache?] = Array(repeating: nil, count: inputs.count)
    for t in positions {
      let (next, cache) = cell.step(.index(inputs[t]), from: state, parameters: p)
      state = next
      states[t] = cell.output(of: next)
      caches[t] = cache
    }
    return (states, caches.map { $0! })
  }

  /// Reads `inputs` from zero states (both ways when `bidirectional`): the summed cross-entropy
  /// against `labels`, and the record.
  public func forward(inputs: [Int], labels: [Int], parameters p: Parameters) -> (
    loss: Double, record: Record
  ) {
    let f = read(inputs, p.forward, Array(inputs.indices))
    let b = p.backward.map { read(inputs, $0, inputs.indices.reversed()) }
    let features = inputs.indices.map { t in
      b.map { Vector(f.states[t].scalars + $0.states[t].scalars) } ?? f.states[t]
    }
    let probabilities = features.map { Reference.softmax(p.Why * $0 + p.by) }
    let loss = zip(probabilities, labels).reduce(0.0) { $0 - log($1.0[$1.1]) }
    return (
      loss,
      Record(
        inputs: inputs, labels: labels, forward: f.caches, backward: b?.caches ?? [],
        features: features, probabilities: probabilities)
    )
  }

  /// ∂L/∂(every parameter): each direction's BPTT runs against its own reading order, fed at
  /// every position by its half of Whyᵀ·dy.
  public func backward(_ r: Record, parameters p: Parameters) -> Parameters {
    var g = zeroParameters()
    var dFeatures: [Vector] = []
    for t in r.inputs.indices {
      var dy = r.probabilities[t]
      dy[r.labels[t]] -= 1
      g.Why.addOuterProduct(dy, r.features[t])
      g.by += dy
      dFeatures.append(p.Why.transposedTimes(dy))
    }
    let h = hiddenSize
    func back(_ caches: [Cell.Cache], _ parameters: Cell.Parameters, _ positions: [Int], half: Int)
      -> Cell.Parameters
    {
      var gradients = cell.zeroParameters()
      var dNext = cell.zeroState()
      for t in positions {
        let dh = Vector(Array(dFeatures[t].scalars[(half * h)..<((half + 1) * h)]))
        dNext =
          cell.backStep(dh, dNext, cache: caches[t], parameters: parameters, gradients: &gradients)
          .previous
      }
      return gradients
    }
    g.forward = back(r.forward, p.forward, r.inputs.indices.reversed(), half: 0)
    if let backward = p.backward {
      g.backward = back(r.backward, backward, Array(r.inputs.indices), half: 1)
    }
    return g
  }

  /// The most likely label at every position.
  public func predict(_ inputs: [Int], parameters p: Parameters) -> [Int] {
    forward(inputs: inputs, labels: inputs.map { _ in 0 }, parameters: p).record.probabilities.map {
      $0.argmax()
    }
  }
}

extension Reference {
  /// ex09's tagging task, where the answer lies ahead: for each character of a text, how many
  /// letters follow it in its word. A letter followed by 0, 1 or 2 more letters is labelled so;
  /// by 3 or more, 3; anything that is not a letter, 4. Reading left to right, a model must guess
  /// how the word goes on; reading both ways, it can see.
  public static func lettersLeft(_ text: String) -> [Int] {
    let characters = Array(text.unicodeScalars)
    var labels = [Int](repeating: 4, count: characters.count)
    var following = 0
    for i in characters.indices.reversed() {
      if characters[i].properties.isAlphabetic {
        labels[i] = min(following, 3)
        following += 1
      } else {
        following = 0
      }
    }
    return labels
  }

  /// The labels of `lettersLeft` in words, by index.
  public static let lettersLeftNames = ["0 left", "1 left", "2 left", "3+ left", "not a letter"]

  /// A tagger trained on windows of `length` characters cut from `inputs` in turn (each read
  /// from zero states), Adam at `learningRate`, gradients clipped at 5.
  public static func trainTagger<Cell: RecurrentCell>(
    _ tagger: Tagger<Cell>, inputs: [Int], labels: [Int], length: Int, iterations: Int,
    learningRate: Double, seed: UInt64
  ) -> Tagger<Cell>.Parameters {
    var p = tagger.initialParameters(seed: seed)
    var optimizer = OptimizerState(.adam, shapedLike: p)
    var start = 0
    for _ in 0..<iterations {
      if start + length > inputs.count { start = 0 }
      let window = start..<(start + length)
      step(&p, &optimizer, learningRate: learningRate) { p in
        let pass = tagger.forward(
          inputs: Array(inputs[window]), labels: Array(labels[window]), parameters: p)
        return (pass.loss, tagger.backward(pass.record, parameters: p))
      }
      start += length
    }
    return p
  }
}
