import CourseSupport

/// The relative error used everywhere in the course: |a − n| / max(1e-8, |a| + |n|).
/// The floor keeps it finite when both values are (nearly) zero. NaN in, NaN out.
public func relativeError(_ analytic: Double, _ numeric: Double) -> Double {
  abs(analytic - numeric) / max(1e-8, abs(analytic) + abs(numeric))
}

/// The step h of the course's numeric gradients.
public let gradientCheckStep = 1e-3

/// ∂loss/∂tensor[i] for every i by central differences of fourth order, with L(x) the loss
/// with θ_i moved to x:
///
///     (L(θ_i − 2h) − 8·L(θ_i − h) + 8·L(θ_i + h) − L(θ_i + 2h)) / 12h
///
/// Its truncation error is O(h⁴), about 1e-12 at h = 1e-3, and its rounding error about
/// 1e-16·|L| / h. The two-point (L(θ_i + h) − L(θ_i − h)) / 2h needs h near 1e-5 to keep its
/// O(h²) truncation small, where rounding reaches 1e-10: too coarse to check an LSTM's small
/// gradients at 1e-7 relative error (measured: 1e-7 to 1e-5 for a correct LSTM, against 1e-8
/// and below with this one).
public func numericGradient<Point>(
  of loss: (Point) -> Double, at point: Point, tensor: TensorSlot<Point>,
  step h: Double = gradientCheckStep
) -> [Double] {
  var probe = point
  let original = point[keyPath: tensor.values]
  var gradient = [Double](repeating: 0, count: original.count)
  for i in original.indices {
    func moved(_ d: Double) -> Double {
      probe[keyPath: tensor.values][i] = original[i] + d
      return loss(probe)
    }
    gradient[i] = centralDifference(step: h) { moved($0) }
    probe[keyPath: tensor.values][i] = original[i]
  }
  return gradient
}

/// The derivative at 0 of `f`, a function of how far a number is moved, by the course's central
/// differences (`numericGradient`): (f(−2h) − f(2h) + 8·(f(h) − f(−h))) / 12h. The differences are
/// taken in pairs first, so that a number the function does not read gets exactly 0: summed left
/// to right, L − 8L + 8L − L leaves a rounding residue of about 1e-15·L, which divided by 12h
/// read as a gradient of 1e-13 (and, against the check's 1e-8 floor, a relative error of 1e-5).
public func centralDifference(step h: Double = gradientCheckStep, _ f: (Double) -> Double)
  -> Double
{
  ((f(-2 * h) - f(2 * h)) + 8 * (f(h) - f(-h))) / (12 * h)
}

/// The worst entry of one tensor.
public struct TensorGradientCheck: Sendable, Equatable {
  /// The tensor's name, e.g. `Whh`.
  public let tensor: String
  /// `Whh[3, 7]`, or the tensor's name alone when the whole tensor is wrong (missing, wrong size).
  public let location: String
  /// The analytic gradient at `location` (NaN when there is a `problem`).
  public let analytic: Double
  /// The central-difference gradient at `location` (NaN when there is a `problem`).
  public let numeric: Double
  /// `relativeError(analytic, numeric)` at `location`: the tensor's largest (∞ with a
  /// `problem`).
  public let relativeError: Double
  /// Set when the analytic gradient could not be compared at all.
  public let problem: String?

  /// True when the gradient could be compared and its worst relative error is ≤ `tolerance`.
  public func passes(tolerance: Double) -> Bool { problem == nil && relativeError <= tolerance }
}

/// The outcome of a gradient check: the worst entry of each tensor checked, in order.
public struct GradientCheckReport: Sendable, CustomStringConvertible {
  /// One result per tensor checked, in the order they were given.
  public let tensors: [TensorGradientCheck]
  /// The step h the central differences used.
  public let step: Double

  /// The tensor with the largest relative error (NaN and problems count as worst).
  public var worst: TensorGradientCheck? {
    tensors.max { badness($0) < badness($1) }
  }

  /// True when every tensor passes at `tolerance` (see `TensorGradientCheck.passes`).
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

/// Compares analytic gradients with central differences of `loss`, tensor by tensor. `Point` is
/// anything with named tensors reachable by key path: a model's parameters and the state its
/// window starts from (`GradientPoint`), or a single matrix.
///
/// - Parameters:
///   - loss: the scalar to differentiate, evaluated at a (perturbed) point.
///   - point: where to check.
///   - tensors: which tensors to perturb.
///   - analytic: the gradient to check, by tensor name (the same names as `tensors`).
///   - step: h in the central difference (`gradientCheckStep`).
public func checkGradients<Point>(
  of loss: (Point) -> Double, at point: Point, tensors: [TensorSlot<Point>],
  analytic: [String: [Double]], step: Double = gradientCheckStep
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

private func missing<Point>(_ tensor: TensorSlot<Point>, _ problem: String)
  -> TensorGradientCheck
{
  TensorGradientCheck(
    tensor: tensor.name, location: tensor.name, analytic: .nan, numeric: .nan,
    relativeError: .infinity, problem: problem)
}
