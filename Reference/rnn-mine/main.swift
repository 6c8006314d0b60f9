import Foundation
import RNNTool

// `rnn-mine`: `rnn` with the learner's ex01 linked in, for `rnn train --mine`. `rnn` builds it
// and hands over; run by hand, it is the same tool.
LearnerCode.functions = learnerFunctions
let arguments = Array(CommandLine.arguments.dropFirst())
// `--mine` first checks the learner's ex01 in a child process of this tool.
exit(arguments == ["__probe-mine"] ? probeMine() : runRNN(arguments))
