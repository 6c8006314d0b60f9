import CourseSupport
import Foundation

/// Task 4 · the hyperparameter comparison as a Markdown table, best validation loss first
/// (rows with equal validation loss keep their order):
///
///     | hidden | learning rate | sequence | training loss | validation loss | seconds |
///     |---:|---:|---:|---:|---:|---:|
///     | 100 | 0.1 | 25 | 1.6590 | 1.7012 | 2.3 |
///
/// Losses with 4 decimals and seconds with 1 (`String(format: "%.4f", x)`); the learning rate as
/// Swift prints it (`"\(0.1)"` is "0.1"). The text ends with a newline.
public func markdownTable(_ rows: [ComparisonRow]) -> String {
  // BEGIN SOLUTION
  let sorted = rows.enumerated().sorted {
    ($0.element.validationLoss, $0.offset) < ($1.element.validationLoss, $1.offset)
  }.map(\.element)
  var lines = [
    "| hidden | learning rate | sequence | training loss | validation loss | seconds |",
    "|---:|---:|---:|---:|---:|---:|",
  ]
  for r in sorted {
    lines.append(
      "| \(r.hiddenSize) | \(r.learningRate) | \(r.sequenceLength) | "
        + String(format: "%.4f | %.4f | %.1f |", r.trainingLoss, r.validationLoss, r.seconds))
  }
  return lines.joined(separator: "\n") + "\n"
  // END SOLUTION
}

/// Task 4 · the same rows as CSV, in the order given, every number as Swift prints it (full
/// precision), under the header `hidden,learning_rate,sequence,training_loss,validation_loss,seconds`.
/// The text ends with a newline.
public func csv(_ rows: [ComparisonRow]) -> String {
  // BEGIN SOLUTION
  var lines = ["hidden,learning_rate,sequence,training_loss,validation_loss,seconds"]
  for r in rows {
    lines.append(
      "\(r.hiddenSize),\(r.learningRate),\(r.sequenceLength),\(r.trainingLoss),\(r.validationLoss),\(r.seconds)"
    )
  }
  return lines.joined(separator: "\n") + "\n"
  // END SOLUTION
}
