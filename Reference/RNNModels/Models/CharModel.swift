import CourseSupport
import Foundation

/// A character model made of recurrent layers of one kind: the characters are read one-hot (or
/// through a learned embedding), each layer reads the h of the layer below, and the top layer's
/// h is scored by the output layer:
///
///     x_t = onehot(c_t)  or  E[c_t, :]
///     (state¹_t, …, stateᴸ_t) = the layers, bottom to top, each with its own state
///     y_t = Why·hᴸ_t + by,   p_t = softmax(y_t),   L = Σ_t −ln p_t[target_t]
///
/// Time and depth are handled here once; the math of one step of one layer is the cell's.
public struct CharModel<Cell: RecurrentCell>: LanguageModel {
  /// What it is: kind, V, H, layers, embedding, dropout.
  public let spec: ModelSpec
  /// One cell per layer, bottom first: the bottom one reads V (or E) numbers, the rest H.
  public let cells: [Cell]

  /// The model `spec` describes; its kind must be `Cell`'s.
  public init(_ spec: ModelSpec) {
    require(spec.layers >= 1, "a model needs at least one layer")
    require(spec.kind == Cell.kind, "a \(spec.kind) spec for a model of \(Cell.kind) layers")
    self.spec = spec
    let bottom = spec.embedding ?? spec.vocabularySize
    cells = (0..<spec.layers).map {
      Cell(inputSize: $0 == 0 ? bottom : spec.hiddenSize, hiddenSize: spec.hiddenSize)
    }
  }

  /// A model of `layers` layers of H units of `Cell`, without dropout.
  public init(vocabularySize v: Int, hiddenSize h: Int, layers: Int = 1, embedding: Int? = nil) {
    self.init(
      ModelSpec(
        kind: Cell.kind, vocabularySize: v, hiddenSize: h, layers: layers, embedding: embedding))
  }

  /// Its tensors: the embedding, each layer's, Why and by.
  public typealias Parameters = CharModelParameters<Cell.Parameters>
  /// One cell state per layer.
  public typealias State = StackState<Cell.State>

  /// What a forward pass over a window keeps for its backward pass.
  public struct Record: Sendable {
    /// The characters read.
    public let inputs: [Int]
    /// The characters scored, each the one after its input.
    public let targets: [Int]
    /// The state the window started from.
    public let start: State
    /// caches[t][l]: what layer l kept at step t.
    public let caches: [[Cell.Cache]]
    /// The top layer's h_t, which the output layer read.
    public let tops: [Vector]
    /// p_t = softmax(y_t).
    public let probabilities: [Vector]
    /// masks[t][l]: the dropout factors on layer l's output at step t, when trained with dropout.
    public var masks: [[Vector]]? = nil

    /// A record from its parts.
    public init(
      inputs: [Int], targets: [Int], start: State, caches: [[Cell.Cache]], tops: [Vector],
      probabilities: [Vector], masks: [[Vector]]? = nil
    ) {
      (self.inputs, self.targets, self.start, self.caches) = (inputs, targets, start, caches)
      (self.tops, self.probabilities, self.masks) = (tops, probabilities, masks)
    }
  }

  /// Zeros with every tensor's shape.
  public func zeroParameters() -> Parameters {
    let v = spec.vocabularySize
    return Parameters(
      embedding: spec.embedding.map { Matrix.zeros(v, $0) },
      layers: cells.map { $0.zeroParameters() }, Why: .zeros(v, spec.hiddenSize), by: .zeros(v))
  }

  /// Drawn in the order of `tensors`: the embedding (N(0, 1)), each layer, then Why as the
  /// cells draw their weights; the output bias is zero.
  public func initialParameters(using rng: inout SeededGenerator) -> Parameters {
    var p = zeroParameters()
    if let e = spec.embedding {
      p.embedding = .random(spec.vocabularySize, e, scale: 1, using: &rng)
    }
    for l in cells.indices { p.layers[l] = cells[l].initialParameters(using: &rng) }
    p.Why = cells[0].randomWeights(rows: spec.vocabularySize, cols: spec.hiddenSize, using: &rng)
    return p
  }

  /// Every layer's zero state.
  public func zeroState() -> State { State(layers: cells.map { $0.zeroState() }) }

  /// The top layer's h: see `LanguageModel.hidden`.
  public func hidden(of state: State) -> Vector {
    cells[cells.count - 1].output(of: state.layers[cells.count - 1])
  }

  /// One character through every layer, bottom to top: the one recurrence that training,
  /// sampling and scoring all use.
  /// `dropping` turns each layer's h into what the layer above (or the output layer) reads:
  /// the identity, or a dropout mask during training. The state carried in time is never masked.
  func advance(
    _ c: Int, from state: State, parameters p: Parameters,
    dropping: (_ layer: Int, _ h: Vector) -> Vector = { $1 }
  ) -> (state: State, caches: [Cell.Cache], top: Vector) {
    advance(reading: input(c, p), from: state, parameters: p, dropping: dropping)
  }

