import CourseSupport
import Foundation

/// Task 2 · a bidirectional tagger, forward. One RNN reads left to right from f_{−1} = 0, the
/// other right to left from b_T = 0 (x_t one-hot: W·x_t is column inputs[t]):
///
///     f_t = tanh(Wxh→·x_t + Whh→·f_{t−1} + bh→)       (p.forward)
///     b_t = tanh(Wxh←·x_t + Whh←·b_{t+1} + bh←)       (p.backward), for t = T−1 down to 0
///     p_t = softmax(Why·[f_t; b_t] + by)              [f; b]: the two vectors one after the other
///     L   = Σ_t −ln p_t[labels[t]]
///
/// `Vector(f.scalars + b.scalars)` puts two vectors one after the other.
public func bidirectionalForward(
  inputs: [Int], labels: [Int], parameters p: BidirectionalParameters
)
  -> TaggerPass
{
  // BEGIN SOLUTION
  let h = p.hiddenSize
  var forward = [Vector](repeating: .zeros(h), count: inputs.count)
  var backward = forward
  var state = Vector.zeros(h)
  for t in inputs.indices {
    state = (p.forward.Wxh.column(inputs[t]) + p.forward.Whh * state + p.forward.bh).map(tanh)
    forward[t] = state
  }
  state = .zeros(h)
  for t in inputs.indices.reversed() {
    state = (p.backward.Wxh.column(inputs[t]) + p.backward.Whh * state + p.backward.bh).map(tanh)
    backward[t] = state
  }
  var ps: [Vector] = []
  var loss = 0.0
  for t in inputs.indices {
    let probabilities = softmax(p.Why * Vector(forward[t].scalars + backward[t].scalars) + p.by)
    loss += -log(probabilities[labels[t]])
    ps.append(probabilities)
  }
  return TaggerPass(
    inputs: inputs, labels: labels, forwardStates: forward, backwardStates: backward, ps: ps,
    loss: loss)
  // END SOLUTION
}

/// Task 2 · the bidirectional tagger, backward. With dy_t = p_t − onehot(labels[t]):
///
///     dWhy += dy_t·[f_t; b_t]ᵀ,   dby += dy_t,   d[f; b]_t = Whyᵀ·dy_t
///
/// The first H numbers of d[f; b]_t flow into the left-to-right RNN, which you backpropagate from
/// t = T−1 down to 0 (its dh_next comes from step t+1); the last H into the right-to-left RNN,
/// which you backpropagate from t = 0 up to T−1 (its dh_next comes from step t−1, the step it
/// read after t). Each is ex01's BPTT for one layer: draw = (1 − h²) ⊙ (dh + dh_next), and so on.
public func bidirectionalBackward(_ pass: TaggerPass, parameters p: BidirectionalParameters)
  -> BidirectionalParameters
{
  // BEGIN SOLUTION
  let h = p.hiddenSize
  var g = BidirectionalParameters.zeros(
    hiddenSize: h, vocabularySize: p.forward.Wxh.cols, labels: p.by.count)
  var dForward: [Vector] = []
  var dBackward: [Vector] = []
  for t in pass.inputs.indices {
    var dy = pass.ps[t]
    dy[pass.labels[t]] -= 1
    g.Why.addOuterProduct(
      dy, Vector(pass.forwardStates[t].scalars + pass.backwardStates[t].scalars))
    g.by += dy
    let d = p.Why.transposedTimes(dy).scalars
    dForward.append(Vector(Array(d[0..<h])))
    dBackward.append(Vector(Array(d[h...])))
  }
  func bptt(_ layer: RNNLayer, _ states: [Vector], _ dOut: [Vector], _ order: [Int]) -> RNNLayer {
    var grad = RNNLayer(Wxh: .zeros(h, layer.Wxh.cols), Whh: .zeros(h, h), bh: .zeros(h))
    var dhNext = Vector.zeros(h)
    for (k, t) in order.enumerated() {
      let previous = k + 1 < order.count ? states[order[k + 1]] : Vector.zeros(h)
      let draw = states[t].map { 1 - $0 * $0 } * (dOut[t] + dhNext)
      grad.bh += draw
      grad.Wxh.addToColumn(pass.inputs[t], draw)
      grad.Whh.addOuterProduct(draw, previous)
      dhNext = layer.Whh.transposedTimes(draw)
    }
    return grad
  }
  g.forward = bptt(p.forward, pass.forwardStates, dForward, pass.inputs.indices.reversed())
  g.backward = bptt(p.backward, pass.backwardStates, dBackward, Array(pass.inputs.indices))
  return g
  // END SOLUTION
}
