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
/// 3. `.spikes` — at least 3 iterations i ≥ 10 whose loss is more than twice the median of the
///    10 before it (sort `train[i−10..<i]` and take element 5).
/// 4. `.oscillation` — in the second half (i from n/2 + 1), the loss rises from one iteration to
///    the next by more than 15% of the second half's mean in more than a quarter of the
///    (n − n/2 − 1) steps.
/// 5. `.plateau` — the mean of the last tenth is above 90% of the first loss.
/// 6. `.healthy` otherwise.
public func diagnose(train: [Double], validation: [Double]) -> Diagnosis {
  fatalError("TODO")
}
