// Your scratch pad: try anything here, then run it with
//
//     swift run grader scratch
//
// It may import the support layer and any exercise, and builds only what it imports: an
// exercise you are half-way through does not stop it unless you import it here. The grader
// never reads this file; `grader reset` never touches it.

import CourseSupport
import Foundation  // exp, log, tanh

// import Ex01            // then, for example:
// var rng = SeededGenerator(seed: 1)
// let p = RNNParameters.random(hiddenSize: 3, vocabularySize: 4, using: &rng)
// let pass = forward(inputs: [0, 1, 2], targets: [1, 2, 3], hPrev: .zeros(3), parameters: p)
// print("loss", pass.loss, "uniform would be", 3 * log(4.0))

let scores = Vector([1, 2, 3])
let exponentials = (scores - scores.max()).map(exp)
print("softmax of", scores, "=", exponentials / exponentials.sum())
