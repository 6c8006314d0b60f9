import CourseSupport
import CourseTesting
import Ex06
import ReferenceRNN
import Testing

/// Not graded: `swift run grader compare ex06` runs each of these with your code and with the
/// solution, on the same inputs, and shows where the recorded values first differ.
@Suite("probe (for grader compare)", .enabled(if: ProbeLog.isRecording, ProbeLog.skipReason))
struct Probe {
  @Test func style() {
    ProbeLog.record(
      "styleStatistics", Ex06.styleStatistics(BuiltInAuthor.ornate.text(characters: 300)).vector)
  }

  @Test func likelihood() {
    ProbeLog.record(
      "ln p(aab | echo)", Ex06.logLikelihood(of: [0, 0, 1], after: [1], model: Study.echo))
    ProbeLog.record(
      "p(author | aab)",
      Ex06.classifyByLikelihood([0, 0, 1], warmup: [1], models: [Study.sure, Study.echo]))
  }

  @Test func features() {
    ProbeLog.record(
      "hiddenFeatures", Ex06.hiddenFeatures([1, 0, 1, 1], warmup: [0], models: [Study.echo]))
    let (mean, deviation) = Ex06.standardization([Vector([1, 5]), Vector([3, 5])])
    ProbeLog.record("mean", mean)
    ProbeLog.record("deviation", deviation)
    ProbeLog.record(
      "standardized([2, 5])",
      Ex06.standardized(Vector([2, 5]), mean: Vector([2, 5]) * 0.5, deviation: Vector([1, 0])))
  }

  @Test func regression() {
    let (W, b, rows, labels) = Regression.problem()
    let g = Ex06.softmaxRegressionLoss(weights: W, bias: b, rows: rows, labels: labels, l2: 0.1)
    ProbeLog.record("loss", g.loss)
    ProbeLog.record("dW", g.dWeights)
    ProbeLog.record("db", g.dBias)
    let trained = Ex06.trainSoftmaxRegression(
      rows: rows, labels: labels, classes: b.count, l2: 0.1, rate: 0.5, steps: 20)
    ProbeLog.record("trained weights (20 steps)", trained.weights)
    ProbeLog.record("trained bias (20 steps)", trained.bias)
  }

  @Test func evaluation() {
    let c = Ex06.confusionMatrix(
      predicted: [0, 1, 1, 2, 0, 2], actual: [0, 1, 2, 2, 1, 2], classes: 3)
    ProbeLog.record("confusion", c.joined().map(Double.init))
    ProbeLog.record("accuracy", Ex06.accuracy(c))
  }

  @Test func vocabulary() {
    let counts = Ex06.ngrams([0, 1, 0, 1, 1], n: 2)
    for gram in counts.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
      ProbeLog.record("ngrams(01011, n 2)[\(gram)]", Double(counts[gram]!))
    }
    ProbeLog.record(
      "ln p(aba)",
      Ex06.naiveBayesLogLikelihood(
        [0, 1, 0], authorCounts: [[0, 1]: 3, [1, 0]: 1], distinct: 5, n: 2))
  }
}
