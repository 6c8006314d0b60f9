import CourseSupport
import CourseTesting
import Ex12
import GradientCheck
import ReferenceRNN
import Testing

/// Task `encoder`: the LSTM read over the source, its outputs and its summary.
@Suite("encoder") struct Encoder {
  /// The encoder's states by the course's own cell, reading `source` in the order given.
  static func reference(_ source: [Int], _ p: Seq2SeqParameters<LSTMLayer>) -> [LSTMState] {
    let cell = LSTMCell(inputSize: p.encoder.Wi.cols, hiddenSize: p.encoder.Ui.rows)
    var state = cell.zeroState()
    return source.map { token in
      state = cell.step(.index(token), from: state, parameters: p.encoder).state
      return state
    }
  }

  @Test("one word: the summary is one step from h = c = 0")
  func oneWord() {
    let p = S2S.parameters()
    let pass = encode([2], parameters: p, step: S2S.step)
    guard
      expectCount(
        pass.outputs.count, 1, "encode([two]): outputs", hint: "One output h per source token.")
    else { return }
    expectMatch(
      firstMismatch(
        "summary.", actual: pass.summary, expected: Self.reference([2], p)[0], tolerance: 1e-12),
      "encode([two]): the summary", tolerance: 1e-12,
      hint:
        "Start from LSTMState.zeros(H) and call step.run(.index(2), state, p.encoder): the encoder's tensors, the token as a one-hot input."
    )
  }

  @Test("the outputs and the summary equal the course's LSTM read in order")
  func matchesReference() {
    let p = S2S.parameters()
    let source = S2S.example.source
    let pass = encode(source, parameters: p, step: S2S.step)
    let want = Self.reference(source, p)
    guard
      expectCount(
        pass.outputs.count, source.count, "encode(5 words): outputs",
        hint: "One output h per source token.")
    else { return }
    let reversed = Self.reference(source.reversed(), p)
    if pass.summary == reversed.last!, pass.summary != want.last! {
      Issue.record(
        "encode: your summary is the state after reading the source last word first. The encoder reads what it is given, in order; a caller who wants it reversed passes it reversed."
      )
      return
    }
    for (j, h) in pass.outputs.enumerated() {
      guard
        expectMatch(
          firstMismatch("outputs[\(j)]", actual: h, expected: want[j].h, tolerance: 1e-12),
          "encode: h after word \(j + 1)", tolerance: 1e-12,
          hint:
            "Carry the state from step to step; after each step keep the h of the state it returned."
        )
      else { return }
    }
    expectMatch(
      firstMismatch("summary.", actual: pass.summary, expected: want.last!, tolerance: 1e-12),
      "encode: the summary (h and c after the last word)", tolerance: 1e-12,
      hint: "The summary is the whole state after the last token, c as well as h.")
    expectCount(
      pass.pullbacks.count, source.count, "encode: pullbacks", hint: "Keep each step's pullback.")
  }
}
