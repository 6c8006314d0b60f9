import CourseSupport

/// Task 1 · min-char-rnn's smoothed loss, one value per loss:
///
///     s = decay·s + (1 − decay)·loss,   starting from s = start
///
/// (min-char-rnn starts from −ln(1/V)·T, the loss of a uniform guess, with decay 0.999.)
public func smoothed(_ losses: [Double], decay: Double = 0.999, start: Double) -> [Double] {
  fatalError("TODO")
}

/// Task 1 · losses summed over windows of `sequenceLength` characters, per character.
public func perCharacter(_ losses: [Double], sequenceLength: Int) -> [Double] {
  fatalError("TODO")
}
