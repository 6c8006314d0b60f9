import CourseSupport

/// The point at which a model's gradient is checked: its parameters and the state its window
/// starts from, so ∂L/∂(that state) is checked like any parameter. The state's tensors are named
/// with "Prev" (`hPrev`, `cPrev`): the state before the first step.
public struct GradientPoint<Parameters: TensorSet, State: TensorSet>: TensorSet {
  /// The model's parameters.
  public var parameters: Parameters
  /// The state the window starts from.
  public var state: State

  /// The point made of `parameters` and the start `state`.
  public init(parameters: Parameters, state: State) {
    self.parameters = parameters
    self.state = state
  }

  /// The parameters' tensors under their own names, then the state's with "Prev" appended.
  public var tensors: [TensorSlot<GradientPoint>] {
    parameters.tensors.map { $0.nested(in: \.parameters, prefix: "") }
      + state.tensors.map { $0.nested(in: \.state, prefix: "").renamed($0.name + "Prev") }
  }
}

/// Checks the gradients a backward pass computed (for the parameters, and for the state the
/// window started from) against central differences of `loss`.
///
///     let report = checkGradients(parameters: p, state: s, gradients: g, dState: ds) { p, s in
///       myForward(inputs, targets, s, p).loss
///     }
///     print(report)   // the worst entry of each tensor, with both values
public func checkGradients<Parameters: TensorSet, State: TensorSet>(
  parameters: Parameters, state: State, gradients: Parameters, dState: State,
  step: Double = gradientCheckStep, loss: (Parameters, State) -> Double
) -> GradientCheckReport {
  let point = GradientPoint(parameters: parameters, state: state)
  let gradient = GradientPoint(parameters: gradients, state: dState)
  var analytic: [String: [Double]] = [:]
  // A gradient of another shape than its tensor is reported as such by name, not trapped on.
  for slot in gradient.tensors { analytic[slot.name] = gradient[keyPath: slot.values] }
  return checkGradients(
    of: { loss($0.parameters, $0.state) }, at: point, tensors: point.tensors, analytic: analytic,
    step: step)
}

/// ex01's check: a vanilla RNN's five tensors and hPrev.
///
///     let report = checkRNNGradients(parameters: p, hPrev: h, backward: myBackward(…)) { p, h in
///       myForward(inputs, targets, h, p).loss
///     }
///     print(report)   // the worst entry of each tensor, with both values
public func checkRNNGradients(
  parameters: RNNParameters, hPrev: Vector, backward: BackwardPass,
  step: Double = gradientCheckStep,
  loss: (RNNParameters, Vector) -> Double
) -> GradientCheckReport {
  checkGradients(
    parameters: parameters, state: HiddenState(h: hPrev), gradients: backward.gradients,
    dState: HiddenState(h: backward.dhPrev), step: step
  ) { p, s in loss(p, s.h) }
}
