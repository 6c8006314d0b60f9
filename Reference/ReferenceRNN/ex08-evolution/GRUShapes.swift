import CourseSupport
import Foundation

// ex08's GRU as the learner writes it (one layer, one-hot input, `GRUParameters`), computed by
// the one-layer `CharModel<GRUCell>`: the GRU's math exists once, in `GRUCell`.

extension CharModelParameters where Layer == GRULayer {
  /// The same eleven tensors, as a one-layer char GRU's.
  public init(_ p: GRUParameters) {
    self = CharModel<GRUCell>(vocabularySize: p.vocabularySize, hiddenSize: p.hiddenSize)
      .zeroParameters().filled(from: p)
  }
}

extension GRUParameters {
  /// A one-layer, one-hot char GRU's tensors, as ex08 names them.
  public init(_ p: CharModelParameters<GRULayer>) {
    require(p.layers.count == 1 && p.embedding == nil, "not a one-layer one-hot GRU")
    self = Self.zeros(hiddenSize: p.layers[0].Ur.rows, vocabularySize: p.layers[0].Wr.cols)
      .filled(from: p)
  }
}

extension CharModel where Cell == GRUCell {
  /// The one-layer one-hot GRU whose tensors `p` holds.
  public init(shapedLike p: GRUParameters) {
    self.init(vocabularySize: p.vocabularySize, hiddenSize: p.hiddenSize)
  }
}

extension CharModel.Record where Cell == GRUCell {
  /// What the one-layer char GRU keeps of a window, from ex08's `GRUForwardPass`.
  init(_ pass: GRUForwardPass) {
    let caches = pass.steps.indices.map { t in
      let s = pass.steps[t]
      return [
        GRUCell.Cache(
          x: .index(pass.inputs[t]), hPrevious: pass.hidden(before: t), r: s.r, z: s.z,
          candidate: s.candidate)
      ]
    }
    self.init(
      inputs: pass.inputs, targets: pass.targets, start: StackState(h: pass.start),
      caches: caches, tops: pass.steps.map(\.h), probabilities: pass.steps.map(\.p))
  }
}

extension Reference {
  /// ex08's GRU forward pass: every gate, candidate, state and distribution, and the loss.
  public static func gruForward(
    inputs: [Int], targets: [Int], start: Vector, parameters p: GRUParameters
  ) -> GRUForwardPass {
    let model = CharModel<GRUCell>(shapedLike: p)
    let (loss, r, _) = model.forward(
      inputs: inputs, targets: targets, from: StackState(h: start), parameters: .init(p))
    let steps = r.caches.indices.map { t in
      let k = r.caches[t][0]
      return GRUStep(
        r: k.r, z: k.z, candidate: k.candidate, h: r.tops[t], p: r.probabilities[t])
    }
    return GRUForwardPass(inputs: inputs, targets: targets, start: start, steps: steps, loss: loss)
  }

  /// ex08's GRU backward pass (see `GRUCell.backStep` for the formulas).
  public static func gruBackward(_ pass: GRUForwardPass, parameters p: GRUParameters)
    -> GRUBackwardPass
  {
    let (g, d) = CharModel<GRUCell>(shapedLike: p).backward(.init(pass), parameters: .init(p))
    return GRUBackwardPass(gradients: GRUParameters(g), dStart: d.layers[0].h)
  }

  /// The rows of `table` for each character: an embedding lookup.
  public static func embed(_ characters: [Int], table: Matrix) -> [Vector] {
    characters.map { table.row($0) }
  }

  /// ∂L/∂(the table) when `gradients[t]` is ∂L/∂(the row read at step t): each added into its
  /// row, so a character read twice gets both.
  public static func embeddingGradient(
    characters: [Int], gradients: [Vector], vocabularySize: Int
  ) -> Matrix {
    var g = Matrix.zeros(vocabularySize, gradients.first?.count ?? 0)
    for (c, d) in zip(characters, gradients) { g.addToRow(c, d) }
    return g
  }
}
