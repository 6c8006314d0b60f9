import CourseSupport

/// Task 3 · what each author's model holds in mind while it reads a passage.
///
/// For each model in turn: `model.hiddenStates(warmup + passage)`, keep the last passage.count
/// states (those after each character of the passage), and compute each unit's mean and its
/// standard deviation (√ of the mean squared difference from the mean) over them: exactly what
/// `standardization` below computes over rows, so you may call it. Return, model after model,
/// the H means followed by the H deviations.
public func hiddenFeatures(_ passage: [Int], warmup: [Int], models: [CharacterScorer]) -> Vector {
  // BEGIN SOLUTION
  var features: [Double] = []
  for model in models {
    let states = Array(model.hiddenStates(warmup + passage).suffix(passage.count))
    // The same mean and deviation as the training rows' below, over time instead of rows.
    let (mean, deviation) = standardization(states)
    features += mean.scalars + deviation.scalars
  }
  return Vector(features)
  // END SOLUTION
}

/// Task 3 · each feature's mean and standard deviation over the training rows: what every row
/// (the training set's and any later one's) is standardised with.
public func standardization(_ rows: [Vector]) -> (mean: Vector, deviation: Vector) {
  // BEGIN SOLUTION
  let n = Double(rows.count)
  var mean = Vector.zeros(rows[0].count)
  for row in rows { mean += row }
  mean = mean / n
  var variance = Vector.zeros(mean.count)
  for row in rows { variance += (row - mean) * (row - mean) }
  return (mean, (variance / n).map { $0.squareRoot() })
  // END SOLUTION
}

/// Task 3 · (row − mean) / deviation, element by element; a deviation of 0 (a feature that never
/// changed) is read as 1, so that feature becomes 0 instead of NaN.
public func standardized(_ row: Vector, mean: Vector, deviation: Vector) -> Vector {
  // BEGIN SOLUTION
  (row - mean) / deviation.map { $0 > 0 ? $0 : 1 }
  // END SOLUTION
}
