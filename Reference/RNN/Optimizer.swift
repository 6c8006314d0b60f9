import CourseSupport

extension Reference {
  /// Clips every gradient element into [−limit, limit], as np.clip does: a cheap guard
  /// against exploding gradients.
  public static func clip(_ gradients: inout RNNParameters, limit: Double = 5) {
    for tensor in RNNTensor.allCases {
      for i in gradients[tensor].indices {
        gradients[tensor][i] = min(max(gradients[tensor][i], -limit), limit)
      }
    }
  }

  /// One Adagrad step, element by element:
  ///
  ///     mem += g²
  ///     θ   -= lr · g / √(mem + 1e-8)
  public static func adagradUpdate(
    parameters: inout RNNParameters, gradients: RNNParameters, memory: inout RNNParameters,
    learningRate: Double
  ) {
    for tensor in RNNTensor.allCases {
      let g = gradients[tensor]
      for i in g.indices {
        memory[tensor][i] += g[i] * g[i]
        parameters[tensor][i] -= learningRate * g[i] / (memory[tensor][i] + 1e-8).squareRoot()
      }
    }
  }
}
