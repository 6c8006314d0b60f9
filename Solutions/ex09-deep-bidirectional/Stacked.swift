import CourseSupport
import Foundation

/// ex01's softmax, given.
func softmax(_ y: Vector) -> Vector {
  let m = y.max()
  let e = y.map { exp($0 - m) }
  return e / e.sum()
}

/// Task 1 · a stack of L vanilla RNN layers, forward.
///
/// At each step t, layer 0 reads the one-hot character (column inputs[t] of its Wxh) and every
/// layer l ≥ 1 reads the new h of the layer below:
///
///     h⁰_t = tanh(Wxh⁰·x_t + Whh⁰·h⁰_{t−1} + bh⁰)
///     hˡ_t = tanh(Wxhˡ·hˡ⁻¹_t + Whhˡ·hˡ_{t−1} + bhˡ)
///     p_t  = softmax(Why·hᴸ⁻¹_t + by),   L = Σ_t −ln p_t[targets[t]]
///
/// Each layer starts from start[l]. Keep hs[l][t] for every layer and step, and every p_t.
public func stackedForward(
  inputs: [Int], targets: [Int], start: [Vector], parameters p: StackedRNNParameters
) -> StackedForwardPass {
  // BEGIN SOLUTION
  var h = start
  var hs = [[Vector]](repeating: [], count: p.depth)
  var ps: [Vector] = []
  var loss = 0.0
  for t in inputs.indices {
    for l in 0..<p.depth {
      let layer = p.layers[l]
      let input = l == 0 ? layer.Wxh.column(inputs[t]) : layer.Wxh * h[l - 1]
      h[l] = (input + layer.Whh * h[l] + layer.bh).map(tanh)
      hs[l].append(h[l])
    }
    let probabilities = softmax(p.Why * h[p.depth - 1] + p.by)
    loss += -log(probabilities[targets[t]])
    ps.append(probabilities)
  }
  return StackedForwardPass(
    inputs: inputs, targets: targets, start: start, hs: hs, ps: ps, loss: loss)
  // END SOLUTION
}

/// Task 1 · the stack, backward: through time, and at every step down through the layers.
///
/// Carry dh_next[l] for every layer (from step t+1, zero at the end). At step t, going down from
/// the top layer, with dh the gradient arriving from above (Whyᵀ·dy at the top):
///
///     draw = (1 − hˡ_t²) ⊙ (dh + dh_next[l])
///     dbhˡ += draw,  dWhhˡ += draw·hˡ_{t−1}ᵀ,  dWxhˡ += draw·(its input)ᵀ
///     dh_next[l] = Whhˡᵀ·draw         (to the same layer, one step back)
///     dh = Wxhˡᵀ·draw                 (to the layer below, the same step; not needed at l = 0)
///
/// Layer 0's input is one-hot: add draw to column inputs[t] of dWxh⁰. After t = 0, dh_next[l] is
/// ∂L/∂start[l]: return them as `dStart`.
public func stackedBackward(_ pass: StackedForwardPass, parameters p: StackedRNNParameters)
  -> StackedBackwardPass
{
  // BEGIN SOLUTION
  var g = StackedRNNParameters.zeros(
    depth: p.depth, hiddenSize: p.hiddenSize, vocabularySize: p.vocabularySize)
  var dhNext = [Vector](repeating: .zeros(p.hiddenSize), count: p.depth)
  for t in pass.inputs.indices.reversed() {
    var dy = pass.ps[t]
    dy[pass.targets[t]] -= 1
    g.Why.addOuterProduct(dy, pass.hs[p.depth - 1][t])
    g.by += dy
    var dh = p.Why.transposedTimes(dy)
    for l in (0..<p.depth).reversed() {
      let draw = pass.hs[l][t].map { 1 - $0 * $0 } * (dh + dhNext[l])
      g.layers[l].bh += draw
      g.layers[l].Whh.addOuterProduct(draw, pass.hidden(layer: l, before: t))
      if l == 0 {
        g.layers[0].Wxh.addToColumn(pass.inputs[t], draw)
      } else {
        g.layers[l].Wxh.addOuterProduct(draw, pass.hs[l - 1][t])
        dh = p.layers[l].Wxh.transposedTimes(draw)
      }
      dhNext[l] = p.layers[l].Whh.transposedTimes(draw)
    }
  }
  return StackedBackwardPass(gradients: g, dStart: dhNext)
  // END SOLUTION
}
