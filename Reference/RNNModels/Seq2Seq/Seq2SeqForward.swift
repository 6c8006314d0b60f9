import CourseSupport
import Foundation

extension Seq2SeqModel {
  /// What `forward` keeps for `backward`, and what a picture of attention shows.
  public struct Record: Sendable {
    /// The tokens the encoder read (reversed when the model reverses the source).
    public var source: [Int]
    /// y_1 … y_T, the end token last.
    public var target: [Int]
    /// What the encoder's cell kept at each step.
    var encoderCaches: [Cell.Cache]
    /// The encoder's outputs, as attention reads them.
    var keys: AttentionKeys
    /// What the decoder's cell kept at each step.
    var decoderCaches: [Cell.Cache]
    /// s_t, the decoder's output at each step: what the output layer read.
    var outputs: [Vector]
    /// p_t at each step.
    public var probabilities: [Vector]
    /// Each step's attention (empty without attention).
    public var attention: [AttentionStep]
  }

  /// The decoder's state after the encoder has read `source`, the keys attention reads, and
  /// what the encoder's cell kept.
  func encode(_ source: [Int], parameters p: Parameters) -> (
    summary: Cell.State, keys: AttentionKeys, caches: [Cell.Cache]
  ) {
    var state = encoder.zeroState()
    var outputs: [Vector] = []
    var caches: [Cell.Cache] = []
    for x in source {
      let (next, cache) = encoder.step(.index(x), from: state, parameters: p.encoder)
      state = next
      outputs.append(encoder.output(of: next))
      caches.append(cache)
    }
    return (state, AttentionKeys(outputs, Ua: p.Ua), caches)
  }

  /// One step of the decoder: having emitted `previous` (the start token first), from `state`,
  /// its new state, p over the next token, the step's attention and the cell's cache.
  func decode(
    _ previous: Int, from state: Cell.State, keys: AttentionKeys, parameters p: Parameters
  ) -> (state: Cell.State, p: Vector, attention: AttentionStep?, cache: Cell.Cache) {
    var input = LayerInput.index(previous)
    var attention: AttentionStep?
    if attentionSize != nil {
      let step = Reference.attend(
        query: decoder.output(of: state), keys: keys, Wa: p.Wa, va: p.va)
      let oneHot = Vector.oneHot(previous, count: targetVocabularySize)
      input = .vector(Vector(oneHot.scalars + step.context.scalars))
      attention = step
    }
    let (next, cache) = decoder.step(input, from: state, parameters: p.decoder)
    let logits = p.Why * decoder.output(of: next) + p.by
    return (next, Reference.softmax(logits), attention, cache)
  }

  /// The loss of translating `example.source` into `example.target` with teacher forcing (the
  /// decoder reads the true previous token), L = −Σ_t ln p_t[y_t], and what `backward` needs.
  public func forward(_ example: Seq2SeqExample, parameters p: Parameters) -> (
    loss: Double, record: Record
  ) {
    let source = encoderInput(example.source)
    let (summary, keys, encoderCaches) = encode(source, parameters: p)
    var record = Record(
      source: source, target: example.target, encoderCaches: encoderCaches, keys: keys,
      decoderCaches: [], outputs: [], probabilities: [], attention: [])
    var state = summary
    var loss = 0.0
    for (t, y) in example.target.enumerated() {
      let previous = t == 0 ? endToken : example.target[t - 1]
      let step = decode(previous, from: state, keys: keys, parameters: p)
      state = step.state
      record.decoderCaches.append(step.cache)
      record.outputs.append(decoder.output(of: step.state))
      record.probabilities.append(step.p)
      if let attention = step.attention { record.attention.append(attention) }
      loss -= log(step.p[y])
    }
    return (loss, record)
  }
}
