import CourseSupport
import Foundation
import ReferenceRNN

extension ComplexityStudy {
  func markdown() -> String {
    var lines = ["# Complexity dynamics", ""]
    lines += automatonSection() + [""] + cupSection() + [""] + adjustedSection() + [""]
    lines += scalingSection()
    return lines.joined(separator: "\n") + "\n"
  }

  func automatonSection() -> [String] {
    var lines = [
      "## Rule \(settings.rule) from one live cell (\(settings.width) cells, \(settings.rows) rows)",
      "", "Block entropy per cell, H_k / k bits (1 for a row no one could predict):", "",
      "| row | " + entropyBlocks.map { "k = \($0)" }.joined(separator: " | ") + " |",
      "|---:|" + entropyBlocks.map { _ in "---:|" }.joined(),
    ]
    for (t, values) in zip(entropyRows, blockEntropy) {
      lines.append(
        "| \(t) | " + values.map { String(format: "%.3f", $0) }.joined(separator: " | ") + " |")
    }
    return lines
  }

  func cupSection() -> [String] {
    var lines = [
      "## The coffee automaton: a cup of \(settings.n) × \(settings.n), grain \(settings.grain.size(n: settings.n))\(settings.grain == .squareRoot ? " (√n)" : ""), seed \(settings.seed), adjustment \(settings.adjustment.rawValue)",
      "",
      "| model | coder | entropy: start → largest | complexity: start → peak (at) → end | adjusted: start → peak → end |",
      "|---|---|---:|---:|---:|",
    ]
    for model in CoffeeModel.allCases {
      for compressor in Compressor.allCases {
        let run = run(model, compressor)
        let (first, last) = (run.points.first!, run.points.last!)
        let peak = run.peak()
        let when = String(
          format: "%.0f %@", model.time(peak.step, n: run.n),
          model == .interacting ? "sweeps" : "steps")
        lines.append(
          "| \(model.rawValue) | \(compressor.rawValue) | \(first.entropy) → \(run.points.map(\.entropy).max()!) | \(first.complexity) → \(peak.complexity) (\(when)) → \(last.complexity) | \(first.adjustedComplexity) → \(run.peak(adjusted: true).adjustedComplexity) → \(last.adjustedComplexity) |"
        )
      }
    }
    return lines
  }

  /// Flat, or rising and falling: the adjusted curves' means over each sixth of the run.
  func adjustedSection() -> [String] {
    var lines = [
      "## The adjusted complexity through the run (\(settings.adjustment.rawValue); mean over each sixth of the samples, bits)",
      "", "| model | coder | 1st | 2nd | 3rd | 4th | 5th | 6th |",
      "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for model in CoffeeModel.allCases {
      for compressor in Compressor.allCases {
        let means = run(model, compressor).adjustedMeans(parts: 6)
        lines.append(
          "| \(model.rawValue) | \(compressor.rawValue) | "
            + means.map { String(format: "%.0f", $0) }.joined(separator: " | ") + " |")
      }
    }
    return lines
  }

  func scalingSection() -> [String] {
    var lines = [
      "## Scaling (interacting, deflate; seeds \(settings.seeds.map(String.init).joined(separator: ", ")); means over seeds; adjustment \(settings.adjustment.rawValue))",
      "",
      "| n | grain | largest entropy | largest complexity | largest adjusted complexity | peak (sweeps) |",
      "|---:|---:|---:|---:|---:|---:|",
    ]
    for n in settings.sizes {
      let mine = scaling.filter { $0.row.n == n }
      func mean(_ f: (ScalingRecord) -> Double) -> Double {
        mine.map(f).reduce(0, +) / Double(mine.count)
      }
      lines.append(
        String(
          format: "| %d | %d | %.0f | %.0f | %.0f | %.0f |", n, settings.grain.size(n: n),
          mean { Double($0.row.maxEntropy) },
          mean { Double($0.row.maxComplexity) }, mean { Double($0.maxAdjustedComplexity) },
          mean(\.peakSweeps)))
    }
    lines += [
      "", "| grows as n to the power | fitted to every size and seed |", "|---|---:|",
      String(format: "| largest entropy | %.2f |", exponents.entropy),
      String(format: "| largest complexity (3 buckets) | %.2f |", exponents.complexity),
      String(format: "| largest complexity (adjusted) | %.2f |", exponents.adjustedComplexity),
      String(format: "| time of the peak (sweeps) | %.2f |", exponents.peakSweeps),
    ]
    return lines
  }
}
