import CourseSupport
import CourseTesting
import Ex01
import ReferenceRNN
import Testing

/// Task `clip`: element-wise clipping into [−limit, limit].
@Suite("clip") struct Clipping {
  /// Gradients whose tensors each hold values inside, on the edge of, and outside ±1.5.
  func gradients() -> RNNParameters {
    var g = RNNParameters.zeros(hiddenSize: 3, vocabularySize: 2)
    let pattern = [-7.0, -1.5, -0.25, 0, 0.75, 1.5, 2.0, 1e9, -1.4999]
    for tensor in RNNTensor.allCases {
      for i in g[tensor].indices {
        g[tensor][i] = pattern[(i + tensor.rawValue.count) % pattern.count]
      }
    }
    return g
  }

  @Test("leaves values inside the limit unchanged and bounds the rest")
  func boundsEveryElement() {
    let original = gradients()
    var g = original
    clip(&g, limit: 1.5)
    let before = RNNTensor.allCases.flatMap { original[$0] }
    let after = RNNTensor.allCases.flatMap { g[$0] }
    if let k = Symptom.scaling(of: after, against: before, tolerance: 1e-12) {
      Issue.record(
        "clip(limit: 1.5): every element was multiplied by \(formatScalar(k)): that is clipping by the global norm. This course clips element by element: each value into [−1.5, 1.5] on its own, the others untouched."
      )
      return
    }
    for tensor in RNNTensor.allCases {
      let cols = original.shape(of: tensor).cols
      for i in original[tensor].indices {
        let before = original[tensor][i]
        let after = g[tensor][i]
        let expected = min(max(before, -1.5), 1.5)
        let place =
          cols == 1
          ? "\(tensor.gradientName)[\(i)]" : "\(tensor.gradientName)[\(i / cols), \(i % cols)]"
        if after != expected {
          Issue.record(
            "clip(limit: 1.5): \(place) was \(before), expected \(expected), got \(after). \(abs(before) <= 1.5 ? "Values inside [−limit, limit] must stay exactly as they are." : "Values outside become ±limit, keeping their sign.")"
          )
          return
        }
      }
    }
  }

  @Test("uses 5 when no limit is given")
  func defaultLimit() {
    var g = RNNParameters.zeros(hiddenSize: 2, vocabularySize: 2)
    g.Wxh.scalars = [9, -9, 4.5, -4.5]
    clip(&g)
    #expect(
      g.Wxh.scalars == [5, -5, 4.5, -4.5],
      "clip(&g) with the default limit: expected dWxh [5, -5, 4.5, -4.5], got \(g.Wxh.scalars)")
  }
}
