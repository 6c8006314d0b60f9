// The reference answers: for each exercise, its functions computed by the course's models (the
// adapters: ex01's RNNParameters, ex07's LSTMParameters … as one-layer char models) and the
// lessons' experiments (the author study, the recall task, the rollouts). The models themselves
// (cells, training, sampling, checkpoints, the fast trainers) are `RNNModels`; ex11's automata
// are `ComplexityDynamics`. Importing this module imports them too: what the tests and the
// tools need in one line. Exercise modules cannot import any of them (see Package.swift).
@_exported import ComplexityDynamics
@_exported import RNNModels
