/// The shape of a training run, as lesson ex04 names it.
public enum Diagnosis: String, CaseIterable, Sendable, Codable {
  /// Falls, then flattens.
  case healthy
  /// Barely falls: the learning rate is too low, or the model is too small.
  case plateau
  /// Sudden jumps: exploding gradients (clipping off, or a rate too high).
  case spikes
  /// Swings up and down without settling: the learning rate is too high.
  case oscillation
  /// Training keeps falling while validation turns back up: the model memorises.
  case overfitting
  /// NaN or ∞: the run has blown up.
  case diverged

  /// What the curve looks like and what to do about it, in one line.
  public var advice: String {
    switch self {
    case .healthy: "falls, then flattens: keep going, or try a bigger model"
    case .plateau: "stopped falling early: raise the learning rate, or add hidden units"
    case .spikes: "sudden jumps: exploding gradients; clip them (±5) or lower the rate"
    case .oscillation:
      "swings without settling: lower the learning rate, or let it decay (--lr-decay 0.5)"
    case .overfitting:
      "validation rises while training falls: more data, a smaller model, dropout (--dropout 0.5), or stop earlier"
    case .diverged: "NaN or ∞: lower the learning rate and keep clipping on"
    }
  }
}
