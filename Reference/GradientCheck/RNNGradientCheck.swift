import CourseSupport

/// The point at which an RNN's gradient is checked: the parameters and the hidden state the
/// sequence starts from (so ∂L/∂hPrev is checked like any parameter).
public struct RNNCheckPoint: Sendable {
  public var parameters: RNNParameters
  public var hPrev: Vector

  public init(parameters: RNNParameters, hPrev: Vector) {
    self.parameters = parameters
    self.hPrev = hPrev
  }

  /// The five parameter tensors and hPrev, named as in the formulas.
  public var tensors: [CheckedTensor<RNNCheckPoint>] {
    let h = parameters.hiddenSize
    let v = parameters.vocabularySize
    return [
      CheckedTensor("Wxh", rows: h, cols: v, values: \.parameters.Wxh.scalars),
      CheckedTensor("Whh", rows: h, cols: h, values: \.parameters.Whh.scalars),
      CheckedTensor("Why", rows: v, cols: h, values: \.parameters.Why.scalars),
      CheckedTensor("bh", rows: h, values: \.parameters.bh.scalars),
      CheckedTensor("by", rows: v, values: \.parameters.by.scalars),
      CheckedTensor("hPrev", rows: h, values: \.hPrev.scalars),
    ]
  }
}

/// Checks a backward pass against central differences of a forward pass's loss.
///
///     let report = checkRNNGradients(parameters: p, hPrev: h, backward: myBackward(…)) { p, h in
///       myForward(inputs, targets, h, p).loss
///     }
///     print(report)   // the worst entry of each tensor, with both values
public func checkRNNGradients(
  parameters: RNNParameters, hPrev: Vector, backward: BackwardPass, step: Double = 1e-5,
  loss: (RNNParameters, Vector) -> Double
) -> GradientCheckReport {
  let point = RNNCheckPoint(parameters: parameters, hPrev: hPrev)
  var analytic: [String: [Double]] = [:]
  for tensor in RNNTensor.allCases {
    analytic[tensor.rawValue] = backward.gradients[tensor]
  }
  analytic["hPrev"] = backward.dhPrev.scalars
  return checkGradients(
    of: { loss($0.parameters, $0.hPrev) }, at: point, tensors: point.tensors, analytic: analytic,
    step: step)
}
