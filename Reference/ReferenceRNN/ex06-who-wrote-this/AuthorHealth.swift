import CourseSupport
import Foundation

extension AuthorStudy {
  /// losses[model][author]: each model's loss per character, from a fresh state (after the
  /// warm-up), on the first `characters` of each author's held-out text: what the likelihood
  /// classifier compares.
  public func heldOutLosses(_ models: [CharacterScorer], characters: Int) -> [[Double]] {
    let texts = heldOutText.map { Array($0.prefix(characters)) }
    return models.map { model in
      texts.map {
        -Reference.logLikelihood(of: $0, after: warmup, model: model) / Double(max($0.count, 1))
      }
    }
  }

  /// ln V: what a uniform guess scores per character.
  public var uniformLoss: Double { log(Double(vocabulary.count)) }

  /// One line for each broken model: worse than a uniform guess on its own author's held-out
  /// text (`losses[k][k]`), or failing from a fresh state (`freshState[k]`). Such a model's
  /// likelihoods say nothing, so the accuracies built on it are a bug of the run, not a result.
  public func problems(losses: [[Double]], freshState: [FreshStateCheck?]) -> [String] {
    names.indices.compactMap { k in
      let own = losses[k][k]
      if !(own < uniformLoss) {
        // Cut into slices, a text that drifts (a last fifth in capitals) is held out unlike
        // anything its model read; dealt in blocks, a model this bad is undertrained or broken.
        let helps =
          split == .slices
          ? "Its held-out slice may be unlike the text it trained on: deal the text in blocks (drop --split slices)"
          : "Train it longer (--iters), or with another --seed"
        return String(
          format:
            "BROKEN: the %@ model scores its own author's held-out text at %.3f nats per character, worse than a uniform guess (ln %d = %.3f): its likelihoods say nothing. %@.",
          names[k], own, vocabulary.count, uniformLoss, helps)
      }
      if freshState.indices.contains(k), let check = freshState[k], !check.passed {
        return
          "BROKEN: the \(names[k]) model \(check.finding) of its held-out text; the classifiers start it from a zero state, where it fails (ex03's lesson). Train again with another --seed."
      }
      return nil
    }
  }
}
