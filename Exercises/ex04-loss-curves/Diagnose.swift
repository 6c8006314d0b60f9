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
  fatalError("TODO")
}
