/// An encoder–decoder's tensors (ex12): two recurrent layers of the same kind, the output layer
/// on the decoder, and additive attention's three tensors (empty without attention).
public struct Seq2SeqParameters<Layer: TensorSet>: TensorSet {
  /// The encoder's layer.
  public var encoder: Layer
  /// The decoder's layer.
  public var decoder: Layer
  /// The output layer's weights (V_target × H).
  public var Why: Matrix
  /// The output layer's bias (V_target).
  public var by: Vector
  /// The attention's weights on the decoder's state (A × H); 0 × H without attention.
  public var Wa: Matrix
  /// The attention's weights on an encoder state (A × H).
  public var Ua: Matrix
  /// The attention's scoring vector (A).
  public var va: Vector

  /// The tensors of an encoder–decoder, from its parts.
  public init(
    encoder: Layer, decoder: Layer, Why: Matrix, by: Vector, Wa: Matrix, Ua: Matrix, va: Vector
  ) {
    (self.encoder, self.decoder, self.Why, self.by) = (encoder, decoder, Why, by)
    (self.Wa, self.Ua, self.va) = (Wa, Ua, va)
  }

  /// Whether the model attends.
  public var hasAttention: Bool { va.count > 0 }

  /// `encoder.…`, `decoder.…`, then Why, by, and the attention's Wa, Ua, va when it has them.
  public var tensors: [TensorSlot<Seq2SeqParameters>] {
    encoder.tensors.map { $0.nested(in: \Seq2SeqParameters.encoder, prefix: "encoder.") }
      + decoder.tensors.map { $0.nested(in: \Seq2SeqParameters.decoder, prefix: "decoder.") }
      + [.matrix("Why", Why, \.Why), .vector("by", by, \.by)]
      + (hasAttention
        ? [.matrix("Wa", Wa, \.Wa), .matrix("Ua", Ua, \.Ua), .vector("va", va, \.va)] : [])
  }
}