  /// What the bottom layer reads for character `c`: its index (one-hot) or its embedding row.
  func input(_ c: Int, _ p: Parameters) -> LayerInput {
    p.embedding.map { LayerInput.vector($0.row(c)) } ?? .index(c)
  }

  /// The same step from what the bottom layer reads, which may be any vector (saliency reads
  /// a one-hot vector written out, to get its gradient).
  func advance(
    reading bottom: LayerInput, from state: State, parameters p: Parameters,
    dropping: (_ layer: Int, _ h: Vector) -> Vector = { $1 }
  ) -> (state: State, caches: [Cell.Cache], top: Vector) {
    var next = state
    var x = bottom
    var caches: [Cell.Cache] = []
    caches.reserveCapacity(cells.count)
    var output = Vector.zeros(0)
    for l in cells.indices {
      let (s, cache) = cells[l].step(x, from: state.layers[l], parameters: p.layers[l])
      next.layers[l] = s
      caches.append(cache)
      output = dropping(l, cells[l].output(of: s))
      x = .vector(output)
    }
    return (next, caches, output)
  }

  /// One character through every layer, and y = Why·hᴸ + by: see `LanguageModel.step`.
  public func step(input: Int, from state: State, parameters p: Parameters) -> (
    state: State, scores: Vector
  ) {
    let (next, _, top) = advance(input, from: state, parameters: p)
    return (next, p.Why * top + p.by)
  }

  /// The window read without dropout: the summed cross-entropy, the record and the last state
  /// (`TrainableModel.forward`).
  public func forward(inputs: [Int], targets: [Int], from start: State, parameters p: Parameters)
    -> (loss: Double, record: Record, last: State)
  {
    forward(inputs: inputs, targets: targets, from: start, parameters: p, masks: nil)
  }

  /// Training's forward pass: with `spec.dropout` above 0, each layer's output is dropped out
  /// (Zaremba, Sutskever and Vinyals, 2014: between layers and before the output layer, never on
  /// the recurrent connection), the masks drawn from `noise` and kept for backward.
  public func forward(
    inputs: [Int], targets: [Int], from start: State, parameters p: Parameters,
    noise: inout SeededGenerator
  ) -> (loss: Double, record: Record, last: State) {
    guard let rate = spec.dropout, rate > 0 else {
      return forward(inputs: inputs, targets: targets, from: start, parameters: p)
    }
    let ones = Vector(count: spec.hiddenSize, repeating: 1)
    var masks: [[Vector]] = []
    for _ in inputs.indices {
      masks.append(
        cells.indices.map { _ in Reference.dropout(ones, rate: rate, using: &noise).mask })
    }
    return forward(inputs: inputs, targets: targets, from: start, parameters: p, masks: masks)
  }

  /// `masks[t][l]`, when given, multiplies layer l's output at step t; `vectors[t]`, when
  /// given, is read in place of character `inputs[t]`.
  func forward(
    inputs: [Int], targets: [Int], from start: State, parameters p: Parameters, masks: [[Vector]]?,
    vectors: [Vector]? = nil
  ) -> (loss: Double, record: Record, last: State) {
    var state = start
    var caches: [[Cell.Cache]] = []
    var tops: [Vector] = []
    var probabilities: [Vector] = []
    var loss = 0.0
    for t in inputs.indices {
      let (next, stepCaches, top) = advance(
        reading: vectors.map { .vector($0[t]) } ?? input(inputs[t], p), from: state, parameters: p,
        dropping: { l, h in masks.map { h * $0[t][l] } ?? h })
      let probability = Reference.softmax(p.Why * top + p.by)
      loss += -log(probability[targets[t]])
      state = next
      caches.append(stepCaches)
      tops.append(top)
      probabilities.append(probability)
    }
    let record = Record(
      inputs: inputs, targets: targets, start: start, caches: caches, tops: tops,
      probabilities: probabilities, masks: masks)
    return (loss, record, state)
  }

  /// Back through time, and at each step down through the layers:
  ///
  ///     dy_t = p_t − onehot(target_t);  dWhy += dy_t·hᴸ_tᵀ;  dby += dy_t
  ///     dhᴸ_t = Whyᵀ·dy_t, then each layer's backward step turns ∂L/∂(its h) into ∂L/∂(its
  ///     input), which is the layer below's ∂L/∂h (or the embedding row's gradient).
  public func backward(_ r: Record, parameters p: Parameters) -> (
    gradients: Parameters, dState: State
  ) {
    backward(r, parameters: p, scoring: { _ in true })
  }

  /// The same, for the loss of the steps `scoring` accepts only (a task that is judged at one
  /// step, say).
  public func backward(_ r: Record, parameters p: Parameters, scoring: (Int) -> Bool) -> (
    gradients: Parameters, dState: State
  ) {
    let result = backPropagate(r, parameters: p, scoring: scoring)
    return (result.gradients, result.dStart)
  }

