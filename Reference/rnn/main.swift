import Foundation
import RNNTool

// `rnn`: the reference implementation's front end. It never compiles learner code: `train
// --mine` hands over to `rnn-mine`, which does.
exit(runRNN(Array(CommandLine.arguments.dropFirst())))
