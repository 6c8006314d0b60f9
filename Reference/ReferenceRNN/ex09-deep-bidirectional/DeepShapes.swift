import CourseSupport
import Foundation

// ex09's stacked RNN and bidirectional tagger as the learner writes them, computed by
// `CharModel<RNNCell>` with several layers and by `Tagger<RNNCell>`.

extension CharModelParameters where Layer == RNNLayer {
  /// The same tensors, as a char RNN of `p.depth` layers.
  public init(_ p: StackedRNNParameters) {
    self.init(embedding: nil, layers: p.layers, Why: p.Why, by: p.by)
  }
}

extension StackedRNNParameters {
  /// The same tensors, as ex09's stack (a char RNN's embedding, if it has one, is
  /// dropped).
  public init(_ p: CharModelParameters<RNNLayer>) {
    self.init(layers: p.layers, Why: p.Why, by: p.by)
  }
}

extension CharModel where Cell == RNNCell {
  /// The one-hot stack whose tensors `p` holds.
  public init(shapedLike p: StackedRNNParameters) {
    self.init(vocabularySize: p.vocabularySize, hiddenSize: p.hiddenSize, layers: p.depth)
  }
}

extension CharModel.Record where Cell == RNNCell {
  /// What the stacked char RNN keeps of a window, from ex09's `StackedForwardPass`.
  init(_ pass: StackedForwardPass) {
    let caches = pass.inputs.indices.map { t in
      pass.hs.indices.map { l in
        RNNCell.Cache(
          x: l == 0 ? .index(pass.inputs[t]) : .vector(pass.hs[l - 1][t]),
          hPrevious: pass.hidden(layer: l, before: t), h: pass.hs[l][t])
      }
    }
    self.init(
      inputs: pass.inputs, targets: pass.targets,
      start: StackState(layers: pass.start.map { HiddenState(h: $0) }), caches: caches,
      tops: pass.hs.last ?? [], probabilities: pass.ps)
  }
}

extension Tagger where Cell == RNNCell {
  /// The bidirectional one-hot tagger whose tensors `p` holds, with `labels` labels.
  public init(shapedLike p: BidirectionalParameters, labels: Int) {
    self.init(
      vocabularySize: p.forward.Wxh.cols, labelCount: labels, hiddenSize: p.hiddenSize,
      bidirectional: true)
  }
}

extension Tagger.Parameters where Cell == RNNCell {
  init(_ p: BidirectionalParameters) {
    self.init(forward: p.forward, backward: p.backward, Why: p.Why, by: p.by)
  }
}

extension BidirectionalParameters {
  /// The same tensors, as ex09's type; `p` must be bidirectional.
  public init(_ p: Tagger<RNNCell>.Parameters) {
    require(p.backward != nil, "not a bidirectional tagger")
    self.init(forward: p.forward, backward: p.backward!, Why: p.Why, by: p.by)
  }
}

extension Reference {
  /// ex09's stacked forward pass.
  public static func stackedForward(
    inputs: [Int], targets: [Int], start: [Vector], parameters p: StackedRNNParameters
  ) -> StackedForwardPass {
    let model = CharModel<RNNCell>(shapedLike: p)
    let (loss, r, _) = model.forward(
      inputs: inputs, targets: targets,
      from: StackState(layers: start.map { HiddenState(h: $0) }), parameters: .init(p))
    let hs = (0..<p.depth).map { l in r.caches.map(\.[l].h) }
    return StackedForwardPass(
      inputs: inputs, targets: targets, start: start, hs: hs, ps: r.probabilities, loss: loss)
  }

  /// ex09's stacked backward pass: through time, and at every step down through the layers.
  public static func stackedBackward(_ pass: StackedForwardPass, parameters p: StackedRNNParameters)
    -> StackedBackwardPass
  {
    let (g, d) = CharModel<RNNCell>(shapedLike: p).backward(.init(pass), parameters: .init(p))
    return StackedBackwardPass(gradients: StackedRNNParameters(g), dStart: d.layers.map(\.h))
  }

  /// ex09's bidirectional tagger, forward.
  public static func bidirectionalForward(
    inputs: [Int], labels: [Int], labelCount: Int, parameters p: BidirectionalParameters
  ) -> TaggerPass {
    let tagger = Tagger<RNNCell>(shapedLike: p, labels: labelCount)
    let (loss, r) = tagger.forward(inputs: inputs, labels: labels, parameters: .init(p))
    return TaggerPass(
      inputs: inputs, labels: labels, forwardStates: r.forward.map(\.h),
      backwardStates: r.backward.map(\.h), ps: r.probabilities, loss: loss)
  }

  /// ex09's bidirectional tagger, backward.
  public static func bidirectionalBackward(
    _ pass: TaggerPass, parameters p: BidirectionalParameters
  )
    -> BidirectionalParameters
  {
    let tagger = Tagger<RNNCell>(shapedLike: p, labels: p.by.count)
    let record = tagger.forward(inputs: pass.inputs, labels: pass.labels, parameters: .init(p))
      .record
    return BidirectionalParameters(tagger.backward(record, parameters: .init(p)))
  }
}
