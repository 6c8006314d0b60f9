import CourseSupport
import CourseTesting
import Ex06
import GradientCheck
import ReferenceRNN
import Testing

/// Task `evaluation`: confusion matrices, and both classifiers on held-out passages.
@Suite("evaluation") struct Evaluation {
  @Test("a confusion matrix and its accuracy worked out by hand")
  func byHand() {
    let c = confusionMatrix(predicted: [0, 1, 1, 2, 0, 2], actual: [0, 1, 2, 2, 1, 2], classes: 3)
    expectThat(
      c == [[1, 0, 0], [1, 1, 0], [0, 1, 2]],
      "confusionMatrix = \(c), expected [[1, 0, 0], [1, 1, 0], [0, 1, 2]]: rows are the actual authors, columns the predicted ones."
    )
    expectClose(
      accuracy(c), 4.0 / 6, tolerance: 1e-12, "accuracy", hint: "The diagonal's sum over the total."
    )
  }

  /// `Study`: held-out passages, 100 per author, three authors. Measured with this budget (`rnn
  /// authors --characters 50000 --hidden 32 --iters 2000`): the likelihood classifier 0.72,
  /// 0.85, 0.95, 0.98 at 20, 50, 100 and 200 characters; the feature classifier 0.98 at 200.
  @Test(
    "at 200 characters both classifiers are right more than 80% of the time, and longer passages are easier"
  )
  func heldOut() {
    let study = Study.study
    let likelihoodAt = { (length: Int) -> Double in
      let (passages, labels) = study.heldOut(length: length, perAuthor: 100)
      let predicted = passages.map {
        let p = classifyByLikelihood($0, warmup: study.warmup, models: Study.models)
        return p.indices.max { p[$0] < p[$1] } ?? 0
      }
      return accuracy(confusionMatrix(predicted: predicted, actual: labels, classes: 3))
    }
    let byLength = [20, 50, 200].map(likelihoodAt)
    expectThat(
      byLength[2] > 0.8 && byLength[0] < byLength[1] && byLength[1] < byLength[2],
      "the likelihood classifier's accuracy at 20, 50 and 200 characters: \(byLength.map(formatScalar)); expected above 0.8 at 200, and rising with the length (measured 0.72, 0.85, 0.98)."
    )
    let features = featureAccuracy(at: 200)
    expectThat(
      features > 0.8,
      "the feature classifier's accuracy at 200 characters: \(formatScalar(features)); expected above 0.8 (measured 0.98)."
    )
  }

  /// Trained on 60 passages of 200 characters per author from the classifier's part of the
  /// text: your features, standardised with the training rows, 300 steps of gradient descent at
  /// 0.5 with l2 = 0.01.
  func featureAccuracy(at length: Int) -> Double {
    let study = Study.study
    func features(_ passage: [Int]) -> Vector {
      Vector(
        hiddenFeatures(passage, warmup: study.warmup, models: Study.models).scalars
          + styleStatistics(study.vocabulary.decode(passage)).vector.scalars)
    }
    var rows: [Vector] = []
    var labels: [Int] = []
    for k in 0..<3 {
      for passage in AuthorStudy.passages(study.classifierText[k], length: 200, count: 60) {
        rows.append(features(passage))
        labels.append(k)
      }
    }
    let (mean, deviation) = standardization(rows)
    let (W, b) = trainSoftmaxRegression(
      rows: rows.map { standardized($0, mean: mean, deviation: deviation) }, labels: labels,
      classes: 3, l2: 0.01, rate: 0.5, steps: 300)
    let (passages, actual) = study.heldOut(length: length, perAuthor: 100)
    let predicted = passages.map {
      (W * standardized(features($0), mean: mean, deviation: deviation) + b).argmax()
    }
    return accuracy(confusionMatrix(predicted: predicted, actual: actual, classes: 3))
  }
}
