import CourseSupport

extension Reference {
  /// The pairs of models (i < j) that the latent error and the position error rank in opposite
  /// orders, strictly.
  public static func rankingDisagreements(latent: [Double], position: [Double]) -> [Pair] {
    latent.indices.flatMap { i in
      ((i + 1)..<latent.count).compactMap { j in
        let (dl, dp) = (latent[i] - latent[j], position[i] - position[j])
        return dl * dp < 0 ? Pair(i, j) : nil
      }
    }
  }
}
