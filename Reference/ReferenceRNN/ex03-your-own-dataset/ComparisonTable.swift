import CourseSupport
import Foundation

extension Reference {
  /// The comparison as a Markdown table, best validation loss first (ties keep their order):
  /// losses with 4 decimals, seconds with 1.
  public static func markdownTable(_ rows: [ComparisonRow]) -> String {
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
  }

  /// The comparison as CSV, in the given order, every number at full precision.
  public static func csv(_ rows: [ComparisonRow]) -> String {
    var lines = ["hidden,learning_rate,sequence,training_loss,validation_loss,seconds"]
    for r in rows {
      lines.append(
        "\(r.hiddenSize),\(r.learningRate),\(r.sequenceLength),\(r.trainingLoss),\(r.validationLoss),\(r.seconds)"
      )
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
