import CourseSupport

/// Task 6 · where the loss and the task disagree: every pair (i, j), i < j, of models that the
/// latent error ranks one way and the position error the other (strictly: latent[i] < latent[j]
/// and position[i] > position[j], or the reverse), in order of i, then j.
public func rankingDisagreements(latent: [Double], position: [Double]) -> [Pair] {
  // BEGIN SOLUTION
  var pairs: [Pair] = []
  for i in latent.indices {
    for j in (i + 1)..<latent.count {
      let latentSays = latent[i] < latent[j]
      let positionSays = position[i] < position[j]
      if latent[i] != latent[j] && position[i] != position[j] && latentSays != positionSays {
        pairs.append(Pair(i, j))
      }
    }
  }
  return pairs
  // END SOLUTION
}
