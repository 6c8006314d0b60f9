import CourseSupport
import ReferenceRNN

/// What `rnn train` and `rnn diagnose` say of a run: the shape of its curves (ex04) and whether
/// the model works from a fresh state (ex03), which the curves cannot show.
struct RunDiagnosis {
  let curves: Diagnosis
  /// nil for a run trained before `rnn train` checked it.
  let freshState: FreshStateCheck?
  let resets: StateResets

  var broken: Bool { freshState.map { !$0.passed } ?? false }

  /// "diagnosis: healthy — …", or the fresh state's failure first.
  var line: String {
    broken
      ? "diagnosis: broken from a fresh state (the curves alone read \(curves.rawValue))"
      : "diagnosis: \(curves.rawValue) — \(curves.advice)"
  }

  /// The check in one line, with what to do when it failed.
  var freshStateLine: String {
    guard let check = freshState else {
      return
        "fresh state: not checked (the run was saved before rnn train checked it; train it again to see)"
    }
    switch check.verdict {
    case .works:
      return "fresh state: works (\(check.measured), the worst of \(check.offsets.count) places)"
    case .untrained, .unchecked: return "fresh state: the model \(check.finding)"
    case .fails:
      let helps =
        resets == .never
        ? "start some training windows from a zero state (--resets 0.05) and train again"
        : "train longer, or start more windows from a zero state (--resets 0.2)"
      return
        "fresh state: BROKEN. The model \(check.finding) of the validation text. Validation, sampling and scoring start from a zero state, where it can fall into a regime it never leaves: \(helps). See ex03's lesson, \"A model that works only from the state it trained in\"."
    }
  }

  /// The line under loss.svg's title: short enough for the chart.
  var chartNote: String {
    guard broken, let check = freshState, let w = check.worst else { return line }
    return String(
      format:
        "diagnosis: broken from a fresh state — %.2f nats/char from zero, %.2f where training left it",
      check.fresh[w], check.carried[w])
  }
}