  /// ∂L_last/∂state_t for t = 0 … T−1, every layer, along every path, where L_last is the
  /// loss of the last step alone: how much each earlier state still matters at the end.
  public func gradientsThroughTime(_ r: Record, parameters p: Parameters) -> [State] {
    let last = r.inputs.count - 1
    return backPropagate(r, parameters: p, scoring: { $0 == last }).atSteps
  }

  /// BPTT with the loss of the steps `scoring` accepts; `inputs[t]` is ∂L/∂(what the bottom
  /// layer read at step t), nil where it read a character's index.
  func backPropagate(_ r: Record, parameters p: Parameters, scoring: (Int) -> Bool) -> (
    gradients: Parameters, dStart: State, atSteps: [State], inputs: [Vector?]
  ) {
    var g = zeroParameters()
    var dNext = zeroState()
    var atSteps = Array(repeating: zeroState(), count: r.inputs.count)
    var inputs = [Vector?](repeating: nil, count: r.inputs.count)
    for t in r.inputs.indices.reversed() {
      var dh = Vector.zeros(spec.hiddenSize)
      if scoring(t) {
        var dy = r.probabilities[t]
        dy[r.targets[t]] -= 1
        g.Why.addOuterProduct(dy, r.tops[t])
        g.by += dy
        dh = p.Why.transposedTimes(dy)
      }
      for l in cells.indices.reversed() {
        if let masks = r.masks { dh = dh * masks[t][l] }
        let (dx, previous, current) = cells[l].backStep(
          dh, dNext.layers[l], cache: r.caches[t][l], parameters: p.layers[l],
          gradients: &g.layers[l])
        dNext.layers[l] = previous
        atSteps[t].layers[l] = current
        if let dx { dh = dx }
        if l == 0 { inputs[t] = dx }
      }
      if p.embedding != nil { g.embedding!.addToRow(r.inputs[t], dh) }
    }
    return (g, dNext, atSteps, inputs)
  }
}

/// The tensors of a `CharModel`, in the order PyTorch lists them: the embedding, each layer's
/// (named `layer2.Whh` and so on when there are several), the output layer's Why and by.
public struct CharModelParameters<Layer: TensorSet>: TensorSet {
  /// The embedding table (V × E): row c is what character c is read as; nil for one-hot input.
  public var embedding: Matrix?  // V × E
  /// Each layer's tensors, bottom first.
  public var layers: [Layer]
  /// The output layer's weights (V × H), on the top layer's h.
  public var Why: Matrix  // V × H
  /// The output layer's bias (V).
  public var by: Vector  // V

  /// The tensors, from their parts.
  public init(embedding: Matrix?, layers: [Layer], Why: Matrix, by: Vector) {
    self.embedding = embedding
    self.layers = layers
    self.Why = Why
    self.by = by
  }

  /// Every tensor by name, in the order above (prefixed `layer1.`, `layer2.`, … when several).
  public var tensors: [TensorSlot<Self>] {
    var slots: [TensorSlot<Self>] = []
    if let embedding { slots.append(.matrix("embedding", embedding, \.embedding!)) }
    for l in layers.indices {
      let prefix = layers.count == 1 ? "" : "layer\(l + 1)."
      slots += layers[l].tensors.map { $0.nested(in: \.layers[l], prefix: prefix) }
    }
    return slots + [.matrix("Why", Why, \.Why), .vector("by", by, \.by)]
  }
}

/// One state per layer, named `h` (and `c`) for one layer, `layer2.h` and so on for several.
public struct StackState<Layer: TensorSet>: TensorSet {
  /// Each layer's state, bottom first.
  public var layers: [Layer]

  /// The states of a stack, bottom first.
  public init(layers: [Layer]) { self.layers = layers }

  /// Each layer's tensors: `h` (and `c`), or `layer1.h`, … with several layers.
  public var tensors: [TensorSlot<Self>] {
    layers.indices.flatMap { l in
      layers[l].tensors.map {
        $0.nested(in: \.layers[l], prefix: layers.count == 1 ? "" : "layer\(l + 1).")
      }
    }
  }
}

extension CharModel {
  /// The cell's fast path, where it has one for this model (`RecurrentCell.fastTrainer`).
  public func fastTrainer(
    _ run: RunState<Self>, _ hp: Hyperparameters, batch: Int, threads: ThreadUse
  ) -> (any RunTrainer<Self>)? { Cell.fastTrainer(self, run, hp, batch: batch, threads: threads) }

  /// The cell's fast reader where it has one (`RecurrentCell.fastReader`), else `step`'s.
  public func reader(parameters: Parameters, from state: State) -> any CharacterReader {
    Cell.fastReader(self, parameters: parameters, from: state)
      ?? StepReader(self, parameters: parameters, from: state)
  }
}
