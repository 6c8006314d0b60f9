import CourseSupport

extension Seq2SeqModel {
  /// ∂L/∂(every parameter), back through the decoder, then the encoder:
  ///
  ///     dy_t = p_t − onehot(y_t);   dWhy += dy_t·s_tᵀ;   dby += dy_t
  ///     the decoder's step t gets Whyᵀ·dy_t, plus, with attention, ∂L/∂s_t from step t+1's
  ///     scores; what it passes back to s_{t−1} flows on, and from s_0 into the encoder's last
  ///     state (they are the same state). With attention, ctx_t's gradient (the last H numbers
  ///     of the input's) reaches every encoder output k_j, added where the encoder's step j
  ///     passes its gradient back.
  public func backward(_ r: Record, parameters p: Parameters) -> Parameters {
    var g = zeroParameters()
    accumulateGradients(r, parameters: p, into: &g)
    return g
  }

  /// `backward`'s gradients added to `g`: how a batch sums them without a copy per example.
  public func accumulateGradients(_ r: Record, parameters p: Parameters, into g: inout Parameters) {
    var dKeys = r.keys.states.map { _ in Vector.zeros(hiddenSize) }
    var dNext = decoder.zeroState()
    var dQuery = Vector.zeros(hiddenSize)  // ∂L/∂s_t through step t+1's attention
    for t in r.target.indices.reversed() {
      var dy = r.probabilities[t]
      dy[r.target[t]] -= 1
      g.Why.addOuterProduct(dy, r.outputs[t])
      g.by += dy
      let back = decoder.backStep(
        p.Why.transposedTimes(dy) + dQuery, dNext, cache: r.decoderCaches[t],
        parameters: p.decoder, gradients: &g.decoder)
      dNext = back.previous
      guard attentionSize != nil, let dInput = back.input else { continue }
      let dContext = Vector(Array(dInput.scalars.suffix(hiddenSize)))
      dQuery = Reference.attendBackward(
        dContext, step: r.attention[t], keys: r.keys, Wa: p.Wa, Ua: p.Ua, va: p.va,
        dWa: &g.Wa, dUa: &g.Ua, dva: &g.va, dKeys: &dKeys)
    }
    // s_0 is the encoder's last state: what reached its output through step 1's attention joins
    // what the encoder's last step receives from above.
    if let last = dKeys.indices.last { dKeys[last] += dQuery }
    var dEncoder = dNext
    for j in r.encoderCaches.indices.reversed() {
      dEncoder =
        encoder.backStep(
          dKeys[j], dEncoder, cache: r.encoderCaches[j], parameters: p.encoder,
          gradients: &g.encoder
        ).previous
    }
  }

  /// The loss and gradients summed over `examples`: one training step's worth.
  public func lossAndGradients(_ examples: [Seq2SeqExample], parameters p: Parameters) -> (
    loss: Double, gradients: Parameters
  ) {
    var total = 0.0
    var sum = zeroParameters()
    for example in examples {
      let (loss, record) = forward(example, parameters: p)
      total += loss
      accumulateGradients(record, parameters: p, into: &sum)
    }
    return (total, sum)
  }
}
