/// Where everything lives in the fast trainer's flat buffers.
///
/// H and V are rounded up to multiples of 8 (`h`, `v`) so that every row is made of whole
/// 8-wide vectors (one panel row) and the products need no ragged edges. The padding holds zeros and stays zero:
/// a padded hidden unit has no weights, so its activation is tanh(0) = 0 and every gradient that
/// touches it is 0; a padded class is left out of the softmax, so its dy is 0.
///
/// The parameter block is WxhT (V × h, Wxh transposed so that column x_t is a row), Whh (h × h),
/// Why (v × h), bh (h), by (v), all row-major.
public struct FastLayout: Sendable, Equatable {
  /// H, the hidden units.
  public let hidden: Int
  /// V, the characters read and scored.
  public let vocabulary: Int
  /// H rounded up to a multiple of 8: the length of a row of hidden units.
  public let h: Int
  /// V rounded up to a multiple of 8: the length of a row of scores.
  public let v: Int

  /// The layout for H = `hidden` and V = `vocabulary`.
  public init(hidden: Int, vocabulary: Int) {
    self.hidden = hidden
    self.vocabulary = vocabulary
    h = (hidden + 7) / 8 * 8
    v = (vocabulary + 7) / 8 * 8
  }

  /// Offset of WxhT (V × h): row c is Wxh's column c, what one-hot c reads.
  @inlinable public var wxhT: Int { 0 }
  /// Offset of Whh (h × h).
  @inlinable public var whh: Int { vocabulary * h }
  /// Offset of Why (v × h).
  @inlinable public var why: Int { whh + h * h }
  /// Offset of bh (h).
  @inlinable public var bh: Int { why + v * h }
  /// Offset of by (v).
  @inlinable public var by: Int { bh + h }
  /// Length of a parameter (or gradient, or Adagrad memory) block; a multiple of 8.
  @inlinable public var count: Int { by + v }
}
