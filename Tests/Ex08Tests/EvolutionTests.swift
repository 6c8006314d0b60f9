import CourseSupport
import CourseTesting
import Ex08
import GradientCheck
import ReferenceRNN
import Testing

/// Task `evolution`: counting parameters, and four models given the same number of them.
@Suite("evolution") struct Evolution {
  static let architectures: [Architecture] = [
    .oneHotRNN, .embeddingRNN(embedding: 16), .gru(embedding: 16), .lstm(embedding: 16),
  ]

  @Test("the parameter count of each architecture equals its model's tensors' sizes")
  func counts() {
    for a in Self.architectures {
      for (v, h) in [(54, 126), (7, 3), (65, 256)] {
        let want = a.spec(vocabularySize: v, hiddenSize: h).parameterCount
        let got = parameterCount(a, vocabularySize: v, hiddenSize: h)
        expectCount(
          got, want, "parameterCount(\(a), V = \(v), H = \(h))",
          hint:
            "Add up every tensor: the embedding table V×E (not for the one-hot RNN), each gate's W (H×input), U (H×H) and b (H), and the output layer Why (V×H) and by (V)."
        )
      }
    }
  }

  /// What a count that is off by `d` is missing, when the numbers say: a multiple of H, V or H².
  static func difference(_ d: Int, v: Int, h: Int) -> String {
    let what = d > 0 ? "missing" : "counted too many"
    let n = abs(d)
    if n % (h * h) == 0 {
      return "You have \(what) \(n / (h * h)) × H² = \(n): a recurrent matrix (H × H)? "
    }
    if n % h == 0 && n / h <= 64 {
      return "You have \(what) \(n / h) × H = \(n): a bias (H numbers) per gate? "
    }
    if n % v == 0 && n / v <= 64 {
      return "You have \(what) \(n / v) × V = \(n): the output bias, or the embedding table? "
    }
    return ""
  }

  @Test("hiddenSize gives the largest H within the budget")
  func sizes() {
    for a in Self.architectures {
      for budget in [30_000, 5_000] {
        let want = Reference.hiddenSize(for: a, vocabularySize: 54, budget: budget)
        let got = hiddenSize(for: a, vocabularySize: 54, budget: budget)
        expectCount(
          got, want, "hiddenSize(for: \(a), V = 54, budget: \(budget))",
          hint:
            "The largest H with parameterCount(…, hiddenSize: H) ≤ budget: count up from 1 while the next H still fits (at H = \(want), \(parameterCount(a, vocabularySize: 54, hiddenSize: want)); at H = \(want + 1), \(parameterCount(a, vocabularySize: 54, hiddenSize: want + 1)))."
        )
      }
    }
  }

  /// `EvolutionExperiment`: 30,000 parameters each, sized by your hiddenSize; the play corpus;
  /// 1,000 iterations of Adam at 0.003; seeds 1–3. Measured (validation loss per character): the
  /// one-hot RNN 1.19–1.21, the embedding RNN 0.98–1.08, the GRU 0.95–0.96.
  @Test(
    "at the suite's budget, the embedding RNN beats the one-hot RNN and the GRU beats both, on every seed"
  )
  func ordering() {
    let v = EvolutionExperiment.corpus.vocabulary.count
    let budget = EvolutionExperiment.budget
    for seed in EvolutionExperiment.seeds {
      let loss = [Architecture.oneHotRNN, .embeddingRNN(embedding: 16), .gru(embedding: 16)].map {
        a in
        EvolutionExperiment.validationLoss(
          a.spec(
            vocabularySize: v, hiddenSize: hiddenSize(for: a, vocabularySize: v, budget: budget)),
          seed: seed)
      }
      expectThat(
        loss[1] < loss[0] - 0.05 && loss[2] < loss[0] - 0.1,
        "seed \(seed): validation loss per character: one-hot RNN \(formatScalar(loss[0])), embedding RNN \(formatScalar(loss[1])), GRU \(formatScalar(loss[2])); expected the embedding RNN at least 0.05 below the one-hot RNN and the GRU at least 0.1 below it (measured 0.11 to 0.22 and 0.24 to 0.26)."
      )
    }
  }
}
