import CourseSupport
import Foundation

extension Reference {
  /// min-char-rnn's smoothed loss: s = decay·s + (1 − decay)·loss, from `start`; one value per loss.
  public static func smoothed(_ losses: [Double], decay: Double = 0.999, start: Double) -> [Double]
  {
    var s = start
    return losses.map { loss in
      s = decay * s + (1 - decay) * loss
      return s
    }
  }

  /// Losses summed over windows of `sequenceLength` characters, per character.
  public static func perCharacter(_ losses: [Double], sequenceLength: Int) -> [Double] {
    losses.map { $0 / Double(sequenceLength) }
  }

  /// Names the shape of a run from its training losses (per character, one per iteration) and
  /// its validation losses (per character, evenly spaced; may be empty). The checks, in order:
  ///
  /// 1. diverged: any loss is NaN or ∞;
  /// 2. overfitting: at least 4 validation losses, the lowest one before the last third, the
  ///    last one 5% above it, while training is still lower at the end than at that point;
  /// 3. spikes: at least 3 iterations whose loss is more than 3 times the median of the 20 before
  ///    it and above the first loss (a healthy run's windows vary by up to about 3 times, but
  ///    never back above where it started), or more than 3 times the first loss;
  /// 4. oscillation: in the second half, averaged over blocks of 20 iterations (single windows
  ///    are noisy), more than a quarter of the blocks rise by more than 15% of its mean;
  /// 5. plateau: the last tenth's mean is above 90% of the first iteration's loss;
  /// 6. otherwise healthy.
  public static func diagnose(train: [Double], validation: [Double]) -> Diagnosis {
    if (train + validation).contains(where: { !$0.isFinite }) { return .diverged }
    let n = train.count
    guard n >= 20 else { return .healthy }
    func mean(_ xs: ArraySlice<Double>) -> Double { xs.reduce(0, +) / Double(max(xs.count, 1)) }

    let v = validation.count
    if v >= 4, let best = validation.indices.min(by: { validation[$0] < validation[$1] }),
      best < v - v / 3, validation[v - 1] > 1.05 * validation[best]
    {
      let atBest = n * (best + 1) / v
      let around = train[max(0, atBest - n / 20)..<min(n, atBest + n / 20 + 1)]
      if mean(train[(n - n / 10)...]) < mean(around) { return .overfitting }
    }

    var spikes = 0
    for i in 20..<n {
      let window = train[(i - 20)..<i].sorted()
      if (train[i] > 3 * window[10] && train[i] > train[0]) || train[i] > 3 * train[0] {
        spikes += 1
      }
    }
    if spikes >= 3 { return .spikes }

    let half = train[(n / 2)...]
    let level = mean(half)
    let blocks = stride(from: n / 2, to: n - 19, by: 20).map { mean(train[$0..<($0 + 20)]) }
    var rises = 0
    for b in blocks.indices.dropFirst() where blocks[b] - blocks[b - 1] > 0.15 * level {
      rises += 1
    }
    if blocks.count > 1 && Double(rises) > 0.25 * Double(blocks.count - 1) { return .oscillation }

    if mean(train[(n - n / 10)...]) > 0.9 * train[0] { return .plateau }
    return .healthy
  }

  /// Seeded synthetic runs of each kind, with clear margins: what ex04's suite diagnoses.
  public static func syntheticRun(_ kind: Diagnosis, seed: UInt64 = 1, length n: Int = 400) -> (
    train: [Double], validation: [Double]
  ) {
    var rng = SeededGenerator(seed: seed)
    func noise(_ scale: Double) -> Double { scale * rng.nextNormal() }
    func healthy(_ i: Int) -> Double { 1.4 + 2.8 * exp(-Double(i) / 60) }
    var train = (0..<n).map { i in healthy(i) + noise(0.02) }
    var validation = (1...10).map { k in healthy(k * n / 10) + 0.05 + noise(0.01) }
    switch kind {
    case .healthy:
      break
    case .plateau:
      train = (0..<n).map { i in
        let drop = 0.2 * (1 - exp(-Double(i) / 20))
        return 4.2 - drop + noise(0.02)
      }
      validation = (1...10).map { _ in 4.05 + noise(0.01) }
    case .spikes:
      for i in [90, 170, 260, 330] { train[i] *= 3.5 }
    case .oscillation:
      for i in (n / 4)..<n { train[i] += 0.9 * sin(2 * Double.pi * Double(i) / 40) }
    case .overfitting:
      train = (0..<n).map { i in
        let decay = exp(-Double(i) / 60)
        return 0.3 + 3.9 * decay + noise(0.02)
      }
      validation = (1...10).map { k in
        let distance = Double(k - 3)
        return 1.6 + 0.08 * distance * distance + noise(0.01)
      }
    case .diverged:
      for i in (n - 30)..<n {
        let growth = Double(i - n + 31)
        train[i] = i < n - 5 ? train[i] * growth : .nan
      }
    }
    return (train, validation)
  }
}
