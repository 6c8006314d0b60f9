/// What a page says about the command that made it: the lesson it belongs to and, in two or
/// three sentences taken from that lesson, what to look for.
struct PageNote {
  var title: String
  /// The lesson's file, from the course's root.
  var lesson: String?
  var lookFor: String

  /// The note for `command`; a plain one for a command the table does not know.
  static func of(_ command: String) -> PageNote {
    notes[command] ?? PageNote(title: "rnn \(command)", lesson: nil, lookFor: "")
  }

  private static func lesson(_ folder: String) -> String { "Exercises/\(folder)/README.md" }

  private static let notes: [String: PageNote] = [
    "train": PageNote(
      title: "Training", lesson: lesson("ex04-loss-curves"),
      lookFor:
        "The samples should turn from noise into words, then into the text's layout. In the loss chart, validation should fall with training; a validation that rises while training falls is overfitting, and a loss that jumps is spiky (ex04). The last line checks the model from a fresh state: a model that works only from the states training carried is BROKEN (ex03)."
    ),
    "diagnose": PageNote(
      title: "Diagnosis (ex04)", lesson: lesson("ex04-loss-curves"),
      lookFor:
        "The diagnosis is written under the chart's title: healthy, plateau, spikes, oscillation, overfitting or diverged, each with what to do. Compare the mean training loss since each validation with the validation loss: the smoothed line lags."
    ),
    "activations": PageNote(
      title: "Hidden units (activations)", lesson: lesson("ex03-your-own-dataset"),
      lookFor:
        "Each row is a hidden unit, each column a character the model read. Look for units that switch at spaces or newlines, and for units pinned at ±1 that hold their value like a latch (ex03's fresh-state lesson)."
    ),
    "hyperparameters": PageNote(
      title: "Hyperparameters (ex03)", lesson: lesson("ex03-your-own-dataset"),
      lookFor:
        "Each row is one setting trained for the same number of iterations; compare their validation losses, not their training losses."
    ),
    "fresh-state": PageNote(
      title: "Does the model work from a fresh state? (ex03)",
      lesson: lesson("ex03-your-own-dataset"),
      lookFor:
        "A model is broken when a stretch of the validation text scores more than 0.5 nats per character worse read from a zero state than from the state training carried. hidden-state.svg shows why: within a few characters most of a broken model's units sit at the opposite sign, and stay there."
    ),
    "gradient-flow": PageNote(
      title: "Gradient flow through time (ex05)", lesson: lesson("ex05-gradient-flow"),
      lookFor:
        "‖g‖ against steps back on a log scale: straight lines of slope ln ρ, falling for ρ < 1 and climbing for ρ > 1. In the heatmap, bright on the left means the early steps get the exploded gradient."
    ),
    "gates": PageNote(
      title: "An LSTM's gates (ex07)", lesson: lesson("ex07-lstm"),
      lookFor:
        "Look for most forget gates open most of the time, and a few shut again and again. Units outlined in red count along the line: their cell state climbs along each line and drops at ⏎."
    ),
    "lstm-flow": PageNote(
      title: "Gradient flow: the vanilla RNN and the LSTM (ex07)", lesson: lesson("ex07-lstm"),
      lookFor:
        "Untrained, the RNN's gradient is gone within ten steps while the LSTM's ∂L/∂c shrinks by a forget gate per step. Trained to remember a key, the forget gates sit at 1 and ∂L/∂c is the same 50 steps back as at the loss: the constant error carousel."
    ),
    "long-dependency": PageNote(
      title: "A key 50 steps back (ex07)", lesson: lesson("ex07-lstm"),
      lookFor:
        "Guessing scores 0.25. Look for the RNN at chance after a few steps while the LSTM still names the key 50 steps back."
    ),
    "saliency": PageNote(
      title: "Which characters the model looked at", lesson: lesson("ex07-lstm"),
      lookFor:
        "Each row is one character the model predicted (boxed, on the right) and the characters before it, coloured by the size of ∂ log p(that character) / ∂(their input): dark is what the prediction depended on. The chart averages the rows against k, the distance back: the gradient-flow lessons predict the vanilla RNN's curve to fall faster than the LSTM's."
    ),
    "evolution": PageNote(
      title: "The evolution: one-hot RNN, embedding, GRU, LSTM (ex08)",
      lesson: lesson("ex08-evolution"),
      lookFor:
        "Four models of the same number of parameters, trained with the same budget and seeds: compare their final validation losses and how fast their curves fall, and the milliseconds each iteration costs."
    ),
    "depth": PageNote(
      title: "Depth, measured (ex09)", lesson: lesson("ex09-deep-bidirectional"),
      lookFor:
        "One layer against two of the same total size, and two with dropout between them: whether depth pays on this text and budget, in the final losses and in the curves."
    ),
    "tagger": PageNote(
      title: "Where the future helps (ex09)", lesson: lesson("ex09-deep-bidirectional"),
      lookFor:
        "Reading left to right, the first letter of a word is the hardest; by the fourth the word is given away. Reading both ways, the tagger sees the end of the word from the first letter on."
    ),
    "authors": PageNote(
      title: "Who wrote this? (ex06)", lesson: lesson("ex06-who-wrote-this"),
      lookFor:
        "Look for accuracy rising with the passage's length, for what the style table says tells the authors apart, and for naive Bayes as good as the RNNs."
    ),
    "rollout": PageNote(
      title: "Teacher forcing and rollouts (ex10)", lesson: lesson("ex10-rollouts"),
      lookFor:
        "The loss falls, and the rollout fails: a model with a low one-step error can do worse than the mean frame fifty steps ahead. Scheduled sampling trades the first step for the fiftieth."
    ),
    "seq2seq": PageNote(
      title: "Sequence to sequence (ex12)", lesson: lesson("ex12-seq2seq"),
      lookFor:
        "Look for the length where the plain model's accuracy falls below one half, for how far reading the source reversed moves it, and for the diagonal in the attention maps: each digit looks at its own word."
    ),
    "complexity": PageNote(
      title: "Complexity dynamics (ex11)", lesson: lesson("ex11-complexity-dynamics"),
      lookFor:
        "The entropy rises and stays; the complexity rises, peaks and falls. The snapshots show why: the mixed band between cream and coffee is ragged, and its rags are what cost bits."
    ),
  ]
}
