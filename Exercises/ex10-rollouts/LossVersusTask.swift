import CourseSupport

/// Task 6 · where the loss and the task disagree: every pair (i, j), i < j, of models that the
/// latent error ranks one way and the position error the other (strictly: latent[i] < latent[j]
/// and position[i] > position[j], or the reverse), in order of i, then j.
public func rankingDisagreements(latent: [Double], position: [Double]) -> [Pair] {
  fatalError("TODO")
}
