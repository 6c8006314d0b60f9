/// Where everything lives in the fast trainer's flat buffers.
///
/// H and V are rounded up to multiples of 8 (`h`, `v`) so that every row is made of whole
/// 4-wide vectors and the products need no ragged edges. The padding holds zeros and stays zero:
/// a padded hidden unit has no weights, so its activation is tanh(0) = 0 and every gradient that
/// touches it is 0; a padded class is left out of the softmax, so its dy is 0.
///
/// The parameter block is WxhT (V × h, Wxh transposed so that column x_t is a row), Whh (h × h),
/// Why (v × h), bh (h), by (v), all row-major.
public struct FastLayout: Sendable, Equatable {
  public let hidden: Int
  public let vocabulary: Int
  public let h: Int
  public let v: Int

  public init(hidden: Int, vocabulary: Int) {
    self.hidden = hidden
    self.vocabulary = vocabulary
    h = (hidden + 7) / 8 * 8
    v = (vocabulary + 7) / 8 * 8
  }

  @inlinable public var wxhT: Int { 0 }
  @inlinable public var whh: Int { vocabulary * h }
  @inlinable public var why: Int { whh + h * h }
  @inlinable public var bh: Int { why + v * h }
  @inlinable public var by: Int { bh + h }
  /// Length of a parameter (or gradient, or Adagrad memory) block; a multiple of 8.
  @inlinable public var count: Int { by + v }
}
