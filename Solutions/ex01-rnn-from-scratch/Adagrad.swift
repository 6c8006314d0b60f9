import CourseSupport

/// Task 4 · one Adagrad step. For every element of every tensor:
///
///     mem += g²
///     θ   -= learningRate · g / √(mem + 1e-8)
///
/// `memory` has the shapes of the parameters and persists across steps (it starts at zero), so
/// each parameter gets its own step size that shrinks as its gradients accumulate.
public func adagradUpdate(
  parameters: inout RNNParameters, gradients: RNNParameters, memory: inout RNNParameters,
  learningRate: Double
) {
  // BEGIN SOLUTION
  for tensor in RNNTensor.allCases {
    let g = gradients[tensor]
    for i in g.indices {
      memory[tensor][i] += g[i] * g[i]
      parameters[tensor][i] -= learningRate * g[i] / (memory[tensor][i] + 1e-8).squareRoot()
    }
  }
  // END SOLUTION
}
