import CourseSupport

/// Task 2 · name the shape of a run.
///
/// `train`: training loss per character, one per iteration. `validation`: validation loss per
/// character, evenly spaced over the run (may be empty). Check, in this order, and return the
/// first that applies (n = train.count; with fewer than 20 iterations, say `.healthy`):
///
/// 1. `.diverged` — any loss (training or validation) is NaN or ∞.
/// 2. `.overfitting` — there are at least 4 validation losses (v of them); the lowest is at index
///    `best` < v − v/3; the last is more than 5% above the lowest; and the mean training loss of
///    the last tenth is below the mean of `train[atBest − n/20 ... atBest + n/20]` (clamped to
///    the array), where atBest = n·(best + 1)/v is the iteration of that validation loss.
/// 3. `.spikes` — at least 3 iterations i ≥ 20 whose loss is more than 3 times the median of
///    the 20 before it (sort `train[i−20..<i]` and take element 10) and above the first loss
///    (real windows vary by up to about 3 times; an exploding run also climbs above where it
///    started) — or whose loss is more than 3 times the first loss.
/// 4. `.oscillation` — average the second half in blocks of 20 iterations (blocks starting at
///    n/2, n/2 + 20, … while a whole block fits): more than a quarter of the steps from one block
///    to the next rise by more than 15% of the second half's mean. (Single windows are too noisy
///    to judge: a healthy run's windows vary by up to 3 times.)
/// 5. `.plateau` — the mean of the last tenth is above 90% of the first loss.
/// 6. `.healthy` otherwise.
public func diagnose(train: [Double], validation: [Double]) -> Diagnosis {
  // BEGIN SOLUTION
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
    if (train[i] > 3 * window[10] && train[i] > train[0]) || train[i] > 3 * train[0] { spikes += 1 }
  }
  if spikes >= 3 { return .spikes }

  let half = train[(n / 2)...]
  let level = mean(half)
  let blocks = stride(from: n / 2, to: n - 19, by: 20).map { mean(train[$0..<($0 + 20)]) }
  var rises = 0
  for b in blocks.indices.dropFirst() where blocks[b] - blocks[b - 1] > 0.15 * level { rises += 1 }
  if blocks.count > 1 && Double(rises) > 0.25 * Double(blocks.count - 1) { return .oscillation }

  if mean(train[(n - n / 10)...]) > 0.9 * train[0] { return .plateau }
  return .healthy
  // END SOLUTION
}
