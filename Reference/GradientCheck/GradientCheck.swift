import CourseSupport

/// One tensor the gradient check perturbs: its name, its shape (for messages such as
/// `Whh[3, 7]`), and where its numbers live inside the point being checked.
///
/// The check is generic over `Point`: anything with named `[Double]` tensors reachable by key
/// path. That is an RNN's five parameters today, an LSTM's gates or an embedding table later.
public struct CheckedTensor<Point> {
  public let name: String
  public let rows: Int
  public let cols: Int
  public let values: WritableKeyPath<Point, [Double]>

  public init(_ name: String, rows: Int, cols: Int = 1, values: WritableKeyPath<Point, [Double]>) {
    self.name = name
    self.rows = rows
    self.cols = cols
    self.values = values
  }

  /// `name[i]` for vectors, `name[row, col]` for matrices.
  public func label(_ flatIndex: Int) -> String {
    cols == 1 ? "\(name)[\(flatIndex)]" : "\(name)[\(flatIndex / cols), \(flatIndex % cols)]"
  }
}

/// The relative error used everywhere in the course: |a − n| / max(1e-8, |a| + |n|).
/// The floor keeps it finite when both values are (nearly) zero. NaN in, NaN out.
public func relativeError(_ analytic: Double, _ numeric: Double) -> Double {
  abs(analytic - numeric) / max(1e-8, abs(analytic) + abs(numeric))
}

/// ∂loss/∂tensor[i] for every i by central differences: (L(θ + h·e_i) − L(θ − h·e_i)) / 2h.
/// The truncation error is O(h²); with h = 1e-5 in Double it sits far below 1e-7 relative for
/// well-scaled losses, while rounding error (≈ 1e-16·|L| / h) stays small too.
public func numericGradient<Point>(
  of loss: (Point) -> Double, at point: Point, tensor: CheckedTensor<Point>, step: Double = 1e-5
) -> [Double] {
  var probe = point
  let original = point[keyPath: tensor.values]
  var gradient = [Double](repeating: 0, count: original.count)
  for i in original.indices {
    probe[keyPath: tensor.values][i] = original[i] + step
    let plus = loss(probe)
    probe[keyPath: tensor.values][i] = original[i] - step
    let minus = loss(probe)
    probe[keyPath: tensor.values][i] = original[i]
    gradient[i] = (plus - minus) / (2 * step)
  }
  return gradient
}

/// The worst entry of one tensor.
public struct TensorGradientCheck: Sendable, Equatable {
  public let tensor: String
  /// `Whh[3, 7]`, or the tensor's name alone when the whole tensor is wrong (missing, wrong size).
  public let location: String
  public let analytic: Double
  public let numeric: Double
  public let relativeError: Double
  /// Set when the analytic gradient could not be compared at all.
  public let problem: String?

  public func passes(tolerance: Double) -> Bool { problem == nil && relativeError <= tolerance }
}

public struct GradientCheckReport: Sendable, CustomStringConvertible {
  public let tensors: [TensorGradientCheck]
  public let step: Double

  /// The tensor with the largest relative error (NaN and problems count as worst).
  public var worst: TensorGradientCheck? {
    tensors.max { badness($0) < badness($1) }
  }

  public func passes(tolerance: Double) -> Bool {
    tensors.allSatisfy { $0.passes(tolerance: tolerance) }
  }

  /// One line per tensor; the worst entry of each with both values.
  public var description: String {
    tensors.map { t in
      if let problem = t.problem { return "\(t.tensor): \(problem)" }
      return
        "\(t.location): analytic \(formatScalar(t.analytic)), numeric \(formatScalar(t.numeric)), "
        + "relative error \(formatScalar(t.relativeError))"
    }.joined(separator: "\n")
  }

  private func badness(_ t: TensorGradientCheck) -> Double {
    if t.problem != nil || t.relativeError.isNaN { return .infinity }
    return t.relativeError
  }
}

/// Compares analytic gradients with central differences of `loss`, tensor by tensor.
///
/// - Parameters:
///   - loss: the scalar to differentiate, evaluated at a (perturbed) point.
///   - point: where to check.
///   - tensors: which tensors to perturb.
///   - analytic: the gradient to check, by tensor name (the same names as `tensors`).
///   - step: h in the central difference; 1e-5 is the course's choice for Double.
public func checkGradients<Point>(
  of loss: (Point) -> Double, at point: Point, tensors: [CheckedTensor<Point>],
  analytic: [String: [Double]], step: Double = 1e-5
) -> GradientCheckReport {
  var results: [TensorGradientCheck] = []
  for tensor in tensors {
    let count = point[keyPath: tensor.values].count
    guard let given = analytic[tensor.name] else {
      results.append(missing(tensor, "no analytic gradient was given"))
      continue
    }
    guard given.count == count else {
      results.append(
        missing(tensor, "the analytic gradient has \(given.count) numbers, the tensor has \(count)")
      )
      continue
    }
    let numeric = numericGradient(of: loss, at: point, tensor: tensor, step: step)
    var worstIndex = 0
    var worstError = -1.0
    for i in 0..<count {
      let e = relativeError(given[i], numeric[i])
      if e.isNaN || e > worstError {
        worstIndex = i
        worstError = e
        if e.isNaN { break }
      }
    }
    if count == 0 {
      results.append(
        TensorGradientCheck(
          tensor: tensor.name, location: tensor.name, analytic: 0, numeric: 0, relativeError: 0,
          problem: nil))
    } else {
      results.append(
        TensorGradientCheck(
          tensor: tensor.name, location: tensor.label(worstIndex), analytic: given[worstIndex],
          numeric: numeric[worstIndex], relativeError: worstError, problem: nil))
    }
  }
  return GradientCheckReport(tensors: results, step: step)
}

private func missing<Point>(_ tensor: CheckedTensor<Point>, _ problem: String)
  -> TensorGradientCheck
{
  TensorGradientCheck(
    tensor: tensor.name, location: tensor.name, analytic: .nan, numeric: .nan,
    relativeError: .infinity, problem: problem)
}
