import CourseSupport
import CourseTesting
import Ex12
import ReferenceRNN
import Testing

/// Not graded: `swift run grader compare ex12` runs each of these with your code and with the
/// solution, on the same inputs, and shows where the recorded values first differ.
@Suite("probe (for grader compare)", .enabled(if: ProbeLog.isRecording, ProbeLog.skipReason))
struct Probe {
  @Test func encoder() {
    let pass = Ex12.encode(S2S.example.source, parameters: S2S.parameters(), step: S2S.step)
    for (j, h) in pass.outputs.enumerated() { ProbeLog.record("outputs[\(j)]", h) }
    ProbeLog.record("summary.c", pass.summary.c)
  }

  @Test func decoder() {
    let (loss, g) = Ex12.seq2seqLoss(
      S2S.example, parameters: S2S.parameters(), step: S2S.step, endToken: S2S.smallEnd)
    ProbeLog.record("loss", loss)
    ProbeLog.record("dWhy", g.Why)
    ProbeLog.record("decoder.dbi", g.decoder.bi)
    ProbeLog.record("encoder.dbi", g.encoder.bi)
  }

  @Test func decoding() {
    let (_, p) = S2S.trained
    for source in S2S.sources.prefix(6) {
      let greedy = Ex12.greedyDecode(
        source, parameters: p, step: S2S.step, endToken: S2S.end, maxLength: 2 * source.count + 2)
      ProbeLog.record(
        "greedyDecode(\(DigitWords.sourceText(source)))", Vector(greedy.map(Double.init)))
      let beam = Ex12.beamSearch(
        source, width: 2, parameters: p, step: S2S.step, endToken: S2S.end,
        maxLength: 2 * source.count + 2)
      ProbeLog.record("beamSearch width 2, ln p", beam.logProbability)
    }
  }

  @Test func attention() {
    let a = Ex12.attend(
      query: Attention.q, keys: Attention.keys, Wa: Attention.Wa, Ua: Attention.Ua,
      va: Attention.va)
    ProbeLog.record("α", a.weights)
    ProbeLog.record("ctx", a.context)
    let b = Ex12.attendBackward(
      Vector([0.7, -1.3, 0.4]), query: Attention.q, keys: Attention.keys, Wa: Attention.Wa,
      Ua: Attention.Ua, va: Attention.va)
    ProbeLog.record("dQuery", b.dQuery)
    ProbeLog.record("dWa", b.dWa)
    ProbeLog.record("dva", b.dva)
  }
}
